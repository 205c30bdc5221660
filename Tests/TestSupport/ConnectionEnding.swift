import ESLClient
import ESLProtocol

/// Everything a connection delivers from now to its end, sorted: the events, the linger notice,
/// the error that ended it, and anything else (which a test of a call's last moments does not
/// expect).
public struct ConnectionEnding: Sendable {
    public var events: [ESLEvent] = []
    public var linger: ESLDisconnectNotice?
    public var end: ESLClientError?
    public var unexpected: [ESLNotification] = []

    /// Reads `connection` to its end (bounded by the caller's time limit).
    public static func read(_ connection: ESLConnection) async -> ConnectionEnding {
        var ending = ConnectionEnding()
        for await notification in connection.notifications {
            switch notification {
            case .event(let event): ending.events.append(event)
            case .linger(let notice): ending.linger = notice
            case .disconnected(let error): ending.end = error
            default: ending.unexpected.append(notification)
            }
        }
        return ending
    }

    /// The events' names, in order.
    public var names: [String] { events.map { $0.name ?? "?" } }
}
