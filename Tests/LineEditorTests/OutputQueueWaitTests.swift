import Foundation
import LineEditor
import Testing

/// ``OutputQueue/WhenFull``: a full queue drops and counts streamed text, or makes its producer wait
/// for the terminal thread's next drain.
@Suite struct OutputQueueWaitTests {
    @Test func aDroppingQueueCountsWhatDidNotFit() async {
        let queue = OutputQueue(droppableLimit: 3)
        for number in 0..<5 { await queue.enqueueStreamed("line \(number)", lines: 1) }
        let batch = queue.drain()
        #expect(batch.texts == ["line 0", "line 1", "line 2"])
        #expect(batch.dropped == 2)
        #expect(queue.droppedTotal == 2)
    }

    /// A producer of 10,000 lines against a limit of 10: it can only finish because each drain
    /// makes room, and every line arrives, in order, none counted as dropped; no drain ever holds
    /// more than the limit (memory stays bounded).
    @Test func aWaitingQueueLosesNothingAndStaysBounded() async {
        let queue = OutputQueue(droppableLimit: 10, whenFull: .waits)
        let total = 10_000
        let producer = Task {
            for number in 0..<total { await queue.enqueueStreamed("line \(number)", lines: 1) }
        }
        // The terminal thread's part, on a thread of its own as in the console.
        let (received, largest, dropped) = await withCheckedContinuation { (done: CheckedContinuation<([String], Int, Int), Never>) in
            Thread {
                var received: [String] = []
                var largest = 0
                var dropped = 0
                var descriptor = pollfd(fd: queue.wakeFD, events: Int16(POLLIN), revents: 0)
                while received.count < total {
                    descriptor.revents = 0
                    _ = poll(&descriptor, 1, 10_000)
                    let batch = queue.drain()
                    dropped += batch.dropped
                    largest = max(largest, batch.texts.count)
                    received += batch.texts
                }
                done.resume(returning: (received, largest, dropped))
            }.start()
        }
        await producer.value
        #expect(received == (0..<total).map { "line \($0)" })
        #expect(largest <= 10)
        #expect(dropped == 0)
        #expect(queue.droppedTotal == 0)
    }

    /// A producer waiting on a queue nobody drains any more (the terminal loop has ended) is let
    /// go by cancellation, and its text is still queued for the last drain.
    @Test func cancellingAWaitingProducerStillQueuesItsText() async {
        let queue = OutputQueue(droppableLimit: 1, whenFull: .waits)
        await queue.enqueueStreamed("first", lines: 1)
        let waiting = Task { await queue.enqueueStreamed("second", lines: 1) }
        waiting.cancel()
        await waiting.value
        #expect(queue.drain().texts == ["first", "second"])
    }
}
