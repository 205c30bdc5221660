import NIOConcurrencyHelpers

/// The bounded hand-over of events and log lines from the socket reader to one consumer.
///
/// The reader appends without ever waiting; the consumer takes everything pending in one go, so a
/// burst of frames read from the socket costs one wake-up, not one per frame. When the consumer
/// falls `limit` notifications (or about `byteLimit` bytes) behind, the oldest are dropped and
/// counted (docs/architecture.md, "Bounded queues"); the final `.disconnected` is never dropped.
///
/// Without dropping (``ESLConnection/Configuration/dropsWhenBehind`` false), nothing is discarded:
/// the reader asks ``holdsReading()`` before each socket read and, while the queue is full, waits
/// until the consumer's next take calls the resume closure.
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
    /// Whether a full queue drops its oldest (true) or holds up the socket reader (false).
    private var drops: Bool
    /// The socket reader stopped because the queue was full; the next take resumes it.
    private var readerHeld = false
    /// Restarts the socket reader; set once the connection exists, cleared when it ends (it
    /// refers to the channel handler, which refers to this queue).
    private var resumeReader: (@Sendable () -> Void)?

    init(limit: Int, byteLimit: Int? = nil, drops: Bool = true) {
        self.limit = max(1, limit)
        self.byteLimit = byteLimit ?? .max
        self.drops = drops
    }

    /// Sets what restarts the socket reader after ``holdsReading()`` stopped it.
    func onResume(_ resume: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if !finished { resumeReader = resume }
    }

    /// Reader side, before reading the socket again: true (and the reader waits for the resume
    /// closure) when this queue does not drop and is full.
    func holdsReading() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !drops, !finished, pending.count - head >= limit || pendingBytes >= byteLimit else { return false }
        readerHeld = true
        return true
    }

    /// Switches between dropping and holding the reader; a reader held is let go when dropping
    /// starts.
    func setDrops(_ drops: Bool) {
        lock.lock()
        self.drops = drops
        let resume = drops && readerHeld ? resumeReader : nil
        if resume != nil { readerHeld = false }
        lock.unlock()
        resume?()
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
        while drops && pending.count > head && (pending.count - head >= limit || pendingBytes + size > byteLimit) {
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
        resumeReader = nil
        readerHeld = false
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
                    let resume = readerHeld ? resumeReader : nil
                    readerHeld = false
                    lock.unlock()
                    resume?()
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
