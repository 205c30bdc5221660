import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore

/// An event on its way to listeners: serialized at most once per format and shared by every
/// listener that receives it (the frames are ByteBuffers, so sharing copies nothing).
final class PublishedEvent: Sendable {
    let event: ESLEvent
    private let frames = NIOLockedValueBox<[ESLEventFormat: ByteBuffer]>([:])

    init(_ event: ESLEvent) {
        self.event = event
    }

    /// The whole `text/event-*` frame in `format`: `Content-Length`, `Content-Type`, blank line,
    /// the serialized event (the header order every capture shows).
    func frame(_ format: ESLEventFormat) -> ByteBuffer {
        if let cached = frames.withLockedValue({ $0[format] }) { return cached }
        var body = ByteBuffer()
        switch format {
        case .plain: event.encodePlain(into: &body)
        case .json: event.encodeJSON(into: &body)
        case .xml: event.encodeXML(into: &body)
        }
        var frame = ByteBuffer()
        frame.reserveCapacity(body.readableBytes + 64)
        frame.writeStaticString("Content-Length: ")
        frame.writeString(String(body.readableBytes))
        frame.writeStaticString("\nContent-Type: ")
        frame.writeString(format.contentType)
        frame.writeStaticString("\n\n")
        frame.writeBuffer(&body)
        frames.withLockedValue { $0[format] = frame }
        return frame
    }
}
