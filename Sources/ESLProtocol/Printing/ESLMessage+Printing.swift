import NIOCore

extension ESLMessage: CustomStringConvertible, CustomDebugStringConvertible {
    /// One line naming the kind of frame and what it says in short: `command/reply: +OK accepted`,
    /// `api/response (27 bytes)`, `text/event-plain (1023 bytes)`, a log line's own description.
    public var description: String {
        switch self {
        case .authRequest: ESLContentType.authRequest
        case .commandReply(let reply): "\(ESLContentType.commandReply): \(reply.text)"
        case .apiResponse(let response): "\(ESLContentType.apiResponse) (\(PrintedText.count(response.body.readableBytes, "byte")))"
        case .event(let frame): frame.description
        case .log(let line): line.description
        case .disconnectNotice(let notice): notice.description
        case .rudeRejection(let text): "\(ESLContentType.rudeRejection): \(PrintedText.firstLine(text))"
        case .channelData(let frame): "CHANNEL_DATA (\(PrintedText.count(frame.headers.count, "header")))"
        case .other(let frame): frame.description
        }
    }

    /// The frame as it came, headers one a line, then the body.
    public var debugDescription: String {
        frame.debugDescription
    }
}
