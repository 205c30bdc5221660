import ESLProtocol

/// Shows an event, whatever its wire format (plain, json and xml decode to the same ``ESLEvent``):
/// a title line with the event name (and subclass), then each header once as `Name: value`, then the
/// body. fs_cli prints JSON and XML events raw and some headers twice.
public struct EventRenderer: Sendable {
    /// Colours (or none).
    public var palette: Palette

    /// A renderer.
    public init(palette: Palette) {
        self.palette = palette
    }

    /// The text for `event`, without a final line end.
    public func render(_ event: ESLEvent) -> String {
        var title = "EVENT " + (event.name ?? "?")
        if let subclass = event.subclass, !subclass.isEmpty { title += " " + subclass }
        var lines = [palette.paint(title, "\u{1B}[1m")]
        for header in event.headers {
            lines.append("\(header.name): \(header.value)")
        }
        if var body = event.bodyString, !body.isEmpty {
            if body.utf8.last == UInt8(ascii: "\n") { body.removeLast() }
            lines.append("")
            lines.append(body)
        }
        return lines.joined(separator: "\n")
    }

    /// An event frame that could not be decoded: said so, with its raw text, so nothing is lost.
    public func renderUndecodable(_ frame: ESLEventFrame, _ error: ESLProtocolError) -> String {
        palette.error("undecodable event (\(error)):") + "\n" + frame.text
    }
}
