import ESLProtocol

extension ESLNotification: CustomStringConvertible, CustomDebugStringConvertible {
    /// What arrived, in one line: the event's, log line's or notice's own description, or
    /// `disconnected: <reason>`.
    public var description: String {
        switch self {
        case .event(let event): event.description
        case .eventFrame(let frame): frame.description
        case .undecodableEvent(let frame, let error): "undecodable \(frame.description): \(error)"
        case .log(let line): line.description
        case .linger(let notice): notice.description
        case .other(let frame): frame.description
        case .disconnected(let error): "disconnected: \(error)"
        }
    }

    /// The payload's debug description: headers decoded, one a line, then the body.
    public var debugDescription: String {
        switch self {
        case .event(let event): event.debugDescription
        case .eventFrame(let frame): frame.debugDescription
        case .undecodableEvent(let frame, let error): "undecodable: \(error)\n" + frame.debugDescription
        case .log(let line): line.debugDescription
        case .linger(let notice): notice.debugDescription
        case .other(let frame): frame.debugDescription
        case .disconnected(let error): "disconnected: \(error)"
        }
    }
}
