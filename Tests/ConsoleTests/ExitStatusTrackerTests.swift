@testable import Console
import Testing

@Suite struct ExitStatusTrackerTests {
    @Test func startsAtSuccessAndSuccessesKeepIt() {
        var tracker = ExitStatusTracker()
        #expect(tracker.status(interactive: false) == .success)
        tracker.record(.success)
        tracker.record(.success)
        #expect(tracker.status(interactive: false) == .success)
        #expect(tracker.status(interactive: true) == .success)
    }

    @Test func firstFailureWinsInBatchMode() {
        var tracker = ExitStatusTracker()
        tracker.record(.success)
        tracker.record(.timedOut)
        tracker.record(.commandFailed)
        tracker.record(.connectionFailed)
        #expect(tracker.status(interactive: false) == .timedOut)
    }

    @Test func laterSuccessDoesNotClearAFailure() {
        var tracker = ExitStatusTracker()
        tracker.record(.commandFailed)
        tracker.record(.success)
        #expect(tracker.status(interactive: false) == .commandFailed)
        #expect(tracker.status(interactive: false).rawValue == 1)
    }

    @Test func anInteractiveSessionCountsOnlyHowItEnded() {
        var tracker = ExitStatusTracker()
        tracker.record(.commandFailed)
        tracker.record(.timedOut)
        #expect(tracker.status(interactive: true) == .success, "failures were shown as they happened")
        tracker.end(.connectionFailed)
        #expect(tracker.status(interactive: true) == .connectionFailed)
        #expect(tracker.status(interactive: false) == .commandFailed)
    }

    @Test func anEndingIsAlsoABatchFailure() {
        var tracker = ExitStatusTracker()
        tracker.end(.connectionFailed)
        #expect(tracker.status(interactive: false) == .connectionFailed)
    }
}
