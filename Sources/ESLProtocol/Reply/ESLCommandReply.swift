/// A `command/reply` frame (docs/protocol.md, "Server frames" and "Command table"): `Reply-Text` plus, for extended
/// replies (bgapi, userauth), further headers such as `Job-UUID` or `Allowed-Events`.
public struct ESLCommandReply: Sendable, Hashable, CustomStringConvertible {
    /// Every header of the reply, in order.
    public var headers: ESLHeaders

    /// Creates a reply from its headers.
    public init(headers: ESLHeaders) {
        self.headers = headers
    }

    /// Creates the simple reply `Content-Type: command/reply`, `Reply-Text: <text>`.
    public init(text: String) {
        self.headers = [("Content-Type", ESLContentType.commandReply), ("Reply-Text", text)]
    }

    /// The `Reply-Text`, e.g. `+OK accepted` or `-ERR invalid`; empty if absent.
    public var text: String { headers["Reply-Text"] ?? "" }

    /// Whether the switch accepted the command (`+OK…`).
    public var isOK: Bool { text.hasPrefix("+OK") }

    /// Whether the switch refused the command (`-ERR…`).
    public var isError: Bool { text.hasPrefix("-ERR") }

    /// The text after `-ERR ` for an error reply, else `nil`.
    public var errorText: String? {
        guard isError else { return nil }
        return String(text.dropFirst(4).drop { $0 == " " })
    }

    /// The `Job-UUID` of a bgapi reply.
    public var jobUUID: String? { headers["Job-UUID"] }

    /// The frame the switch sends.
    public var frame: ESLFrame { ESLFrame(headers: headers) }

    public var description: String { text }
}
