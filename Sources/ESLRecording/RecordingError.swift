/// Why a recording could not be read or written; ``message`` names the file and, for a file that
/// does not parse, the line and byte offset where it stops making sense.
public struct RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole message, as fscli prints it.
    public var message: String
    /// The line (1-based) at fault when parsing, if any.
    public var line: Int?
    /// The byte offset (0-based, in the uncompressed text) at fault when parsing, if any.
    public var offset: Int?

    /// An error.
    public init(_ message: String, line: Int? = nil, offset: Int? = nil) {
        self.message = message
        self.line = line
        self.offset = offset
    }

    public var description: String { message }
}
