/// The escape sequences the console colours its output with, or none at all.
///
/// Log levels use fs_cli's table (docs/fs_cli-differences.md, "Log colours"): 0 default, 1–3 red, 4 magenta, 5 cyan,
/// 6 green, 7 yellow. Unlike fs_cli, every sequence is followed by a reset, so colour never leaks
/// into the prompt or the next line, and `--color never` turns all of it off, logs included.
public struct Palette: Sendable, Equatable {
    /// Whether any colour is used.
    public var isEnabled: Bool
    /// Before command output (`output-text-color`).
    public var output: TerminalColor?
    /// Before the prompt (`prompt-color`).
    public var prompt: TerminalColor?
    /// After the prompt, for typed text (`input-text-color`).
    public var input: TerminalColor?

    /// The reset sequence.
    public static let reset = "\u{1B}[m"

    /// A palette; with `isEnabled` false every method returns its text unchanged.
    public init(isEnabled: Bool, output: TerminalColor? = nil, prompt: TerminalColor? = nil, input: TerminalColor? = nil) {
        self.isEnabled = isEnabled
        self.output = output
        self.prompt = prompt
        self.input = input
    }

    /// fs_cli's colour for a log level; nil for the terminal's default (level 0 and unknown levels).
    public static func escape(forLogLevel level: Int) -> String? {
        switch level {
        case 1, 2, 3: "\u{1B}[31m"
        case 4: "\u{1B}[35m"
        case 5: "\u{1B}[36m"
        case 6: "\u{1B}[32m"
        case 7: "\u{1B}[33m"
        default: nil
        }
    }

    /// `text` in `escape`, reset after; unchanged when colour is off or there is no escape.
    ///
    /// Each line is painted on its own: the pane draws line by line and resets the colour at each
    /// line's end, so a colour spanning lines would reach only the first (a failed bgapi's `-ERR`
    /// body under its header, a multi-line log entry).
    public func paint(_ text: String, _ escape: String?) -> String {
        guard isEnabled, let escape, !text.isEmpty else { return text }
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return escape + text + Self.reset }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : escape + $0 + Self.reset }
            .joined(separator: "\n")
    }

    /// `text` in the colour of log `level`.
    public func log(_ text: String, level: Int) -> String {
        paint(text, Self.escape(forLogLevel: level))
    }

    /// Command output in `output-text-color`.
    public func output(_ text: String) -> String {
        paint(text, output?.escapeSequence)
    }

    /// An error line, in red.
    public func error(_ text: String) -> String {
        paint(text, "\u{1B}[31m")
    }

    /// A line the console itself says (connection state, hints), dimmed.
    public func notice(_ text: String) -> String {
        paint(text, "\u{1B}[2m")
    }

    /// A prompt for readline: colour escapes wrapped in `\u{1}`…`\u{2}` so they take no width.
    public func prompt(_ text: String) -> String {
        guard isEnabled, prompt != nil || input != nil else { return text }
        let start = prompt.map { "\u{1}\($0.escapeSequence)\u{2}" } ?? ""
        let end = "\u{1}\(Self.reset)\(input?.escapeSequence ?? "")\u{2}"
        return start + text + end
    }
}
