import NIOCore

/// A frame from the switch, classified by its `Content-Type` (esl-protocol.md §1.3).
///
/// Classification is the one place where content types are interpreted; an unknown type is kept
/// whole in ``other(_:)`` and passed on, never treated as an error.
public enum ESLMessage: Sendable, Hashable {
    /// `auth/request`: the greeting of an inbound connection.
    case authRequest
    /// `command/reply`: the answer to a command other than `api`.
    case commandReply(ESLCommandReply)
    /// `api/response`: the output of `api`.
    case apiResponse(ESLAPIResponse)
    /// `text/event-plain|json|xml`: an event.
    case event(ESLEventFrame)
    /// `log/data`: a log line.
    case log(ESLLogLine)
    /// `text/disconnect-notice`: the end of the connection, or the linger notice.
    case disconnectNotice(ESLDisconnectNotice)
    /// `text/rude-rejection`: the ACL refused this client; the text is the switch's.
    case rudeRejection(String)
    /// The reply to an outbound `connect`: a CHANNEL_DATA event sent as the header block itself
    /// (§2.4). The frame's header block is the plain-serialized event.
    case channelData(ESLFrame)
    /// Any other frame, kept as received.
    case other(ESLFrame)

    /// Classifies a frame.
    public init(frame: ESLFrame) {
        let headers = frame.headers
        guard let type = headers["Content-Type"] else {
            self = .other(frame)
            return
        }
        switch type {
        case ESLContentType.commandReply:
            self = headers.contains("Event-Name") ? .channelData(frame) : .commandReply(ESLCommandReply(headers: headers))
        case ESLContentType.apiResponse:
            self = .apiResponse(ESLAPIResponse(body: frame.body ?? ByteBuffer()))
        case ESLContentType.eventPlain, ESLContentType.eventJSON, ESLContentType.eventXML:
            self = .event(ESLEventFrame(format: ESLEventFormat(contentType: type)!, body: frame.body ?? ByteBuffer()))
        case ESLContentType.logData:
            self = .log(ESLLogLine(frame: frame))
        case ESLContentType.disconnectNotice:
            self = .disconnectNotice(ESLDisconnectNotice(frame: frame))
        case ESLContentType.authRequest:
            self = .authRequest
        case ESLContentType.rudeRejection:
            self = .rudeRejection(frame.bodyString ?? "")
        default:
            self = .other(frame)
        }
    }

    /// The frame that carries this message on the wire.
    public var frame: ESLFrame {
        switch self {
        case .authRequest: ESLFrame(headers: [("Content-Type", ESLContentType.authRequest)])
        case .commandReply(let reply): reply.frame
        case .apiResponse(let response): response.frame
        case .event(let event): event.frame
        case .log(let line): line.frame
        case .disconnectNotice(let notice): notice.frame
        case .rudeRejection(let text):
            ESLFrame(
                headers: [("Content-Type", ESLContentType.rudeRejection), ("Content-Length", String(text.utf8.count))],
                body: ByteBuffer(string: text))
        case .channelData(let frame), .other(let frame): frame
        }
    }
}
