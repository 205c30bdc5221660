import NIOCore

extension ESLCommand: CustomDebugStringConvertible {
    /// The line as ``description`` shows it (password hidden), the header lines, then a blank line
    /// and the body: what goes on the wire, minus the secret. Without this, `debugPrint` would show
    /// the stored line, password and all.
    public var debugDescription: String {
        PrintedText.block(description, headers.map { ESLEvent.Header(name: $0.name, value: $0.value) },
                          body: body.map { String(buffer: $0) })
    }
}

extension ESLHeaders: CustomDebugStringConvertible {
    /// The header lines, one a line, as ``description`` shows them (not the raw block's bytes).
    public var debugDescription: String { description }
}
