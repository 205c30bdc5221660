import ESLProtocol
import Testing
@testable import Console

/// The session's rules as plain calls: no socket, no terminal.
@Suite struct ConsoleStateMachineTests {
    typealias Machine = ConsoleStateMachine
    typealias Action = ConsoleStateMachine.Action

    static let start = ContinuousClock.now
    static let identity = SwitchLink.Identity(switchName: "pbx", hostname: "pbx")

    static func machine(interactive: Bool = true, reconnects: Bool = false, history: [String] = []) -> Machine {
        let configuration = Machine.Configuration(
            palette: Palette(isEnabled: false), address: "127.0.0.1:8021", interactive: interactive, reconnects: reconnects)
        return Machine(configuration: configuration, identity: identity, history: history, now: start)
    }

    /// The actions without the status-line redraw every input ends with.
    static func acted(_ machine: inout Machine, _ input: Machine.Input, at seconds: Double = 0) -> [Action] {
        machine.receive(input, now: start + .milliseconds(Int(seconds * 1000))).filter {
            if case .status = $0 { return false }
            return true
        }
    }

    static func sent(_ actions: [Action]) -> [(Machine.RequestID, String)] {
        actions.compactMap { if case .send(let id, let command) = $0 { (id, command.line) } else { nil } }
    }

    static func shown(_ actions: [Action]) -> [String] {
        actions.compactMap { if case .show(let text) = $0 { text } else { nil } }
    }

    static func ok(_ text: String) -> Result<ReplyText, Machine.Failure> {
        .success(ReplyText(text: text, isError: text.hasPrefix("-")))
    }

    @Test func oneCommandAtATimeInTheOrderTyped() throws {
        var machine = Self.machine()
        let first = Self.sent(Self.acted(&machine, .submitted("status", typed: true)))
        #expect(first.map(\.1) == ["api status"])
        #expect(Self.sent(Self.acted(&machine, .submitted("version", typed: true))).isEmpty, "waits for the first reply")
        let second = Self.acted(&machine, .replied(first[0].0, Self.ok("UP 1 day\n")), at: 1)
        #expect(Self.shown(second) == ["── status", "UP 1 day\n"], "a heading: another line was typed meanwhile")
        #expect(Self.sent(second).map(\.1) == ["api version"])
        let last = Self.acted(&machine, .replied(Self.sent(second)[0].0, Self.ok("FreeSWITCH 1.11\n")), at: 2)
        #expect(Self.shown(last) == ["FreeSWITCH 1.11\n"], "no heading: nothing was typed meanwhile")
        #expect(last.contains(.promptReady))
        #expect(machine.isIdle)
    }

    @Test func aLateReplyToACancelledCommandIsIgnored() {
        var machine = Self.machine()
        let id = Self.sent(Self.acted(&machine, .submitted("msleep 5000", typed: true)))[0].0
        let interrupted = Self.acted(&machine, .interrupted, at: 1)
        #expect(interrupted.contains(.cancel(id)))
        #expect(interrupted.contains(.showError("msleep 5000: cancelled")))
        #expect(Self.acted(&machine, .replied(id, Self.ok("+OK\n")), at: 5).isEmpty)
        // Idle: Ctrl-C shows the hint once.
        #expect(Self.shown(Self.acted(&machine, .interrupted)) == ["Type /exit or press Ctrl-D on an empty line to leave."])
        #expect(Self.acted(&machine, .interrupted).isEmpty)
    }

    @Test func theStatusLineNamesTheCommandInFlightAndItsTime() {
        var machine = Self.machine()
        _ = Self.acted(&machine, .submitted("msleep 3000", typed: true))
        _ = machine.receive(.tick(eventsPerSecond: 4, dropped: 0), now: Self.start + .milliseconds(2_100))
        #expect(machine.statusLine.text == "127.0.0.1:8021 pbx | connected | msleep 3000 · 2.1 s | no events, no log | 4 events/s | 0 dropped")
    }

