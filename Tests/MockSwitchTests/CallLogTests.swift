@testable import MockSwitch
import Testing

/// A call formats its ~250 log lines only when some listener logs at their level.
@Suite struct CallLogGateTests {
    @Test func aCallMakesNoLogLinesUntilSomeoneLogs() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let quiet = core.executeAPI("originate", "loopback/7000/default &park()")
        #expect(quiet.body.hasPrefix("+OK "))
        #expect(quiet.logLines.isEmpty)
        core.logAudience.set(5, for: 1)
        let notices = core.executeAPI("originate", "loopback/7000/default &park()")
        #expect(!notices.logLines.isEmpty)
        #expect(notices.logLines.allSatisfy { $0.level <= 5 })
        core.logAudience.set(nil, for: 1)
        #expect(core.executeAPI("originate", "loopback/7000/default &park()").logLines.isEmpty)
    }
}
