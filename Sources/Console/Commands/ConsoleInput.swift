import ESLProtocol

/// What a line typed at the prompt asks for (docs/fs_cli-differences.md, "Typed lines and slash commands"), decided
/// by ``InputParser``.
public enum ConsoleInput: Sendable, Hashable {
    /// Nothing but blanks: do nothing.
    case empty
    /// A switch command, sent as `api <line>` with `console_execute: true`.
    case api(String)
    /// `console loglevel <level>`: fs_cli first sends `log <level>` for this session, then the line
    /// as an API command, so the session's and the switch console's levels change together.
    case consoleLogLevel(level: String, line: String)
    /// `bgapi <command>`: sent as the ESL `bgapi` command; the Job-UUID prints at once, the output when
    /// its BACKGROUND_JOB arrives.
    case bgapi(String)
    /// A slash command (or fs_cli's `...`).
    case slash(SlashCommand)
    /// A line that cannot be run, with the message to show (e.g. an unknown slash command).
    case error(String)

    /// The ESL commands to send, in order; empty for inputs handled in the console itself.
    public var commands: [ESLCommand] {
        switch self {
        case .empty, .error:
            []
        case .api(let line):
            [Self.consoleAPI(line)]
        case .consoleLogLevel(let level, let line):
            [ESLCommand(line: "log \(level)"), Self.consoleAPI(line)]
        case .bgapi(let command):
            [ESLCommand(line: "bgapi \(command)")]
        case .slash(let command):
            command.serverCommand.map { [$0] } ?? []
        }
    }

    private static func consoleAPI(_ line: String) -> ESLCommand {
        ESLCommand(line: "api \(line)", headers: [("console_execute", "true")], replyKind: .apiResponse)
    }
}
