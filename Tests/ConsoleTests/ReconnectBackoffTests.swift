import Console
import Testing

@Suite struct ReconnectBackoffTests {
    @Test func doublesFrom250MillisecondsToTheOneSecondCap() {
        var backoff = ReconnectBackoff()
        let waits = (0..<6).map { _ in backoff.next() }
        #expect(waits == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1), .seconds(1), .seconds(1)])
    }

    @Test func capIsNeverExceededWhenDoublingOvershootsIt() {
        var backoff = ReconnectBackoff(initial: .seconds(3), maximum: .seconds(10))
        #expect(backoff.next() == .seconds(3))
        #expect(backoff.next() == .seconds(6))
        #expect(backoff.next() == .seconds(10))
        #expect(backoff.next() == .seconds(10))
    }
}
