/// The level word of the `log` command as the switch reads it (`switch_log_str2level`,
/// docs/protocol.md, "Log levels"); event_sink's `loglevel` parameter goes through the same function.
public enum ESLServerLogLevel {
    /// The marker the switch uses for "invalid"; a typed `64` is therefore rejected.
    static let invalid = 64

    /// The numeric level of `word`, or `nil` when the switch answers `-ERR invalid log level`.
    /// Numbers (optional sign, digits and dots) go through `atoi` and are clamped: above 64 gives
    /// 63, below 0 gives 0. Names are those of docs/protocol.md, "Log levels", in any case; only `disable` means -1.
    public static func level(of word: String) -> Int? {
        if isNumber(word) {
            let value = atoi(word)
            if value > invalid { return invalid - 1 }
            if value == invalid { return nil }
            return max(0, value)
        }
        return ESLLogLevel.allCases.first { $0.name == word.uppercased() }?.rawValue
    }

    /// `switch_is_number`: an optional sign, then only digits and dots (an empty rest counts).
    static func isNumber(_ word: String) -> Bool {
        var rest = Substring(word)
        if rest.first == "+" || rest.first == "-" { rest.removeFirst() }
        return rest.allSatisfy { $0 == "." || ("0"..."9").contains($0) }
    }
}

/// C's `atoi`: leading whitespace, an optional sign, then digits up to the first non-digit;
/// anything else is 0. Saturates instead of overflowing.
func atoi(_ text: some StringProtocol) -> Int {
    var bytes = Substring(text).utf8.drop { $0 == ASCII.space || $0 == ASCII.tab || $0 == ASCII.lf || $0 == ASCII.cr || $0 == 0x0B || $0 == 0x0C }
    var negative = false
    if let sign = bytes.first, sign == ASCII.plus || sign == ASCII.minus {
        negative = sign == ASCII.minus
        bytes = bytes.dropFirst()
    }
    var value = 0
    for byte in bytes {
        guard byte >= ASCII.zero && byte <= ASCII.nine else { break }
        let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(Int(byte - ASCII.zero))
        if overflow1 || overflow2 { return negative ? Int.min : Int.max }
        value = sum
    }
    return negative ? -value : value
}
