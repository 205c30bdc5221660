import NIOCore

/// A `text/disconnect-notice` frame (docs/protocol.md, "Disconnect notices"): the switch is closing the connection,
/// or, with disposition `linger`, the controlled channel hung up and the connection stays for a while.
public struct ESLDisconnectNotice: Sendable, Hashable {
    /// The goodbye text after `exit`, a bad password, an ACL rejection and other normal ends.
    public static let goodbye = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n"
    /// The text when the switch shuts down or unloads mod_event_socket.
    public static let shutdown = "The system is being shut down.\n"
    /// The text when a client fell too far behind on events.
    public static let lostEvents = "killed listener because of lost events\n"
    /// The text when a client fell too far behind on log lines.
    public static let lostLogLines = "killed listener because of lost log lines\n"

    /// `Content-Disposition`: `nil` for an inbound connection, `disconnect` or `linger` with a session.
    public var disposition: String?
    /// The UUID of the channel this connection controlled, if any.
    public var controlledSessionUUID: String?
    /// For linger notices: the channel's name.
    public var channelName: String?
    /// For linger notices: seconds the connection stays, or -1 for "until the client leaves".
    public var lingerTime: Int?
    /// The switch's message (empty for linger notices).
    public var message: String

    /// Creates a notice.
    public init(disposition: String? = nil, controlledSessionUUID: String? = nil, channelName: String? = nil, lingerTime: Int? = nil, message: String) {
        self.disposition = disposition
        self.controlledSessionUUID = controlledSessionUUID
        self.channelName = channelName
        self.lingerTime = lingerTime
        self.message = message
    }

    /// Reads a `text/disconnect-notice` frame.
    public init(frame: ESLFrame) {
        let headers = frame.headers
        self.init(
            disposition: headers["Content-Disposition"],
            controlledSessionUUID: headers["Controlled-Session-UUID"],
            channelName: headers["Channel-Name"],
            lingerTime: headers["Linger-Time"].flatMap { Int($0) },
            message: frame.bodyString ?? "")
    }

    /// Whether this is the linger notice, which does not end the connection (libesl's rule).
    public var isLinger: Bool {
        disposition?.lowercased() == "linger"
    }

    /// The frame the switch sends, headers in the switch's order for each flavour.
    public var frame: ESLFrame {
        var headers = ESLHeaders([("Content-Type", ESLContentType.disconnectNotice)])
        if let controlledSessionUUID { headers.append("Controlled-Session-UUID", controlledSessionUUID) }
        if let disposition { headers.append("Content-Disposition", disposition) }
        if let channelName { headers.append("Channel-Name", channelName) }
        if let lingerTime { headers.append("Linger-Time", String(lingerTime)) }
        headers.append("Content-Length", String(message.utf8.count))
        return ESLFrame(headers: headers, body: message.isEmpty && isLinger ? nil : ByteBuffer(string: message))
    }
}
