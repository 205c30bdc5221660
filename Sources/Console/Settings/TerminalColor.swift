/// A colour name fs_cli accepts for `prompt-color`, `input-text-color` and `output-text-color`.
///
/// fs_cli maps the `bold-*` names to *background* colours (`\e[40m`…); fscli makes them bold,
/// as the names say.
public enum TerminalColor: String, Sendable, Equatable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case boldBlack = "bold-black", boldRed = "bold-red", boldGreen = "bold-green", boldYellow = "bold-yellow"
    case boldBlue = "bold-blue", boldMagenta = "bold-magenta", boldCyan = "bold-cyan", boldWhite = "bold-white"

    /// Parses a config value, ignoring case; nil for a name fs_cli does not know.
    public init?(configValue: String) {
        self.init(rawValue: configValue.lowercased())
    }

    /// The SGR escape sequence that selects this colour.
    public var escapeSequence: String {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index < 8 ? "\u{1B}[3\(index)m" : "\u{1B}[1;3\(index - 8)m"
    }
}
