#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C `printf` number formats the switch's texts use (`%f`, `%.2f`), without Foundation's `String(format:)`,
/// whose behaviour differs between platforms.
enum CFormat {
    /// `value` rounded half away from zero to `decimals` places, e.g. `%f` = 6 places: `98.700000`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let negative = value < 0
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return negative && scaled != 0 ? "-" + text : text
    }

    /// C's own `printf` rendering of `format` (`%0.3f`, `%1.15g`), where the switch's text depends on
    /// printf's rounding or its `%g` rules. The process never sets `LC_NUMERIC`, so the decimal point
    /// is always `.`.
    static func printf(_ format: String, _ arguments: any CVarArg...) -> String {
        var capacity = 128
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let length = withVaList(arguments) { vsnprintf(&buffer, capacity, format, $0) }
            guard length >= 0 else { return "" }
            if Int(length) < capacity {
                return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(length) + 1
        }
    }
}
