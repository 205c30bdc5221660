import ESLProtocol

/// What one API execution produced: the `api/response` body and what the server should deliver
/// besides (events to fire, in order, and log lines).
public struct APIResult: Sendable {
    /// The exact response body (`-ERR no reply\n` and `Command not found!` already applied).
    public var body: String
    /// Events to fire after the reply, in order (the API event is among them).
    public var events: [ESLEvent]
    /// Log lines the command emitted, in order.
    public var logLines: [ESLLogLine]
    /// How the command asked the switch to shut down (`shutdown`, `fsctl shutdown`), if it did.
    public var shutdown: ShutdownRequest?
    /// How long the command runs before its reply is sent (`msleep`); the connection reads no
    /// further command meanwhile, as the switch's listener thread is busy running it.
    public var delay: Duration = .zero

    /// A result.
    public init(body: String, events: [ESLEvent] = [], logLines: [ESLLogLine] = [], shutdown: ShutdownRequest? = nil) {
        self.body = body
        self.events = events
        self.logLines = logLines
        self.shutdown = shutdown
    }
}
