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
