import Foundation
import TestSupport
import Testing

/// `-x` and `--json` against a fleet (`-H` more than once): real mocks, a closed port, a switch that
/// never answers and one that goes away, all in one run of the real binary.
@Suite(.timeLimit(.minutes(2))) struct FleetOneShotTests {
    /// Long enough for a loaded machine to connect; the slow switch's bound is `-t`.
    static let patient = ["-T", "60000"]

    /// A switch that logs the client in, then never answers.
    static func silentSwitch() async throws -> ScriptedSwitch {
        try await ScriptedSwitch(script: ScriptedSwitch.greeting + [.expect(nil), .hang])
    }

    /// A switch that answers `echo one` and closes the connection on the next command.
    static func leavingSwitch() async throws -> ScriptedSwitch {
        try await ScriptedSwitch(script: ScriptedSwitch.greeting + [
            .expect("api echo one\nconsole_execute: true\n\n"),
            .send("Content-Type: api/response\nContent-Length: 4\n\none\n"),
            .expect(nil), .close,
        ])
    }

    @Test func repliesAreGroupedBySwitchInTheOrderGivenAndTheWorstStatusWins() async throws {
        let first = try await MockProcess.start()
        defer { first.stopInBackground() }
        let second = try await MockProcess.start()
        defer { second.stopInBackground() }
        let refusing = try ReservedPort()
        let silent = try await Self.silentSwitch()
        defer { Task { await silent.stop() } }
        let leaving = try await Self.leavingSwitch()
        defer { Task { await leaving.stop() } }

        // -t bounds the silent switch; it is long enough for the others to answer on a loaded machine.
        let result = try await FscliRun.run(Self.patient + [
            "-t", "6000",
            "-H", "one=127.0.0.1:\(first.port)", "-H", "closed=127.0.0.1:\(refusing.port)",
            "-H", "slow=127.0.0.1:\(silent.port)", "-H", "gone=127.0.0.1:\(leaving.port)",
            "-H", "127.0.0.1:\(second.port)",
            "-x", "echo one", "-x", "echo two",
        ])
        withExtendedLifetime(refusing) {}
        #expect(result.status == 255, "the highest of 0, 255, 254, 255, 0: \(result.stderr)")
        #expect(result.stdout == """
            == one (+OK)
            one
            two
            == closed (not connected)
            == slow (timed out)
            == gone (not connected)
            one
            == 127.0.0.1:\(second.port) (+OK)
            one
            two

            """)
        let summary = try #require(result.stderr.split(separator: "\n").last.map(String.init))
        #expect(summary == "fscli: 3 of 5 switches failed: closed (connection refused); slow (request timeout on `echo one`); "
            + "gone (connection closed on `echo two`)", "\(result.stderr)")
        // Each failure's full message is there too, naming its switch.
        #expect(result.stderr.contains("fscli: closed: connection refused by 127.0.0.1:\(refusing.port)"), "\(result.stderr)")
        #expect(result.stderr.contains("fscli: slow: "), "\(result.stderr)")
        #expect(result.stderr.contains("fscli: gone: "), "\(result.stderr)")
    }

    @Test func aTimeoutAloneGives254AndEverySwitchIsOneRecordPerCommand() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let silent = try await Self.silentSwitch()
        defer { Task { await silent.stop() } }
        let result = try await FscliRun.run(Self.patient + [
            "--json", "-t", "1500", "-H", "127.0.0.1:\(mock.port)", "-H", "slow=127.0.0.1:\(silent.port)", "-x", "echo hello",
        ])
        #expect(result.status == 254, "\(result.stderr)")
        let records = try JSONOutputTests.records(result.stdout)
        try #require(records.count == 2, "\(result.stdout)")
        #expect(Set(records[0].keys) == JSONOutputTests.commandKeys.union(["name"]), "\(records[0])")
        #expect(records[0]["name"] as? String == "127.0.0.1:\(mock.port)")
        #expect(records[0]["host"] as? String == "127.0.0.1:\(mock.port)")
        #expect(records[0]["switch"] as? String == "e2e")
        #expect(records[0]["body"] as? String == "hello\n")
        #expect(records[0]["ok"] as? Bool == true)
        // The silent switch never said its name, so its records have no `switch`; the first
        // request to time out was `api switchname`, and the command itself then times out too.
        #expect(records[1]["name"] as? String == "slow")
        #expect(records[1]["host"] as? String == "127.0.0.1:\(silent.port)")
        #expect(records[1]["ok"] as? Bool == false)
        let error = try #require(records[1]["error"] as? [String: Any], "\(records[1])")
        #expect(error["code"] as? String == "requestTimeout")
        #expect(result.stderr.hasSuffix("fscli: 1 of 2 switches failed: slow (request timeout on `echo hello`)\n"), "\(result.stderr)")
    }

    @Test func batchLinesGoToEverySwitchAndASwitchThatGoesAwayStopsAlone() async throws {
        let staying = try await MockProcess.start()
        defer { staying.stopInBackground() }
        let going = try await MockProcess.start()
        let child = try ChildProcess(CommandLineTests.binary.path, Self.patient + [
            "--json", "-H", "stays=127.0.0.1:\(staying.port)", "-H", "goes=127.0.0.1:\(going.port)",
        ], environment: FscliRun.cleanEnvironment(), input: .textThenHold("echo first\n"))
        // The first line answered by both, in the order given.
        let firstRecords = try child.waitForStdout { $0.split(separator: "\n").count >= 2 }
        let first = try JSONOutputTests.records(firstRecords)
        #expect(first.map { $0["name"] as? String } == ["stays", "goes"])
        #expect(first.allSatisfy { $0["body"] as? String == "first\n" })
        going.stop()
        try child.write("echo second\necho third\n")
        child.closeInput()
        let output = try child.finish()
        #expect(output.status == 255, "\(output.stderr)")
        let records = try JSONOutputTests.records(output.stdout)
        let later = records.dropFirst(2).map { ($0["name"] as? String ?? "?", $0["ok"] as? Bool ?? true) }
        #expect(later.map(\.0) == ["stays", "goes", "stays"], "\(output.stdout)")
        #expect(later.map(\.1) == [true, false, true], "the switch that went away fails once, then is left out")
        #expect(output.stderr.hasSuffix("fscli: 1 of 2 switches failed: goes (disconnected on `echo second`)\n"), "\(output.stderr)")
    }

    @Test func batchLinesEndAtOnceWhenNoSwitchCouldBeReached() async throws {
        let first = try ReservedPort()
        let second = try ReservedPort()
        // stdin stays open: the run must not wait for it with nothing to send the lines to.
        let child = try ChildProcess(CommandLineTests.binary.path, [
            "--json", "-H", "127.0.0.1:\(first.port)", "-H", "127.0.0.1:\(second.port)",
        ], environment: FscliRun.cleanEnvironment(), input: .textThenHold(""))
        let output = try await offPool { try child.finish(within: 60) }
        withExtendedLifetime((first, second)) {}
        #expect(output.status == 255)
        let records = try JSONOutputTests.records(output.stdout)
        #expect(records.map { ($0["error"] as? [String: Any])?["code"] as? String } == ["connectionRefused", "connectionRefused"])
        #expect(output.stderr.hasSuffix("fscli: 2 of 2 switches failed: 127.0.0.1:\(first.port) (connection refused); "
            + "127.0.0.1:\(second.port) (connection refused)\n"), "\(output.stderr)")
    }
}
