import NIOCore

extension ESLCommandReply: CustomDebugStringConvertible {
    /// `command/reply`, then the reply's header lines (`Reply-Text`, `Job-UUID`, …).
    public var debugDescription: String {
        PrintedText.block(ESLContentType.commandReply, headers.all, body: nil)
    }
}

extension ESLAPIResponse: CustomDebugStringConvertible {
    /// `api/response (N bytes)`, then the output as sent.
    public var debugDescription: String {
        "\(ESLContentType.apiResponse) (\(PrintedText.count(body.readableBytes, "byte")))\n" + text
    }
}

extension ESLReply: CustomStringConvertible, CustomDebugStringConvertible {
    /// A command reply's text (`+OK accepted`, `-ERR invalid command`), an api reply's output,
    /// or for the outbound `connect` reply `CHANNEL_DATA (N headers)`.
    public var description: String {
        switch self {
        case .command(let reply): reply.description
        case .api(let response): response.description
        case .channelData(let frame): "CHANNEL_DATA (\(PrintedText.count(frame.headers.count, "header")))"
        }
    }

    /// The reply's headers and body, decoded (see each kind's `debugDescription`).
    public var debugDescription: String {
        switch self {
        case .command(let reply): reply.debugDescription
        case .api(let response): response.debugDescription
        case .channelData(let frame): PrintedText.block(description, frame.headers.all, body: frame.bodyString)
        }
    }
}
