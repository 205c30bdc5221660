import NIOCore

/// An `api/response` frame (docs/protocol.md, "api"): the command's output, verbatim.
public struct ESLAPIResponse: Sendable, Hashable, CustomStringConvertible {
    /// The output bytes (may lack a final LF; `switchname` has none).
    public var body: ByteBuffer

    /// Wraps output bytes.
    public init(body: ByteBuffer) {
        self.body = body
    }

    /// Wraps output text.
    public init(text: String) {
        self.body = ByteBuffer(string: text)
    }

    /// The output as text.
    public var text: String { String(buffer: body) }

    /// Whether the switch reported a failure: output starting `-ERR` (unknown command, no reply,
    /// no such channel, ...).
    public var isError: Bool { body.readableBytesView.starts(with: "-ERR".utf8) }

    /// Whether the switch printed a usage line (`-USAGE: …`), i.e. the arguments were wrong.
    public var isUsage: Bool { body.readableBytesView.starts(with: "-USAGE".utf8) }

    /// The frame the switch sends: `Content-Type` first, then `Content-Length`.
    public var frame: ESLFrame {
        ESLFrame(
            headers: [("Content-Type", ESLContentType.apiResponse), ("Content-Length", String(body.readableBytes))],
            body: body)
    }

    public var description: String { text }
}
