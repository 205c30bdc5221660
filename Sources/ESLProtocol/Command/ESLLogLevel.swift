/// The switch's log levels (docs/protocol.md, "Log levels"), by name and number.
public enum ESLLogLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Logging on, but nothing passes.
    case disable = -1
    /// 0
    case console = 0
    /// 1
    case alert = 1
    /// 2
    case crit = 2
    /// 3
    case err = 3
    /// 4
    case warning = 4
    /// 5
    case notice = 5
    /// 6
    case info = 6
    /// 7
    case debug = 7

    /// The upper-case name the switch uses (`DEBUG`, `ERR`, …).
    public var name: String {
        switch self {
        case .disable: "DISABLE"
        case .console: "CONSOLE"
        case .alert: "ALERT"
        case .crit: "CRIT"
        case .err: "ERR"
        case .warning: "WARNING"
        case .notice: "NOTICE"
        case .info: "INFO"
        case .debug: "DEBUG"
        }
    }

    /// Parses a level word as the switch does: a name in any case, or a number 0–7.
    /// Other spellings (`error`, `warn`) are not levels, exactly as on the switch.
    public init?(word: String) {
        // A negative number is clamped to 0 (docs/protocol.md, "Log levels"); only the word `disable` means -1.
        if let number = Int(word), let level = ESLLogLevel(rawValue: max(0, number)) {
            self = level
            return
        }
        let upper = word.uppercased()
        guard let level = Self.allCases.first(where: { $0.name == upper }) else { return nil }
        self = level
    }

    public static func < (lhs: ESLLogLevel, rhs: ESLLogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
