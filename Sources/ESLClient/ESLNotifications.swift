/// The events and log lines of one connection, in arrival order, as an `AsyncSequence`.
///
/// The reader of the socket never waits for this sequence: notifications go into a bounded buffer
/// (``ESLConnection/Configuration/notificationBufferSize``), and when it is full the oldest is
/// dropped and counted in ``ESLConnection/droppedCount``. The sequence ends after
/// ``ESLNotification/disconnected(_:)``. Iterate it from one task. ``batches`` gives the same
/// notifications a burst at a time, for consumers that keep up with floods.
public struct ESLNotifications: AsyncSequence, Sendable {
    public typealias Element = ESLNotification

    let queue: NotificationQueue

    public struct AsyncIterator: AsyncIteratorProtocol {
        let queue: NotificationQueue
        var batch: [ESLNotification] = []
        var index = 0

        public mutating func next() async -> ESLNotification? {
            if index == batch.count {
                guard let next = await queue.next() else { return nil }
                batch = next
                index = 0
            }
            defer { index += 1 }
            return batch[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(queue: queue)
    }

    /// The same notifications, as arrays of everything that arrived since the previous one.
    public var batches: ESLNotificationBatches {
        ESLNotificationBatches(queue: queue)
    }
}

/// ``ESLNotifications`` a burst at a time: each element holds every notification that arrived since
/// the previous element (never empty). Iterate it from one task, instead of the notifications.
public struct ESLNotificationBatches: AsyncSequence, Sendable {
    public typealias Element = [ESLNotification]

    let queue: NotificationQueue

    public struct AsyncIterator: AsyncIteratorProtocol {
        let queue: NotificationQueue

        public mutating func next() async -> [ESLNotification]? {
            await queue.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(queue: queue)
    }
}
