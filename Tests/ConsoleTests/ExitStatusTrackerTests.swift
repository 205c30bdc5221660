@testable import Console
import Testing

@Suite struct ExitStatusTrackerTests {
    @Test func startsAtSuccessAndSuccessesKeepIt() {
        var tracker = ExitStatusTracker()
        #expect(tracker.status == .success)
        tracker.record(.success)
        tracker.record(.success)
        #expect(tracker.status == .success)
    }

    @Test func firstFailureWins() {
        var tracker = ExitStatusTracker()
        tracker.record(.success)
        tracker.record(.timedOut)
        tracker.record(.commandFailed)
        tracker.record(.connectionFailed)
        #expect(tracker.status == .timedOut)
    }

    @Test func laterSuccessDoesNotClearAFailure() {
        var tracker = ExitStatusTracker()
        tracker.record(.commandFailed)
        tracker.record(.success)
        #expect(tracker.status == .commandFailed)
        #expect(tracker.status.rawValue == 1)
    }
}
