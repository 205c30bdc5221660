import NIOCore

/// One message on the wire in either direction (docs/protocol.md, "Client packets" and "Server frames"): a header
/// block and, when a `Content-Length` header is present, exactly that many bytes of body.
public struct ESLFrame: Sendable, Hashable {
    /// The header lines in order.
    public var headers: ESLHeaders
    /// The body, or `nil` when the frame has none.
    public var body: ByteBuffer?

    /// Creates a frame. The encoder writes headers exactly as given: callers that want a body
    /// include the `Content-Length` header where FreeSWITCH puts it (first for events, after
    /// `Content-Type` elsewhere).
    public init(headers: ESLHeaders, body: ByteBuffer? = nil) {
        self.headers = headers
        self.body = body
    }

    /// The `Content-Type` header, which decides what the frame means.
    public var contentType: String? { headers["Content-Type"] }

    /// The body as text (invalid UTF-8 is repaired), or `nil` without a body.
    public var bodyString: String? {
        body.map { String(buffer: $0) }
    }

    /// Appends the frame's bytes: header lines, a blank line, the body.
    public func encode(into buffer: inout ByteBuffer) {
        var block = headers.block
        buffer.writeBuffer(&block)
        buffer.writeInteger(ASCII.lf)
        if var body {
            buffer.writeBuffer(&body)
        }
    }

    /// The frame's bytes.
    public var encoded: ByteBuffer {
        var buffer = ByteBuffer()
        encode(into: &buffer)
        return buffer
    }
}
