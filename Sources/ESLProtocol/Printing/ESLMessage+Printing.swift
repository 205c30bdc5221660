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

extension ESLLogLine: CustomStringConvertible, CustomDebugStringConvertible {
    /// Level, source and the text's first line: `[DEBUG] switch_cpp.cpp:1466 cleanup` (the text's
    /// line count follows when it has several).
    public var description: String {
        let level = ESLLogLevel(rawValue: level)?.name ?? String(level)
        return "[\(level)] \(file):\(line) \(PrintedText.firstLine(text))"
    }

    /// Every field of the `log/data` frame, then the whole text.
    public var debugDescription: String {
        frame.debugDescription
    }
}

extension ESLDisconnectNotice: CustomStringConvertible, CustomDebugStringConvertible {
    /// `disconnect: Disconnected, goodbye. (+1 line)`, or for the linger notice
    /// `linger: <channel name> (10 s)` (`until the client leaves` for -1).
    public var description: String {
        guard isLinger else { return "disconnect: \(PrintedText.firstLine(message))" }
        let time = lingerTime.map { $0 < 0 ? "until the client leaves" : "\($0) s" }
        return "linger: \(channelName ?? controlledSessionUUID ?? "")" + (time.map { " (\($0))" } ?? "")
    }

    /// Every header of the notice, then its text.
    public var debugDescription: String {
        frame.debugDescription
    }
}
