import ESLProtocol

/// Something the switch sent that is not a reply: what ``ESLConnection/notifications`` yields.
public enum ESLNotification: Sendable, Hashable {
    /// An event the connection subscribed to.
    case event(ESLEvent)
    /// An event as received, not decoded: what events arrive as when
    /// ``ESLConnection/Configuration/decodesEvents`` is false.
    case eventFrame(ESLEventFrame)
    /// An event frame whose body could not be decoded; the raw frame is kept so nothing is lost.
    case undecodableEvent(ESLEventFrame, ESLProtocolError)
    /// A log line (after `log <level>`).
    case log(ESLLogLine)
    /// The controlled channel hung up and the switch lingers (the connection stays open).
    case linger(ESLDisconnectNotice)
    /// A frame of a type this library does not know, passed on as received.
    case other(ESLFrame)
    /// The connection ended; always the last element.
    case disconnected(ESLClientError)
}
