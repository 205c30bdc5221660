import ESLProtocol
import NIOCore

/// Makes `log/data` lines (docs/protocol.md, "Log frames", captures 19 and 31): the body
/// `YYYY-MM-DD HH:MM:SS.uuuuuu NN.NN% [LEVEL] file.c:LINE message`, the level names of
/// docs/protocol.md, "Log levels".
public struct LogLineFactory: Sendable {
    /// Where stamps come from.
    public var clock: SwitchClock

    /// A factory reading `clock`.
    public init(clock: SwitchClock) {
        self.clock = clock
    }

    /// The log channels a line can come from (`Text-Channel`).
    public enum Channel: Int, Sendable {
        /// `SWITCH_CHANNEL_LOG`: ordinary core lines.
        case log = 0
        /// `SWITCH_CHANNEL_LOG_CLEAN`: the bare message, no prefix.
        case clean = 1
        /// `SWITCH_CHANNEL_SESSION_LOG` (also what mod_commands' `log` uses).
        case session = 3
    }

    /// One line at `level` (0–7) from `source`; `idleCPU` is the percentage printed after the
    /// stamp; `userData` is the call's UUID for session lines. The message gets a final LF if it
    /// has none, as the switch's format strings do.
    public func line(level: Int, _ message: String, source: SourceLocation, channel: Channel = .log,
                     userData: String = "", idleCPU: Double, time: Int64? = nil) -> ESLLogLine {
        let text = message.hasSuffix("\n") ? message : message + "\n"
        let body: String
        if channel == .clean {
            body = text
        } else {
            let stamp = SwitchTimeText.localWithMicroseconds(time ?? clock.now(), clock.timeZone)
            body = "\(stamp) \(CFormat.fixed(idleCPU, decimals: 2))% [\(Self.levelName(level))] \(source.file):\(source.line) \(text)"
        }
        return ESLLogLine(level: level, textChannel: channel.rawValue, file: source.file, function: source.function,
                          line: source.line, userData: userData, body: ByteBuffer(string: body))
    }

    /// The upper-case name FreeSWITCH prints for a level (`switch_log_level2str`).
    public static func levelName(_ level: Int) -> String {
        switch level {
        case 0: "CONSOLE"
        case 1: "ALERT"
        case 2: "CRIT"
        case 3: "ERR"
        case 4: "WARNING"
        case 5: "NOTICE"
        case 6: "INFO"
        default: "DEBUG"
        }
    }

    /// The level for a name or number as `switch_log_str2level` reads it (`err`, `ERR`, `error`,
    /// `3`), or `nil`.
    public static func level(named word: String) -> Int? {
        if let number = Int(word), (0...7).contains(number) { return number }
        switch word.uppercased() {
        case "CONSOLE": return 0
        case "ALERT": return 1
        case "CRIT": return 2
        case "ERR", "ERROR": return 3
        case "WARNING": return 4
        case "NOTICE": return 5
        case "INFO": return 6
        case "DEBUG": return 7
        default: return nil
        }
    }
}

extension SourceLocation {
    /// `reloadxml` reloading the time zones (captures 19, 43).
    static let timezonesReloaded = SourceLocation(file: "switch_time.c", function: "switch_load_timezones", line: 1436)
    /// mod_commands' `log` API (capture 19).
    static let logAPI = SourceLocation(file: "mod_commands.c", function: "log_function", line: 7227)
}
