import NIOCore

extension ESLFrame: CustomStringConvertible, CustomDebugStringConvertible {
    /// The content type, how many headers, the body's size: `api/response (2 headers, 27-byte body)`.
    /// A frame without `Content-Type` reads `frame (…)`.
    public var description: String {
        var counts = PrintedText.count(headers.count, "header")
        if let body { counts += ", " + PrintedText.body(body.readableBytes) }
        return "\(contentType ?? "frame") (\(counts))"
    }

    /// ``description``, the header lines, then a blank line and the body, when there is one.
    public var debugDescription: String {
        PrintedText.block(description, headers.all, body: bodyString)
    }
}

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
