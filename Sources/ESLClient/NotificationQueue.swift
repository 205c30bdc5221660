import Foundation

/// The bounded hand-over of events and log lines from the socket reader to one consumer.
///
/// The reader appends without ever waiting; the consumer takes everything pending in one go, so a
/// burst of frames read from the socket costs one wake-up, not one per frame. When the consumer
/// falls `limit` notifications behind, the oldest are dropped and counted (ARCHITECTURE habit 5);
/// the final `.disconnected` is never dropped.
final class NotificationQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var pending: [ESLNotification] = []
    /// Index of the oldest pending notification (dropping the oldest just moves it).
    private var head = 0
    private var dropped = 0
    private var finished = false
    private var waiter: CheckedContinuation<[ESLNotification]?, Never>?

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// How many notifications were dropped because the consumer fell behind.
    var droppedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return dropped
    }

    /// Adds a notification (reader side); the consumer sees it at the next ``flush()``.
    func append(_ notification: ESLNotification) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        if pending.count - head >= limit {
            head += 1
            dropped += 1
            if head > 4_096 && head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
        }
        pending.append(notification)
    }

    /// Hands what is pending to a waiting consumer (reader side, at the end of a read burst).
    func flush() {
        lock.lock()
        guard let waiter, pending.count > head else {
            lock.unlock()
            return
        }
        self.waiter = nil
        let batch = take()
        lock.unlock()
        waiter.resume(returning: batch)
    }

    /// Adds the last notification and ends the sequence once it is consumed.
    func finish(with last: ESLNotification) {
        lock.lock()
        guard !finished else {
            lock.unlock()
            return
        }
        pending.append(last)
        finished = true
        let waiter = self.waiter
        self.waiter = nil
        let batch = waiter == nil ? nil : take()
        lock.unlock()
        waiter?.resume(returning: batch)
    }

    /// Everything pending, waiting for something if nothing is; nil once finished and drained, or
    /// when the waiting task is cancelled. One consumer at a time.
    func next() async -> [ESLNotification]? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[ESLNotification]?, Never>) in
                lock.lock()
                if pending.count > head {
                    let batch = take()
                    lock.unlock()
                    continuation.resume(returning: batch)
                } else if finished || Task.isCancelled {
                    lock.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            lock.lock()
            let waiter = self.waiter
            self.waiter = nil
            lock.unlock()
            waiter?.resume(returning: nil)
        }
    }

    /// Takes the pending notifications; the lock is held.
    private func take() -> [ESLNotification] {
        let batch = head == 0 ? pending : Array(pending[head...])
        pending.removeAll(keepingCapacity: true)
        head = 0
        return batch
    }
}
