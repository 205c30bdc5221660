import ESLProtocol

/// Turns a `log/data` line into the text shown: coloured by level, optionally prefixed with its
/// channel UUID (`-U`, `-S`, `log-uuid-length`), with exactly one line end.
public struct LogRenderer: Sendable {
    /// Colours (or none).
    public var palette: Palette
    /// Characters of the UUID to prefix: nil none, 0 all (``ConsoleSettings/logUUIDPrefixLength``).
    public var uuidPrefixLength: Int?

    /// A renderer.
    public init(palette: Palette, uuidPrefixLength: Int?) {
        self.palette = palette
        self.uuidPrefixLength = uuidPrefixLength
    }

    /// Appends the text for `line` and one line end to `output`; false (nothing appended) for
    /// fs_cli's skipped bare `"\n"` bodies. A burst of lines is rendered into one string this way.
    @discardableResult
    public func append(_ line: ESLLogLine, to output: inout String) -> Bool {
        guard let text = render(line) else { return false }
        output += text
        output += "\n"
        return true
    }

    /// The text for `line` without its final line end; nil for fs_cli's skipped bare `"\n"` bodies.
    public func render(_ line: ESLLogLine) -> String? {
        var text = line.text
        guard text != "\n", !text.isEmpty else { return nil }
        if text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
        if let length = uuidPrefixLength, !line.userData.isEmpty {
            let uuid = length == 0 ? line.userData : String(line.userData.prefix(length))
            text = uuid + " " + text
        }
        return palette.log(text, level: line.level)
    }
}
