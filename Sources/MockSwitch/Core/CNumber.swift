/// C's number parsing, as the switch's commands use it on their arguments.
enum CNumber {
    /// `atol`: leading blanks, an optional sign, then digits; anything else ends the number, and
    /// no digits at all give 0. Saturates instead of overflowing.
    static func atol(_ text: String) -> Int {
        var bytes = Substring(text).utf8.drop { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return negative ? Int.min : Int.max }
            value = sum
        }
        return negative ? -value : value
    }
}
