/// When fscli colours its output: `--color auto|always|never`.
public enum ColorMode: String, Sendable, Equatable, CaseIterable {
    /// Colour when the output is a terminal, `TERM` is not `dumb` and `NO_COLOR` is not set.
    case auto
    /// Always colour, even into a pipe.
    case always
    /// Never colour (also `-n`/`--no-color`, which in fs_cli only affected the banner).
    case never

    /// Whether to colour output going to a stream, given whether it is a terminal and the environment.
    public func usesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto:
            isTerminal && environment["TERM"] != "dumb" && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
