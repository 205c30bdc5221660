/// What `/logfilter` shows: log lines containing a text, or matching a regular expression written
/// between slashes (`/logfilter /sofia|sip/`).
public enum LogFilterPattern: Sendable, Hashable {
    /// A literal, case-sensitive substring (fs_cli's `strstr`).
    case text(String)
    /// A regular expression (the text between the slashes), already checked to compile.
    case regex(String)

    /// Parses the argument of `/logfilter`; throws the regex compile error for a bad `/…/`.
    public init(argument: String) throws {
        if argument.count >= 2, argument.hasPrefix("/"), argument.hasSuffix("/") {
            let pattern = String(argument.dropFirst().dropLast())
            _ = try Regex(pattern)
            self = .regex(pattern)
        } else {
            self = .text(argument)
        }
    }

    /// Whether a log line's text passes the filter.
    public func matches(_ text: String) -> Bool {
        switch self {
        case .text(let needle):
            return text.contains(needle)
        case .regex(let pattern):
            guard let regex = try? Regex(pattern) else { return false }
            return text.contains(regex)
        }
    }
}
