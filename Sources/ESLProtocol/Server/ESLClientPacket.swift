import NIOCore

/// One client packet as the switch's `read_packet` sees it (docs/protocol.md, "Client packets"): the raw header
/// block (stored by the switch as the `Command` pseudo-header), the command line, the header lines
/// after it, and the body.
public struct ESLClientPacket: Sendable, Hashable {
    /// The whole header block as text, line ends included. A few commands look at all of it
    /// (the unload/reload rewrite, the format search of session `myevents`).
    public var rawText: String
    /// Line 1 cut at the first CR or LF (`strip_cr`).
    public var commandLine: String
    /// Lines 2…n that have a colon: name before it, value after it with leading spaces (not tabs)
    /// removed, never URL-decoded.
    public var headers: [ESLEvent.Header]
    /// The body read after a positive `Content-Length`, else `nil`.
    public var body: ByteBuffer?

    /// Creates a packet from its parts.
    public init(rawText: String, headers: [ESLEvent.Header] = [], body: ByteBuffer? = nil) {
        self.rawText = rawText
        self.commandLine = String(decoding: rawText.utf8.prefix { $0 != ASCII.cr && $0 != ASCII.lf }, as: UTF8.self)
        self.headers = headers
        self.body = body.flatMap { $0.readableBytes > 0 ? $0 : nil }
    }

    /// Reads a packet the frame decoder split off the stream. The decoder's own header parsing is
    /// not used: line 1 is a command, not a header, even when it contains a colon.
    public init(frame: ESLFrame) {
        let raw = String(buffer: frame.headers.block)
        var headers: [ESLEvent.Header] = []
        // The switch splits at every CR or LF and skips empty lines.
        let lines = raw.utf8.split(omittingEmptySubsequences: true) { $0 == ASCII.cr || $0 == ASCII.lf }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ASCII.colon) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            let value = String(decoding: line[line.index(after: colon)...].drop { $0 == ASCII.space }, as: UTF8.self)
            headers.append(ESLEvent.Header(name: name, value: value))
        }
        self.init(rawText: raw, headers: headers, body: frame.body)
    }

    /// The value of the first header called `name` (ASCII case-insensitive), or `nil`.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}
