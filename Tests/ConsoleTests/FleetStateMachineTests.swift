import ESLProtocol
import Testing
@testable import Console

/// A fleet's rules as plain calls: where lines go, grouped replies, `/use`, the end of input.
@Suite struct FleetStateMachineTests {
    typealias Fleet = FleetStateMachine

    static func fleet(interactive: Bool = false, down: Set<Int> = []) -> Fleet {
        let members = ["pbx1", "pbx22", "pbx3"].enumerated().map { index, name in
            Fleet.Member(name: name, address: "10.0.0.\(index + 1):8021", link: down.contains(index) ? .disconnected : .connected)
        }
        return Fleet(members: members, palette: Palette(isEnabled: false), interactive: interactive)
    }

    /// The fleet after every session's start-up went idle.
    static func started(interactive: Bool = false, down: Set<Int> = []) -> Fleet {
        var fleet = fleet(interactive: interactive, down: down)
        for index in fleet.members.indices { _ = fleet.receive(.idle(index, submitted: 0, lineStatus: .success)) }
        return fleet
    }

    static func shown(_ actions: [Fleet.Action]) -> [String] {
        actions.compactMap { if case .show(let text) = $0 { text } else { nil } }
    }

    @Test func linesWaitForEverySessionsStartUp() {
        var fleet = Self.fleet()
        #expect(fleet.receive(.submitted("status", typed: false)).isEmpty)
        _ = fleet.receive(.idle(0, submitted: 0, lineStatus: .success))
        _ = fleet.receive(.idle(1, submitted: 0, lineStatus: .success))
        #expect(fleet.receive(.idle(2, submitted: 0, lineStatus: .success)) == [.submit(0, "status"), .submit(1, "status"), .submit(2, "status")])
    }

    @Test func aReplyToAllIsHeldThenGroupedInFleetOrderWithEachOutcome() {
        var fleet = Self.started()
        #expect(fleet.receive(.submitted("status", typed: false)).count == 3)
        // Answers arrive in any order; nothing shows until the last.
        #expect(fleet.receive(.output(2, "-ERR no\n")).isEmpty)
        #expect(fleet.receive(.idle(2, submitted: 1, lineStatus: .commandFailed)).isEmpty)
        #expect(fleet.receive(.output(0, "UP 1\nready\n")).isEmpty)
        #expect(fleet.receive(.idle(0, submitted: 1, lineStatus: .success)).isEmpty)
        #expect(fleet.receive(.output(1, "not connected to 10.0.0.2:8021")).isEmpty)
        let actions = fleet.receive(.idle(1, submitted: 1, lineStatus: .connectionFailed))
        #expect(actions == [
            .show("== pbx1 (+OK)\nUP 1\nready\n== pbx22 (not connected)\nnot connected to 10.0.0.2:8021\n== pbx3 (-ERR)\n-ERR no\n"),
            .promptReady,
        ])
    }

    @Test func anIdleSignalFromBeforeTheLineIsNotItsEnd() {
        var fleet = Self.started()
        _ = fleet.receive(.submitted("/use pbx1", typed: false))
        #expect(fleet.receive(.submitted("msleep 100", typed: false)) == [.submit(0, "msleep 100")])
        // A job finished just before the line reached the session: idle, but after 0 lines.
        #expect(fleet.receive(.idle(0, submitted: 0, lineStatus: .success)).isEmpty)
        #expect(fleet.busy == [0])
        #expect(fleet.receive(.idle(0, submitted: 1, lineStatus: .success)) == [.promptReady])
    }

    @Test func useChoosesOneSwitchWhoseOutputIsTaggedAtOnce() {
        var fleet = Self.started(interactive: true)
        let actions = fleet.receive(.submitted("/use pbx22", typed: true))
        #expect(actions == [.show("commands go to pbx22"), .updatePrompt, .promptReady])
        #expect(fleet.targetIndex == 1)
        #expect(fleet.receive(.submitted("status", typed: true)) == [.submit(1, "status")])
        #expect(fleet.receive(.output(1, "UP\n")) == [.show("pbx22 | UP\n")])
        #expect(fleet.receive(.output(0, "a late job\nresult")) == [.show("pbx1  | a late job\npbx1  | result")])
        #expect(fleet.receive(.idle(1, submitted: 1, lineStatus: .success)) == [.promptReady])
        _ = fleet.receive(.submitted("/use all", typed: true))
        #expect(fleet.targetIndex == nil)
        #expect(fleet.history == ["/use pbx22", "status", "/use all"])
    }

    @Test func useListsTheSwitchesAndRefusesAnUnknownName() {
        var fleet = Self.started(down: [2])
        let listing = Self.shown(fleet.receive(.submitted("/use", typed: false)))
        #expect(listing == ["  pbx1   10.0.0.1:8021  up\n  pbx22  10.0.0.2:8021  up\n  pbx3   10.0.0.3:8021  down\ncommands go to all (/use NAME or /use all)"])
        let refused = fleet.receive(.submitted("/use pbx9", typed: false))
        #expect(refused.first == .showError("/use: no switch named pbx9; the switches: pbx1, pbx22, pbx3, or all"))
        #expect(fleet.status.status(interactive: false) == .commandFailed)
    }

    @Test func theFleetsOwnSlashCommandsReachNoSwitch() {
        var fleet = Self.started()
        for line in ["/help", "/history", "/pause", "/bogus"] {
            let actions = fleet.receive(.submitted(line, typed: false))
            #expect(!actions.contains { if case .submit = $0 { true } else { false } }, "\(line)")
        }
        #expect(fleet.receive(.submitted("/event plain ALL", typed: false)).count == 3)
    }

    @Test func theEndOfInputEndsEachSessionThenStops() {
        var fleet = Self.started()
        _ = fleet.receive(.submitted("status", typed: false))
        #expect(fleet.receive(.endOfInput).isEmpty)
        for index in 0..<2 { _ = fleet.receive(.idle(index, submitted: 1, lineStatus: .success)) }
        let last = fleet.receive(.idle(2, submitted: 1, lineStatus: .success))
        #expect(last.suffix(3) == [.endInput(0), .endInput(1), .endInput(2)])
        #expect(fleet.receive(.memberStopped(0)).isEmpty)
        #expect(fleet.receive(.memberStopped(2)).isEmpty)
        #expect(fleet.receive(.memberStopped(1)) == [.stop])
    }

    @Test func ctrlCGoesToTheSwitchesStillRunningTheLine() {
        var fleet = Self.started(interactive: true)
        _ = fleet.receive(.submitted("msleep 9000", typed: true))
        _ = fleet.receive(.idle(1, submitted: 1, lineStatus: .success))
        #expect(fleet.receive(.interrupted) == [.interrupt(0), .interrupt(2)])
    }
}

