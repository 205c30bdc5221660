import NIOCore

/// A `text/event-*` frame: an event serialized in one of three formats, not yet decoded.
///
/// Decoding is a separate step (``decode()``) so a reader that only counts or forwards events
/// does not pay for it.
public struct ESLEventFrame: Sendable, Hashable {
    /// The serialization of ``body``.
    public var format: ESLEventFormat
    /// The serialized event: the frame's body.
    public var body: ByteBuffer

    /// Wraps a serialized event.
    public init(format: ESLEventFormat, body: ByteBuffer) {
        self.format = format
        self.body = body
    }

    /// The serialized event as text (invalid UTF-8 repaired), e.g. to show an event that failed to decode.
    public var text: String { String(buffer: body) }

    /// The frame the switch sends: `Content-Length` first, then `Content-Type` (as in every capture).
    public var frame: ESLFrame {
        ESLFrame(
            headers: [("Content-Length", String(body.readableBytes)), ("Content-Type", format.contentType)],
            body: body)
    }
}