    @Test func aFailedBackgroundJobIsColouredAsAFailedAPIReply() throws {
        let configuration = Machine.Configuration(palette: Palette(isEnabled: true), address: "h:1", interactive: true, reconnects: false)
        var machine = Machine(configuration: configuration, identity: Self.identity, now: Self.start)
        let actions = Self.acted(&machine, .submitted("bgapi foo", typed: true))
        guard case .startJob(let id, let line)? = actions.first else { Issue.record("\(actions)"); return }
        #expect(line == "foo")
        #expect(Self.acted(&machine, .submitted("status", typed: true)).isEmpty, "the next line waits for the job's acceptance")
        let accepted = Self.acted(&machine, .jobAccepted(id, "+OK Job-UUID: j1"))
        #expect(Self.sent(accepted).map(\.1) == ["api status"], "then runs while the job does")
        let finished = Self.shown(Self.acted(&machine, .jobFinished(id, jobUUID: "j1", output: "-ERR foo Command not found!\n", isError: true)))
        #expect(finished == ["\u{1B}[2mBACKGROUND_JOB j1 (foo):\u{1B}[m\n\u{1B}[31m-ERR foo Command not found!\u{1B}[m\n"])
        #expect(machine.status.status(interactive: false) == .commandFailed)
    }

    @Test func theTimeoutBoundsAJobsAcceptanceNotTheJob() {
        var machine = Self.machine()
        guard case .startJob(let slow, _)? = Self.acted(&machine, .submitted("bgapi msleep 9000", typed: true)).first else { return }
        _ = Self.acted(&machine, .jobAccepted(slow, "+OK Job-UUID: j1"))
        let late = Machine.Failure(message: "no reply", status: .timedOut)
        #expect(Self.acted(&machine, .jobFailed(slow, late)).isEmpty, "accepted: the limit no longer applies")
        #expect(machine.jobs[slow] != nil)
        guard case .startJob(let stuck, _)? = Self.acted(&machine, .submitted("bgapi status", typed: true)).first else { return }
        let timedOut = Self.acted(&machine, .jobFailed(stuck, late))
        #expect(timedOut.contains(.showError("no reply")) && timedOut.contains(.cancel(stuck)))
        #expect(machine.jobs[stuck] == nil && machine.inFlight == nil)
    }

    @Test func batchInputEndsAfterTheLastJob() {
        var machine = Self.machine(interactive: false)
        let actions = Self.acted(&machine, .submitted("bgapi status", typed: false))
        guard case .startJob(let id, _)? = actions.first else { Issue.record("\(actions)"); return }
        _ = Self.acted(&machine, .endOfInput)
        _ = Self.acted(&machine, .jobAccepted(id, "+OK Job-UUID: j"))
        #expect(!machine.isExiting, "the job is still running")
        let done = Self.acted(&machine, .jobFinished(id, jobUUID: "j", output: "UP\n", isError: false))
        #expect(done.last == .stop)
        // Batch errors are errors (stderr), not output.
        var other = Self.machine(interactive: false)
        #expect(Self.acted(&other, .submitted("/bogus", typed: false)).contains(.showError("unknown command /bogus; type /help for the list")))
    }

    @Test func acceptedSubscriptionsAreMirroredAndRestored() {
        var machine = Self.machine(reconnects: true)
        let event = Self.sent(Self.acted(&machine, .submitted("/event plain HEARTBEAT", typed: true)))[0]
        #expect(event.1 == "event plain HEARTBEAT")
        _ = Self.acted(&machine, .replied(event.0, Self.ok("+OK event listener enabled plain\n")))
        let filter = Self.sent(Self.acted(&machine, .submitted("/filter Event-Name HEARTBEAT", typed: true)))[0]
        _ = Self.acted(&machine, .replied(filter.0, Self.ok("-ERR refused\n")))
        #expect(machine.subscriptions.filters.isEmpty, "a refused filter is not mirrored")
        #expect(machine.subscriptions.isSubscribed(to: "HEARTBEAT"))

        // -R: one line when lost, attempts only in the status line, one line when back.
        let lost = Self.acted(&machine, .disconnected(reason: "the switch is shutting down"), at: 10)
        #expect(lost.contains(.showError("connection lost: the switch is shutting down; reconnecting (-R)")))
        #expect(lost.contains(.reconnect(immediately: false, restore: [.event(.plain, ["HEARTBEAT"])])))
        for attempt in 1...3 {
            #expect(Self.acted(&machine, .reconnectAttemptFailed(attempt: attempt, reason: "connection refused"), at: 11).isEmpty)
        }
        #expect(machine.statusLine.link == "reconnecting (3 attempts failed: connection refused)")
        #expect(Self.shown(Self.acted(&machine, .submitted("status", typed: true))).isEmpty)
        var restored = ESLSubscriptions()
        _ = restored.applyEvent("plain HEARTBEAT")
        let back = Self.acted(&machine, .reconnected(identity: Self.identity, subscriptions: restored, attempts: 4, elapsed: .milliseconds(3_240)), at: 13)
        #expect(Self.shown(back) == ["reconnected to 127.0.0.1:8021 after 3.2 s (4 attempts); restored events plain HEARTBEAT, no log"])
        #expect(machine.statusLine.link == "connected")
    }

