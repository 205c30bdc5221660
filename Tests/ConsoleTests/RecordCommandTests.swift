import Testing
@testable import Console

/// `/record` (docs/recording.md): parsed, answered by the session's rules, shown in the status line.
@Suite struct RecordCommandTests {
    typealias Machine = ConsoleStateMachine

    @Test func recordParsesAFileOffOrNothing() {
        #expect(InputParser.parse("/record") == .slash(.record(nil)))
        #expect(InputParser.parse("/record incident.rec.gz") == .slash(.record(.file("incident.rec.gz"))))
        #expect(InputParser.parse("/record /tmp/a b.rec") == .slash(.record(.file("/tmp/a b.rec"))))
        #expect(InputParser.parse("/record off") == .slash(.record(.off)))
        #expect(InputParser.parse("/RECORD OFF") == .slash(.record(.off)))
        #expect(InputParser.parse("/record ./off") == .slash(.record(.file("./off"))))
        #expect(InputParser.parse("/record off").commands.isEmpty, "nothing is sent to the switch")
        #expect(InputParser.suggestion(for: "/recrod") == .record)
    }

    @Test func aLeadingTildeIsTheHomeDirectory() {
        let expand = { (path: String, home: String?) in ConsoleRecorder.expandingHome(in: path, home: home) }
        #expect(expand("~/calls.rec", "/home/op") == "/home/op/calls.rec")
        #expect(expand("~/calls.rec", "/home/op/") == "/home/op/calls.rec")
        #expect(expand("~", "/home/op") == "/home/op")
        #expect(expand("~other/calls.rec", "/home/op") == "~other/calls.rec", "another user's home is not guessed")
        #expect(expand("./~/calls.rec", "/home/op") == "./~/calls.rec")
        #expect(expand("~/calls.rec", nil) == "~/calls.rec")
        #expect(expand("~/calls.rec", "") == "~/calls.rec")
    }

    @Test func recordStartsStopsAndSaysWhere() {
        var machine = ConsoleStateMachineTests.machine()
        #expect(ConsoleStateMachineTests.shown(ConsoleStateMachineTests.acted(&machine, .submitted("/record", typed: true)))
                == ["not recording; /record FILE records every frame received (FILE.gz compressed)"])
        #expect(ConsoleStateMachineTests.acted(&machine, .submitted("/record off", typed: true)) == [.show("not recording"), .promptReady])
        #expect(ConsoleStateMachineTests.acted(&machine, .submitted("/record a.rec", typed: true)) == [.startRecording("a.rec"), .promptReady])
        #expect(machine.recording == nil, "not until the file is open")
        #expect(!machine.statusLine.text.contains("| rec"))

        let started = machine.receive(.recordingStarted(path: "a.rec"), now: ConsoleStateMachineTests.start)
        #expect(ConsoleStateMachineTests.shown(started) == ["recording every frame received to a.rec"])
        #expect(started.last == .status(machine.statusLine.text))
        #expect(machine.statusLine.text.hasPrefix("127.0.0.1:8021 pbx | connected | rec | "), "\(machine.statusLine.text)")
        #expect(ConsoleStateMachineTests.shown(ConsoleStateMachineTests.acted(&machine, .submitted("/record", typed: true)))
                == ["recording every frame received to a.rec; /record off stops"])

        #expect(ConsoleStateMachineTests.acted(&machine, .submitted("/record off", typed: true)) == [.stopRecording, .promptReady])
        let stopped = ConsoleStateMachineTests.acted(&machine, .recordingStopped(path: "a.rec", frames: 12, failure: nil))
        #expect(ConsoleStateMachineTests.shown(stopped) == ["recording stopped: 12 frames in a.rec"])
        #expect(machine.recording == nil)
        #expect(!machine.statusLine.text.contains("| rec"))
    }

    @Test func aRecordingThatFailsIsAnErrorAndEnds() {
        var machine = ConsoleStateMachineTests.machine()
        _ = machine.receive(.recordingStarted(path: "/dev/full"), now: ConsoleStateMachineTests.start)
        let failed = ConsoleStateMachineTests.acted(&machine, .recordingStopped(path: nil, frames: nil, failure: "recording to /dev/full stopped: No space left on device"))
        #expect(failed == [.showError("recording to /dev/full stopped: No space left on device")])
        #expect(machine.recording == nil)
    }

    @Test func helpAndCompletionKnowRecord() {
        #expect(SlashCommandName.helpText.contains("/record [<file> | off]"))
        #expect(Machine.help(.record) == "usage: /record [<file> | off]\nrecord every frame received to a file (.gz: compressed); off: stop; alone: where\n")
    }
}
