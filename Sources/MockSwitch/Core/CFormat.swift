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
}
