import NIOCore

/// A command a client sends (docs/protocol.md, "Command table"): a command line, optional headers, optional body.
///
/// Build commands with the static constructors (`.api("status")`, `.event(.json, ["ALL"])`, …);
/// ``encode(into:)`` refuses text that would break the framing (a line break inside the command
/// line or a header), so a value taken from user input can never smuggle in a second command.
public struct ESLCommand: Sendable, Hashable, CustomStringConvertible {
    /// The kind of frame the switch answers this command with.
    public enum ReplyKind: Sendable, Hashable {
        /// `command/reply`.
        case commandReply
        /// `api/response`.
        case apiResponse
        /// The outbound `connect` reply: a CHANNEL_DATA header block (docs/protocol.md, "Outbound mode").
        case channelData
    }

    /// The first line, e.g. `api status` (without line end).
    public var line: String
    /// Header lines after the command line, sent as given (the switch does not URL-decode them).
    public var headers: [(name: String, value: String)]
    /// An optional body; `Content-Length` is added when encoding.
    public var body: ByteBuffer?
    /// What the switch answers with.
    public var replyKind: ReplyKind

    /// Creates any command; prefer the typed constructors.
    public init(line: String, headers: [(name: String, value: String)] = [], body: ByteBuffer? = nil, replyKind: ReplyKind = .commandReply) {
        self.line = line
        self.headers = headers
        self.body = body
        self.replyKind = replyKind
    }

    /// The word the switch dispatches on (`api`, `event`, …), lower-cased.
    public var verb: String {
        String(line.prefix { $0 != " " }).lowercased()
    }

    /// Appends the command's bytes: the line, headers, `Content-Length` and body, blank line.
    public func encode(into buffer: inout ByteBuffer) throws(ESLProtocolError) {
        // The line of auth/userauth holds a password: keep it out of the error's context.
        try Self.checkSingleLine(line, what: "command", showing: verb == "auth" || verb == "userauth" ? [] : Array(line.utf8))
        guard !line.isEmpty else {
            throw ESLProtocolError(.invalidCommand, "the command is empty")
        }
        // Check everything before writing, so a refused command leaves the buffer as it was.
        for header in headers {
            try Self.checkSingleLine(header.name, what: "header name", showing: Array(header.name.utf8))
            try Self.checkSingleLine(header.value, what: "value of header \(header.name)", showing: Array(header.value.utf8))
            guard !header.name.isEmpty, !header.name.contains(":") else {
                throw ESLProtocolError(.invalidCommand, "header name \(header.name.debugDescription) is empty or contains a colon")
            }
        }
        buffer.writeString(line)
        buffer.writeInteger(ASCII.lf)
        for header in headers {
            buffer.writeString(header.name)
            buffer.writeStaticString(": ")
            buffer.writeString(header.value)
            buffer.writeInteger(ASCII.lf)
        }
        if var body {
            buffer.writeStaticString("Content-Length: ")
            buffer.writeString(String(body.readableBytes))
            buffer.writeStaticString("\n\n")
            buffer.writeBuffer(&body)
        } else {
            buffer.writeInteger(ASCII.lf)
        }
    }

    /// The command's bytes.
    public func encoded() throws(ESLProtocolError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(into: &buffer)
        return buffer
    }

    private static func checkSingleLine(_ text: String, what: String, showing context: [UInt8]) throws(ESLProtocolError) {
        if text.utf8.contains(where: { $0 == ASCII.lf || $0 == ASCII.cr }) {
            throw ESLProtocolError(.invalidCommand, "the \(what) contains a line break, which would end the command early", context: context)
        }
    }

    public var description: String { Self.shown(line) }

    /// A command line as logs and error messages may show it: the password of `auth` and
    /// `userauth` replaced by `********`, whoever sent it.
    public static func shown(_ line: String) -> String {
        switch line.prefix { $0 != " " }.lowercased() {
        case "auth": "auth ********"
        case "userauth": "userauth " + (line.split(separator: " ").dropFirst().first.map { String($0.split(separator: ":").first ?? "") } ?? "") + ":********"
        default: line
        }
    }

    public static func == (lhs: ESLCommand, rhs: ESLCommand) -> Bool {
        lhs.line == rhs.line && lhs.body == rhs.body && lhs.replyKind == rhs.replyKind
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(body)
        for header in headers {
            hasher.combine(header.name)
            hasher.combine(header.value)
        }
    }
}
