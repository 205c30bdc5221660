import NIOCore

/// A frame from the switch, classified by its `Content-Type` (docs/protocol.md, "Server frames").
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
    /// (docs/protocol.md, "Outbound mode"). The frame's header block is the plain-serialized event.
    case channelData(ESLFrame)
    /// Any other frame, kept as received.
    case other(ESLFrame)

    /// Classifies a frame.
    public init(frame: ESLFrame) {
        let headers = frame.headers
        switch Kind(headers) {
        case nil:
            self = .other(frame)
        case .commandReply:
            self = headers.contains("Event-Name") ? .channelData(frame) : .commandReply(ESLCommandReply(headers: headers))
        case .apiResponse:
            self = .apiResponse(ESLAPIResponse(body: frame.body ?? ByteBuffer()))
        case .event(let format):
            self = .event(ESLEventFrame(format: format, body: frame.body ?? ByteBuffer()))
        case .logData:
            self = .log(ESLLogLine(frame: frame))
        case .disconnectNotice:
            self = .disconnectNotice(ESLDisconnectNotice(frame: frame))
        case .authRequest:
            self = .authRequest
        case .rudeRejection:
            self = .rudeRejection(frame.bodyString ?? "")
        }
    }

    /// The known content types. Matching compares the header's bytes with each ``ESLContentType``,
    /// so classifying a frame builds no `String` (`text/event-plain` is too long for a small string
    /// and would be a heap allocation per event). This equals comparing `String`s: every known type
    /// is ASCII without the few characters that have non-ASCII canonical equivalents (`K`, `;`, `` ` ``).
    private enum Kind {
        case commandReply, apiResponse, event(ESLEventFormat), logData, disconnectNotice, authRequest, rudeRejection

        /// The kind named by the first `Content-Type` header; `nil` when it is absent or unknown.
        init?(_ headers: ESLHeaders) {
            let kind: Kind? = headers.withValueBytes(of: "Content-Type") { type in
                guard let type else { return nil }
                if ASCII.equals(type, ESLContentType.Wire.logData) { return .logData }
                if ASCII.equals(type, ESLContentType.Wire.eventPlain) { return .event(.plain) }
                if ASCII.equals(type, ESLContentType.Wire.commandReply) { return .commandReply }
                if ASCII.equals(type, ESLContentType.Wire.apiResponse) { return .apiResponse }
                if ASCII.equals(type, ESLContentType.Wire.eventJSON) { return .event(.json) }
                if ASCII.equals(type, ESLContentType.Wire.eventXML) { return .event(.xml) }
                if ASCII.equals(type, ESLContentType.Wire.disconnectNotice) { return .disconnectNotice }
                if ASCII.equals(type, ESLContentType.Wire.authRequest) { return .authRequest }
                if ASCII.equals(type, ESLContentType.Wire.rudeRejection) { return .rudeRejection }
                return nil
            }
            guard let kind else { return nil }
            self = kind
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
