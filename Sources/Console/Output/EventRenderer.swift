import ESLProtocol

/// Shows an event, whatever its wire format (plain, json and xml decode to the same ``ESLEvent``
/// and so to the same text), in one of the ``EventView``s. fs_cli prints JSON and XML events raw,
/// with a duplicated envelope, and some plain headers twice.
public struct EventRenderer: Sendable {
    /// Colours (or none).
    public var palette: Palette

    /// A renderer.
    public init(palette: Palette) {
        self.palette = palette
    }

    /// The text for `event` in `view`, without a final line end. `format` is the wire format the
    /// event arrived in, for the raw view.
    public func render(_ event: ESLEvent, view: EventView = .full, format: ESLEventFormat = .plain) -> String {
        switch view {
        case .compact: compact(event)
        case .full: full(event)
        case .raw: Self.raw(event.wireText(format), format: format)
        case .json: Self.json(event)
        }
    }

    /// The event as FreeSWITCH's `event json` serializes it, on one line: the protocol library's
    /// encoder escapes every value (a line end in a value is `\n`), so the object never spans lines.
    /// Never coloured, so that it always parses.
    public static func json(_ event: ESLEvent) -> String {
        event.wireText(.json)
    }

    /// The frame as the switch sent it: its own headers (`Content-Length`, `Content-Type`), a blank
    /// line, the event; then a blank line, so events in a row stay apart.
    static func raw(_ wireText: String, format: ESLEventFormat) -> String {
        "Content-Length: \(wireText.utf8.count)\nContent-Type: \(format.contentType)\n\n" + withoutTrailingLineEnds(wireText) + "\n"
    }

    /// The text for an event still in its frame, already summarised (which the compact view is made
    /// from). The raw view is the frame's own text; the full view decodes it.
    func render(_ frame: ESLEventFrame, summary: EventSummary, view: EventView) throws(ESLProtocolError) -> String {
        switch view {
        case .compact: compact(summary)
        case .full: full(try frame.decode())
        case .raw: Self.raw(frame.text, format: frame.format)
        case .json: Self.json(try frame.decode())
        }
    }

    /// `14:46:10.101 CHANNEL_ANSWER 1a2b3c4d CS_EXECUTE ANSWERED 1000 → 9196`: one line.
    public func compact(_ event: ESLEvent) -> String {
        compact(EventSummary(event))
    }

    /// The compact line for an event already summarised.
    func compact(_ summary: EventSummary) -> String {
        let name = summary.name
        var title = name
        if let subclass = summary.subclass, !subclass.isEmpty { title += " " + subclass }
        var line = summary.time
        line.reserveCapacity(128)
        func add(_ part: String) {
            guard !part.isEmpty else { return }
            if !line.isEmpty { line += " " }
            line += part
        }
        add(palette.paint(title, EventSummary.colour(forEventNamed: name)))
        if let uuid = summary.uniqueID, !uuid.isEmpty { add(String(uuid.prefix(8))) }
        for field in summary.fields { add(field) }
        return line
    }

    /// A title line, every header once with the names aligned, then the body after a blank line.
    public func full(_ event: ESLEvent) -> String {
        let name = event.name ?? "?"
        var title = "EVENT " + name
        if let subclass = event.subclass, !subclass.isEmpty { title += " " + subclass }
        var lines = [palette.paint(title, EventSummary.colour(forEventNamed: name) ?? "\u{1B}[1m")]
        var seen = Set<String>()
        var rows: [(String, String)] = []
        for header in event.headers where seen.insert(header.name + "\u{0}" + header.value).inserted {
            rows.append((header.name, header.value))
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (name, value) in rows {
            lines.append(name + ":" + String(repeating: " ", count: width - name.count + 1) + value)
        }
        if let body = event.bodyString, !body.isEmpty {
            lines.append("")
            lines.append(Self.withoutFinalLineEnd(body))
        }
        return lines.joined(separator: "\n")
    }

    /// An event frame that could not be decoded: said so, with its raw text, so nothing is lost.
    public func renderUndecodable(_ frame: ESLEventFrame, _ error: ESLProtocolError) -> String {
        palette.error("undecodable event (\(error)):") + "\n" + frame.text
    }

    /// `text` without the line ends it finishes with (a plain event ends in a blank line).
    static func withoutTrailingLineEnds(_ text: String) -> String {
        var bytes = Substring(text).utf8
        while bytes.last == 0x0A || bytes.last == 0x0D { bytes = bytes.dropLast() }
        return String(Substring(bytes))
    }

    /// `text` without one final line end (LF or CRLF).
    static func withoutFinalLineEnd(_ text: String) -> String {
        var bytes = Substring(text).utf8
        if bytes.last == 0x0A {
            bytes = bytes.dropLast()
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
        }
        return String(Substring(bytes))
    }
}
