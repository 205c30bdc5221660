/// Why a connection ended or could not be set up, as far as the protocol can tell (the transport
/// layer adds refused / unreachable / timed out).
public enum ESLConnectionFailure: Sendable, Hashable, CustomStringConvertible {
    /// The switch answered the credentials with this `-ERR` text (`-ERR invalid`).
    case authenticationFailed(String)
    /// The switch's ACL refused this client (`text/rude-rejection`); the switch's text.
    case rejected(String)
    /// The switch sent a disconnect notice (exit, shutdown, lost events, …).
    case disconnected(ESLDisconnectNotice)
    /// The connection closed without a notice.
    case closedByPeer
    /// The switch sent something the protocol does not allow here.
    case protocolViolation(String)
    /// The local side closed the connection.
    case closedLocally

    public var description: String {
        switch self {
        case .authenticationFailed(let text): "authentication failed: \(text)"
        case .rejected(let text): "rejected by the switch's ACL: \(text.trimmingTrailingNewlines)"
        case .disconnected(let notice): "disconnected by the switch: \(notice.message.trimmingTrailingNewlines.replacingNewlines)"
        case .closedByPeer: "the switch closed the connection without a notice"
        case .protocolViolation(let text): "protocol error: \(text)"
        case .closedLocally: "the connection was closed"
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return String(text)
    }

    var replacingNewlines: String {
        split(separator: "\n").joined(separator: " ")
    }
}
