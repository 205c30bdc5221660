import NIOConcurrencyHelpers

/// The bounded hand-over of events and log lines from the socket reader to one consumer.
///
/// The reader appends without ever waiting; the consumer takes everything pending in one go, so a
/// burst of frames read from the socket costs one wake-up, not one per frame. When the consumer
/// falls `limit` notifications (or about `byteLimit` bytes) behind, the oldest are dropped and
/// counted (docs/architecture.md, "Bounded queues"); the final `.disconnected` is never dropped.
final class NotificationQueue: @unchecked Sendable {
    private let lock = NIOLock()
    private let limit: Int
    private let byteLimit: Int
    private var pending: [ESLNotification] = []
    /// The approximate size of each pending notification, parallel to `pending`.
    private var sizes: [Int] = []
    private var pendingBytes = 0
    /// Index of the oldest pending notification (dropping the oldest just moves it).
    private var head = 0
    private var dropped = 0
    private var finished = false
    private var waiter: CheckedContinuation<[ESLNotification]?, Never>?

    init(limit: Int, byteLimit: Int? = nil) {
        self.limit = max(1, limit)
        self.byteLimit = byteLimit ?? .max
    }

    /// About how much memory a notification holds.
    static func approximateSize(_ notification: ESLNotification) -> Int {
        switch notification {
        case .log(let line): 160 + line.body.readableBytes
        case .event(let event): 64 + event.memorySize
        case .eventFrame(let frame), .undecodableEvent(let frame, _): 64 + frame.body.readableBytes
        case .linger, .other, .disconnected: 256
        }
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
        let size = Self.approximateSize(notification)
        while pending.count > head && (pending.count - head >= limit || pendingBytes + size > byteLimit) {
            pendingBytes -= sizes[head]
            head += 1
            dropped += 1
        }
        if head > 4_096 && head * 2 > pending.count {
            pending.removeFirst(head)
            sizes.removeFirst(head)
            head = 0
        }
        pending.append(notification)
        sizes.append(size)
        pendingBytes += size
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
        sizes.append(0)
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
        sizes.removeAll(keepingCapacity: true)
        pendingBytes = 0
        head = 0
        return batch
    }
}
