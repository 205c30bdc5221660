/// A channel inside mod_event_socket's `socket` application (`socket_function`): connecting out to
/// an event socket application, then either running that connection's listener on its own thread
/// (static) or parked while a listener thread serves the connection (`async`).
struct SocketApplication: Sendable {
    enum Phase: Sendable {
        /// The TCP connection is being made, or the application has not sent `connect` yet.
        case connecting
        /// `connect` was answered; an `async` channel parks on its next timer tick.
        case connected
        /// `async`: parked until the connection closes.
        case parked
    }

    let async: Bool
    var phase = Phase.connecting
    /// The dialplan steps after `socket`, run when the connection closes with the channel up.
    let rest: [Dialplan.Step]
    let hangUpAtEnd: Bool

    /// Whether the channel's own thread is inside the application, so a hangup's teardown waits
    /// until the application returns: always for static (the thread runs the listener), and for
    /// `async` until it parks.
    var holdsThread: Bool { !async || phase != .parked }
}

/// A connection the `socket` application asks the server to make (`socket <host>[:<port>] [async] [full]`).
public struct OutboundSocketRequest: Sendable, Hashable {
    /// The channel the connection controls.
    public let channel: String
    /// Where the event socket application listens.
    public let host: String
    public let port: Int
    /// `async`: the listener runs on its own thread while the channel parks.
    public let async: Bool
    /// `full`: every command works, not only the single-channel ones (docs/protocol.md, "Outbound mode").
    public let full: Bool
}