    @Test func withoutReconnectALostConnectionEndsTheSession() {
        var machine = Self.machine()
        let actions = Self.acted(&machine, .disconnected(reason: nil))
        #expect(actions == [.showError("disconnected: the connection to 127.0.0.1:8021 ended"), .stop])
        #expect(machine.status.status(interactive: true) == .connectionFailed)
    }

    @Test func reconnectRequestedWaitsBeforeTheNextLine() {
        var machine = Self.machine()
        #expect(Self.acted(&machine, .submitted("/reconnect", typed: true)) == [.closeConnection])
        #expect(Self.acted(&machine, .submitted("status", typed: true)).isEmpty)
        #expect(Self.acted(&machine, .disconnected(reason: nil)) == [.reconnect(immediately: true, restore: [])])
        let back = Self.acted(&machine, .reconnected(identity: Self.identity, subscriptions: ESLSubscriptions(), attempts: 1, elapsed: .milliseconds(40)))
        #expect(Self.shown(back).first?.hasPrefix("reconnected to 127.0.0.1:8021 after 0.0 s (1 attempt)") == true)
        #expect(Self.sent(back).map(\.1) == ["api status"])
    }

    @Test func historyKeepsWhatReadlineKeepsAndNothingElse() {
        var machine = Self.machine(history: ["old"])
        for line in ["status", "status", " secret", "", "version"] { _ = Self.acted(&machine, .submitted(line, typed: true)) }
        _ = Self.acted(&machine, .submitted("show calls", typed: false))  // an F-key macro
        #expect(machine.history == ["old", "status", "version"])
        var shown = Self.machine(history: ["a", "b"])
        #expect(Self.shown(Self.acted(&shown, .submitted("/history", typed: true))) == ["1  a\n2  b\n3  /history"])
    }

    @Test func didYouMeanAsksTheSwitchOnceThenRemembers() {
        var machine = Self.machine()
        let id = Self.sent(Self.acted(&machine, .submitted("statsu", typed: true)))[0].0
        let error = Self.acted(&machine, .replied(id, Self.ok("-ERR statsu Command not found!\n")))
        #expect(error.contains(.fetchCommandList(id, for: "statsu")))
        #expect(Self.sent(Self.acted(&machine, .submitted("version", typed: true))).isEmpty, "the suggestion comes before the next reply")
        let suggested = Self.acted(&machine, .commandList(id, ["status", "stats", "show", "version"], for: "statsu"))
        #expect(Self.shown(suggested) == ["did you mean: stats, status?"])
        #expect(Self.sent(suggested).map(\.1) == ["api version"])
        let again = Self.sent(Self.acted(&machine, .replied(Self.sent(suggested)[0].0, Self.ok("1.11\n"))))
        #expect(again.isEmpty)
        let typo = Self.sent(Self.acted(&machine, .submitted("verison", typed: true)))[0].0
        #expect(Self.shown(Self.acted(&machine, .replied(typo, Self.ok("-ERR verison Command not found!\n")))).last == "did you mean: version?")
    }

    @Test func helpForOneCommand() {
        var machine = Self.machine()
        #expect(Self.shown(Self.acted(&machine, .submitted("/help filter", typed: true))) == [
            "usage: /filter <header> <value> | delete <header> [<value>] | delete all\nadd or delete an event filter\n",
        ])
        #expect(Self.shown(Self.acted(&machine, .submitted("/help", typed: true))) == [SlashCommandName.helpText])
        #expect(Self.acted(&machine, .submitted("/help nosuch", typed: true)).contains(.showError("unknown command /nosuch; type /help for the list")))
    }

    @Test func eventNamesAreCheckedAndCustomSubclassesAreFree() {
        #expect(InputParser.parse("/event plain CHANEL_CREATE") == .error("/event: unknown event CHANEL_CREATE; did you mean CHANNEL_CREATE?"))
        #expect(InputParser.parse("/event json CHANNEL_CREATE CUSTOM sofia::register anything::goes") == .slash(.event("json CHANNEL_CREATE CUSTOM sofia::register anything::goes")))
        #expect(InputParser.parse("/event all") == .slash(.event("all")))
    }
}
