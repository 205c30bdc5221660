import ESLProtocol
import Testing
@testable import Console

/// One switch's machine as a fleet member: it outlives its connection, and says after which line,
/// and how, it went idle.
@Suite struct ConsoleStateMachineFleetTests {
    typealias Machine = ConsoleStateMachine
    typealias Tests = ConsoleStateMachineTests

    static func member(reconnects: Bool = false) -> Machine {
        let configuration = Machine.Configuration(
            palette: Palette(isEnabled: false), address: "127.0.0.1:8021", interactive: false, reconnects: reconnects, fleetMember: true)
        return Machine(configuration: configuration, identity: Tests.identity, now: Tests.start)
    }

    @Test func aLostConnectionMarksTheSwitchDownWithoutEndingTheSession() {
        var machine = Self.member()
        #expect(Tests.acted(&machine, .disconnected(reason: nil)) == [.showError("disconnected: the connection to 127.0.0.1:8021 ended")])
        #expect(machine.link == .disconnected)
        #expect(!machine.isExiting)
        // Later lines are answered at once, and it still goes idle after each.
        let actions = Tests.acted(&machine, .submitted("status", typed: false))
        #expect(actions == [.showError("not connected to 127.0.0.1:8021"), .promptReady])
        #expect(machine.lineStatus == .connectionFailed)
        #expect(machine.linesSubmitted == 1)
        #expect(machine.status.status(interactive: true) == .connectionFailed)
        // A subscription too; nothing is being reconnected without -R.
        #expect(Tests.acted(&machine, .submitted("/event plain ALL", typed: false)) == [.showError("not connected to 127.0.0.1:8021"), .promptReady])
    }

    @Test func aSwitchDownAtStartUpIsRetriedOnlyWithReconnect() {
        var down = Self.member()
        #expect(Tests.acted(&down, .startedDown(restore: [ESLCommand(line: "log debug")])) == [.promptReady])
        #expect(down.link == .disconnected)
        #expect(down.status.status(interactive: true) == .connectionFailed)

        var retried = Self.member(reconnects: true)
        let actions = Tests.acted(&retried, .startedDown(restore: [ESLCommand(line: "log debug")]))
        #expect(actions == [.reconnect(immediately: false, restore: [ESLCommand(line: "log debug")]), .promptReady])
        #expect(retried.status.status(interactive: true) == .success)
    }

    @Test func reconnectBringsBackASwitchThatIsDown() {
        var machine = Self.member()
        _ = Tests.acted(&machine, .startedDown(restore: [ESLCommand(line: "log debug")]))
        let actions = Tests.acted(&machine, .submitted("/reconnect", typed: false))
        #expect(actions == [.reconnect(immediately: true, restore: [ESLCommand(line: "log debug")])])
        #expect(machine.link == .reconnecting(attempts: 0, lastError: nil))
        // The line is done when the switch is back.
        let back = Tests.acted(&machine, .reconnected(identity: Tests.identity, subscriptions: ESLSubscriptions(), attempts: 3, elapsed: .seconds(2)))
        #expect(back.last == .promptReady)
        #expect(machine.link == .connected)
        #expect(machine.status.status(interactive: true) == .success)
        #expect(machine.status.status(interactive: false) == .connectionFailed)
    }

    @Test func eachLineStartsWithAFreshStatus() {
        var machine = Self.member()
        let first = Tests.acted(&machine, .submitted("nosuch", typed: false))
        let id = Tests.sent(first)[0].0
        _ = Tests.acted(&machine, .replied(id, Tests.ok("-ERR nosuch Command not found!")))
        #expect(machine.lineStatus == .commandFailed)
        let second = Tests.acted(&machine, .submitted("status", typed: false))
        #expect(machine.lineStatus == .success)
        _ = Tests.acted(&machine, .replied(Tests.sent(second)[0].0, Tests.ok("UP")))
        #expect(machine.lineStatus == .success)
    }

    @Test func useIsAnErrorWithOneSwitch() {
        var machine = Tests.machine()
        let actions = Tests.acted(&machine, .submitted("/use pbx1", typed: true))
        #expect(actions.first == .showError("/use: there is one switch; give -H more than once (or hosts = in a profile) for several"))
    }
}
