import ESLProtocol

/// Something the switch sent that is not a reply: what ``ESLConnection/notifications`` yields.
public enum ESLNotification: Sendable, Hashable {
    /// An event the connection subscribed to.
    case event(ESLEvent)
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

/// The events and log lines of one connection, in arrival order, as an `AsyncSequence`.
///
/// The reader of the socket never waits for this sequence: elements go into a bounded buffer, and
/// when it is full the oldest element is dropped and counted in ``ESLConnection/droppedCount``.
/// The sequence ends after ``ESLNotification/disconnected(_:)``. Iterate it from one task.
public struct ESLNotifications: AsyncSequence, Sendable {
    public typealias Element = ESLNotification

    let stream: AsyncStream<ESLNotification>

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<ESLNotification>.AsyncIterator

        public mutating func next() async -> ESLNotification? {
            await base.next()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> ESLNotification? {
            await base.next(isolation: actor)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator())
    }
}
