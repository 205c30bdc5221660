@testable import Console
import Testing

@Suite struct StatusLineTests {
    @Test func oneLineWithEverything() {
        let line = StatusLine(
            address: "127.0.0.1:8021", switchName: "fs1", link: "reconnecting",
            subscriptions: "events plain ALL, log debug (7)", eventsPerSecond: 1, dropped: 3)
        #expect(line.text == "127.0.0.1:8021 fs1 | reconnecting | events plain ALL, log debug (7) | 1 event/s | 3 dropped")
        var running = line
        running.running = "msleep 3000 · 2.1 s"
        #expect(running.text == "127.0.0.1:8021 fs1 | reconnecting | msleep 3000 · 2.1 s | events plain ALL, log debug (7) | 1 event/s | 3 dropped")
    }

    @Test func eventRateFromSamples() {
        var rate = EventRate()
        let start = ContinuousClock.now
        #expect(rate.sample(count: 5, at: start) == 0)
        #expect(rate.sample(count: 15, at: start + .seconds(1)) == 10)
        #expect(rate.sample(count: 25, at: start + .seconds(3)) == 5)
        #expect(rate.sample(count: 25, at: start + .seconds(3)) == 0, "no time passed")
    }
}
