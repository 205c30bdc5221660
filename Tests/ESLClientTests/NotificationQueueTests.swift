import Foundation
@testable import ESLClient
import ESLProtocol
import NIOCore
import Testing

/// The bounded, batched hand-over of notifications from the socket reader to the consumer.
@Suite struct NotificationQueueTests {
    static func log(_ text: String) -> ESLNotification {
        .log(ESLLogLine(level: 7, file: "f.c", function: "f", line: 1, body: ByteBuffer(string: text)))
    }

    static func texts(_ batch: [ESLNotification]?) -> [String] {
        (batch ?? []).compactMap { if case .log(let line) = $0 { line.text } else { nil } }
    }

    @Test func aBurstIsHandedOverInOneBatch() async {
        let queue = NotificationQueue(limit: 100)
        for index in 0..<5 { queue.append(Self.log("\(index)")) }
        queue.flush()
        #expect(Self.texts(await queue.next()) == ["0", "1", "2", "3", "4"])
    }

    @Test func theOldestAreDroppedAndCountedPastTheLimit() async {
        let queue = NotificationQueue(limit: 3)
        for index in 0..<5 { queue.append(Self.log("\(index)")) }
        #expect(queue.droppedCount == 2)
        #expect(Self.texts(await queue.next()) == ["2", "3", "4"])
    }

    @Test func theByteLimitDropsTheOldestToo() async {
        let line = String(repeating: "x", count: 1_000)
        let size = NotificationQueue.approximateSize(Self.log("0" + line))
        let queue = NotificationQueue(limit: 1_000, byteLimit: size * 3)
        for index in 0..<10 { queue.append(Self.log("\(index)" + line)) }
        #expect(queue.droppedCount == 7)
        #expect(Self.texts(await queue.next()).map { $0.prefix(1) } == ["7", "8", "9"])
    }

    /// Without dropping, a full queue keeps everything and holds the reader until the consumer
    /// takes, which resumes it exactly once.
    @Test func aNonDroppingQueueHoldsTheReaderInsteadOfDropping() async {
        let queue = NotificationQueue(limit: 3, drops: false)
        let resumed = Counter()
        queue.onResume { resumed.add() }
        for index in 0..<2 { queue.append(Self.log("\(index)")) }
        #expect(!queue.holdsReading(), "not full yet")
        for index in 2..<5 { queue.append(Self.log("\(index)")) }
        #expect(queue.holdsReading())
        #expect(queue.droppedCount == 0)
        #expect(resumed.value == 0)
        #expect(Self.texts(await queue.next()) == ["0", "1", "2", "3", "4"])
        #expect(resumed.value == 1)
        queue.append(Self.log("5"))
        #expect(!queue.holdsReading())
        #expect(Self.texts(await queue.next()) == ["5"])
        #expect(resumed.value == 1, "no resume when the reader was not held")
    }

    @Test func theLastNotificationIsNeverDroppedAndEndsTheSequence() async {
        let queue = NotificationQueue(limit: 1)
        queue.append(Self.log("a"))
        queue.finish(with: .disconnected(ESLClientError(.connectionClosed, "gone")))
        let batch = await queue.next()
        #expect(batch?.count == 2)
        guard case .disconnected? = batch?.last else {
            Issue.record("the last element is the disconnect: \(String(describing: batch))")
            return
        }
        #expect(await queue.next() == nil)
    }

    @Test func aWaitingConsumerIsWokenByAFlushFromAnotherThread() async {
        let queue = NotificationQueue(limit: 10)
        async let batch = queue.next()
        // The consumer may or may not be waiting yet; either way the notification reaches it.
        queue.append(Self.log("late"))
        queue.flush()
        #expect(Self.texts(await batch) == ["late"])
    }

    @Test func cancellingAWaitingConsumerEndsItsWait() async {
        let queue = NotificationQueue(limit: 10)
        let waiter = Task { await queue.next() }
        waiter.cancel()
        #expect(await waiter.value == nil)
    }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
