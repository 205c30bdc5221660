import Foundation
import LineEditor
import Testing

@Suite struct OutputQueueTests {
    private func readable(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 1
    }

    @Test func enqueueWakesAndDrainKeepsOrder() {
        let queue = OutputQueue()
        #expect(!readable(queue.wakeFD))
        queue.enqueue("a")
        queue.enqueue("b")
        queue.setPrompt("p1> ")
        queue.setPrompt("p2> ")
        #expect(readable(queue.wakeFD))
        let batch = queue.drain()
        #expect(batch.texts == ["a", "b"])
        #expect(batch.prompt == "p2> ")
        #expect(!batch.stopRequested)
        #expect(!readable(queue.wakeFD))
        #expect(queue.drain().isEmpty)
    }

    @Test func stopIsSticky() {
        let queue = OutputQueue()
        queue.requestStop()
        #expect(readable(queue.wakeFD))
        #expect(queue.drain().stopRequested)
        #expect(queue.drain().stopRequested)
    }

    /// Many producer threads; the consumer drains only when poll says the wake-up fd is readable, so
    /// a lost wake-up would leave items behind and time out.
    @Test func concurrentProducersLoseNothing() async {
        let queue = OutputQueue()
        let producers = 8
        let perProducer = 2_000
        let threads = (0..<producers).map { producer in
            Thread {
                for number in 0..<perProducer { queue.enqueue("\(producer):\(number)") }
            }
        }
        threads.forEach { $0.start() }
        var received: [String] = []
        var descriptor = pollfd(fd: queue.wakeFD, events: Int16(POLLIN), revents: 0)
        while received.count < producers * perProducer {
            descriptor.revents = 0
            guard poll(&descriptor, 1, 10_000) == 1 else { break }  // 10 s bound: a lost wake-up fails
            received += queue.drain().texts
        }
        #expect(received.count == producers * perProducer)
        for producer in 0..<producers {
            let mine = received.filter { $0.hasPrefix("\(producer):") }
            #expect(mine == (0..<perProducer).map { "\(producer):\($0)" })
        }
    }
}

@Suite struct OutputQueueStatusTests {
    @Test func theLastStatusIsCarriedOnceAndDropsAreTotalled() {
        let queue = OutputQueue(droppableLimit: 1)
        queue.setStatus("one")
        queue.setStatus("two")
        queue.enqueue("a", droppable: true)
        queue.enqueue("b", droppable: true)
        let batch = queue.drain()
        #expect(batch.status == "two")
        #expect(batch.dropped == 1)
        #expect(queue.drain().status == nil)
        queue.enqueue("c", droppable: true)
        queue.enqueue("d", droppable: true)
        _ = queue.drain()
        #expect(queue.droppedTotal == 2)
    }
}