/// A fleet's status line and tags.
@Suite struct FleetStatusLineTests {
    static let switches: [FleetStatusLine.Switch] = [
        .init(name: "pbx1", link: .connected), .init(name: "pbx2", link: .disconnected),
        .init(name: "pbx3", link: .reconnecting(attempts: 2, lastError: "refused")),
    ]

    @Test func eachSwitchInAFewCharacters() {
        let line = FleetStatusLine(target: "all", switches: Self.switches, eventsPerSecond: 12, dropped: 0)
        #expect(line.text(width: nil) == "to all | pbx1 up  pbx2 down  pbx3 … | 12 events/s | 0 dropped")
    }

    @Test func aSummaryWhenTheyDoNotFitAndNeverWiderThanTheScreen() {
        let many = (1...20).map { FleetStatusLine.Switch(name: "pbx\($0)", link: [7, 12].contains($0) ? .disconnected : .connected) }
        let line = FleetStatusLine(target: "all", switches: many, eventsPerSecond: 1, dropped: 0)
        #expect(line.text(width: 80) == "to all | 18 up, 2 down: pbx7 pbx12 | 1 event/s | 0 dropped")
        #expect(line.text(width: 34) == "to all | 18 up, 2 down: pbx7 pbx12")
        #expect(line.text(width: 33) == "to all | 18 up, 2 down: pbx7 pbx…")
        for width in [10, 20, 29] { #expect(line.text(width: width).count <= width) }
    }

    @Test func tagsArePaddedAndColouredByPosition() {
        let tags = FleetTags(names: ["a", "bbb"], palette: Palette(isEnabled: true))
        #expect(tags.tagged(0, "x\ny\n") == "\u{1B}[36ma  \u{1B}[m | x\n\u{1B}[36ma  \u{1B}[m | y\n")
        #expect(tags.prefix(1) == "\u{1B}[35mbbb\u{1B}[m | ")
        #expect(FleetTags.colour(10) == FleetTags.colour(0))
        #expect(!FleetTags.colours.contains("\u{1B}[31m"))
    }

    @Test func aRecordingIsShownAfterTheSwitches() {
        let line = FleetStatusLine(target: "all", switches: Self.switches, eventsPerSecond: 0, dropped: 0, recording: true)
        #expect(line.text(width: nil) == "to all | pbx1 up  pbx2 down  pbx3 … | rec | 0 events/s | 0 dropped")
    }

    @Test func recordHoldsTheNextLineUntilItTookEffect() {
        var fleet = FleetStateMachineTests.started()
        #expect(fleet.receive(.submitted("/record /tmp/x.rec", typed: false)) == [.record(.file("/tmp/x.rec"))])
        #expect(fleet.receive(.submitted("status", typed: false)).isEmpty, "the line waits for the recording to start")
        #expect(fleet.receive(.recorded("recording every frame from every switch to /tmp/x.rec", failed: false)) == [
            .show("recording every frame from every switch to /tmp/x.rec"), .submit(0, "status"), .submit(1, "status"), .submit(2, "status"),
        ])
    }

    @Test func aRecordThatFailsIsTheFleetsOwnFailure() {
        var fleet = FleetStateMachineTests.started()
        _ = fleet.receive(.submitted("/record /nowhere/x.rec", typed: false))
        #expect(fleet.receive(.recorded("cannot record to /nowhere/x.rec", failed: true)) == [.showError("cannot record to /nowhere/x.rec"), .promptReady])
        #expect(fleet.status.status(interactive: false) == .commandFailed)
    }
}
