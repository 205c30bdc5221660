import NIOCore

extension ESLEventFrame: CustomStringConvertible, CustomDebugStringConvertible {
    /// The content type and the serialized event's size, `text/event-json (2210 bytes)`; the event
    /// is not decoded to print it.
    public var description: String {
        "\(format.contentType) (\(PrintedText.count(body.readableBytes, "byte")))"
    }

    /// ``description``, then the serialized event as received.
    public var debugDescription: String {
        description + "\n" + text
    }
}
