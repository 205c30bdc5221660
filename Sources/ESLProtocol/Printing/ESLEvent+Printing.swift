import NIOCore

extension ESLEvent: CustomStringConvertible, CustomDebugStringConvertible {
    /// The name (and subclass), how many headers, the body's size:
    /// `BACKGROUND_JOB (16 headers, 41-byte body)`, `CUSTOM sofia::register (40 headers)`.
    /// An event without `Event-Name` reads `event (…)`.
    public var description: String {
        var title = name ?? "event"
        if let subclass { title += " " + subclass }
        var counts = PrintedText.count(headerCount, "header")
        if let body { counts += ", " + PrintedText.body(body.readableBytes) }
        return "\(title) (\(counts))"
    }

    /// ``description``, then every header decoded as `Name: value`, one a line, in event order,
    /// then a blank line and the body, when there is one.
    public var debugDescription: String {
        PrintedText.block(description, headers, body: bodyString)
    }
}

extension ESLEvent.Header: CustomStringConvertible {
    /// `Name: value`.
    public var description: String { "\(name): \(value)" }
}
