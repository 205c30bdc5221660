import ESLClient
import ESLProtocol

/// What the console session needs of a connection to the switch. ``ESLConnection`` is the real
/// one; a test double can stand in for it.
protocol SwitchConnection: AnyObject, Sendable {
    /// Sends a command and waits for its reply (bounded by the connection's request timeout).
    func reply(to command: ESLCommand) async throws(ESLClientError) -> ReplyText
    /// Runs `bgapi <line>`: `accepted` gets the `+OK Job-UUID` text as soon as the switch sends it;
    /// returns the job's result. The job's event is the caller's: it is not delivered as an event too.
    func backgroundJob(_ line: String, accepted: @escaping @Sendable (String) -> Void) async throws(ESLClientError) -> ESLBackgroundJob
    /// The next burst of logs and events; nil once the connection has ended (after `.disconnected`).
    func nextNotifications() async -> [ESLNotification]?
    /// Notifications the connection's buffer dropped because the console fell behind.
    var droppedCount: Int { get }
    /// Closes the connection; the notifications end.
    func close() async
    /// Whether the connection drops what the console cannot take in time, or holds the socket
    /// (while recording).
    func setDropsWhenBehind(_ drops: Bool)
}

extension ESLConnection: SwitchConnection {
    func reply(to command: ESLCommand) async throws(ESLClientError) -> ReplyText {
        ReplyText(try await send(command))
    }

    func backgroundJob(_ line: String, accepted: @escaping @Sendable (String) -> Void) async throws(ESLClientError) -> ESLBackgroundJob {
        try await bgapi(line, deliversEvent: false, timeout: .seconds(365 * 86_400)) { reply in accepted(reply.text) }
    }

    func nextNotifications() async -> [ESLNotification]? {
        var batches = notifications.batches.makeAsyncIterator()
        return await batches.next()
    }
}
