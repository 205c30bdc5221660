import ESLClient
import ESLProtocol
import Foundation
import TestSupport
import Testing

/// A fleet (`-H` given more than once) over real sockets: real mocks, one port that refuses, one
/// listener that never greets (a connect timeout), and a mock stopped mid-session.
@Suite(.timeLimit(.minutes(3))) struct FleetConsoleTests {
    /// Two mocks named alpha and bravo, a refusing port and a silent listener.
    struct Fleet {
        let alpha: MockProcess
        let bravo: MockProcess
        let refused: ReservedPort
        let silent: ScriptedSwitch

        static func start() async throws -> Fleet {
            async let alpha = MockProcess.start(0, ["--switchname", "alpha"])
            async let bravo = MockProcess.start(0, ["--switchname", "bravo"])
            return Fleet(alpha: try await alpha, bravo: try await bravo, refused: try ReservedPort(), silent: try await ScriptedSwitch(script: [.hang]))
        }

        /// `-H` for each, in the fleet's order: a, refused, silent, b.
        var hosts: [String] {
            ["a=127.0.0.1:\(alpha.port)", "refused=127.0.0.1:\(refused.port)", "silent=127.0.0.1:\(silent.port)", "b=127.0.0.1:\(bravo.port)"]
                .flatMap { ["-H", $0] }
        }

        /// Stops everything and waits for the mocks to exit, off the cooperative pool.
        func stop() async throws {
            let (alpha, bravo) = (alpha, bravo)
            try await offPool {
                alpha.stop()
                bravo.stop()
            }
            await silent.stop()
        }

        /// Stops everything without waiting (from a `defer`, so a failed test leaves nothing running);
        /// stopping a mock that already stopped does nothing.
        func stopInBackground() {
            alpha.stopInBackground()
            bravo.stopInBackground()
            let silent = silent
            Task { await silent.stop() }
        }
    }

    /// Two mocks named alpha and bravo, both up, for the tests that need every switch answering.
    struct Pair {
        let a: MockProcess
        let b: MockProcess

        static func start() async throws -> Pair {
            async let alpha = MockProcess.start(0, ["--switchname", "alpha"])
            async let bravo = MockProcess.start(0, ["--switchname", "bravo"])
            return Pair(a: try await alpha, b: try await bravo)
        }

        /// Stops both and waits for them to exit, off the cooperative pool.
        func stop() async throws {
            let (a, b) = (a, b)
            try await offPool {
                a.stop()
                b.stop()
            }
        }

        /// Stops both without waiting (from a `defer`, should the test fail first).
        func stopInBackground() {
            a.stopInBackground()
            b.stopInBackground()
        }
    }

    @Test func batchRepliesComeGroupedInFleetOrderUnderAHeaderEach() async throws {
        let fleet = try await Fleet.start()
        defer { fleet.stopInBackground() }
        let result = try await FscliRun.run(["-q", "-b", "-T", "4000"] + fleet.hosts, input: "echo one\nno_such_command\n/subs\n")
        try await fleet.stop()
        let refused = "127.0.0.1:\(fleet.refused.port)"
        let silent = "127.0.0.1:\(fleet.silent.port)"
        let expected = """
            == a (+OK)
            one
            == refused (not connected)
            not connected to \(refused)
            == silent (not connected)
            not connected to \(silent)
            == b (+OK)
            one
            == a (-ERR)
            -ERR no_such_command Command not found!
            == refused (not connected)
            not connected to \(refused)
            == silent (not connected)
            not connected to \(silent)
            == b (-ERR)
            -ERR no_such_command Command not found!
            == a (+OK)
            events: none
            filters: none
            log level: off
            /uuid: off
            /logfilter: off
            == refused (+OK)
            not connected; to restore: no events, no log
            /uuid: off
            /logfilter: off
            == silent (+OK)
            not connected; to restore: no events, no log
            /uuid: off
            /logfilter: off
            == b (+OK)
            events: none
            filters: none
            log level: off
            /uuid: off
            /logfilter: off

            """
        #expect(result.stdout == expected, "\(result.stdout)")
        // Each failure at start-up on stderr, named; the status is the highest of the switches'.
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(errors.first?.hasPrefix("fscli: refused: ") == true, "\(result.stderr)")
        #expect(errors.dropFirst().first?.hasPrefix("fscli: silent: ") == true
            && errors.dropFirst().first?.contains("did not complete the greeting") == true, "\(result.stderr)")
        // Then, as -x ends, the switches that failed and the first line each failed on.
        #expect(errors.last == "fscli: 4 of 4 switches failed: a (`no_such_command`: -ERR); refused (`echo one`: not connected); "
            + "silent (`echo one`: not connected); b (`no_such_command`: -ERR)", "\(result.stderr)")
        #expect(result.status == 255)
    }

    @Test func withEverySwitchUpTheStatusIsTheWorstReply() async throws {
        let pair = try await Pair.start()
        defer { pair.stopInBackground() }
        let (a, b) = (pair.a, pair.b)
        let result = try await FscliRun.run(
            ["-q", "-H", "a=127.0.0.1:\(a.port)", "-H", "b=127.0.0.1:\(b.port)"], input: "switchname\n")
        let failing = try await FscliRun.run(
            ["-q", "-H", "a=127.0.0.1:\(a.port)", "-H", "b=127.0.0.1:\(b.port)"], input: "switchname\nno_such_command\n")
        try await pair.stop()
        #expect(result.stdout == "== a (+OK)\nalpha\n== b (+OK)\nbravo\n", "\(result.stdout)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(failing.status == 1)
    }

    @Test func recordWritesEverySwitchIntoOneFileInLineOrder() async throws {
        let pair = try await Pair.start()
        defer { pair.stopInBackground() }
        let (a, b) = (pair.a, pair.b)
        let path = NSTemporaryDirectory() + "fleet-record-\(UUID().uuidString).rec"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // A line right after /record and right after /record off: the first is recorded, the
        // second is not, because each waits for the recording to start or stop.
        let result = try await FscliRun.run(
            ["-q", "-H", "a=127.0.0.1:\(a.port)", "-H", "b=127.0.0.1:\(b.port)"],
            input: "switchname\n/record \(path)\necho recorded\n/record off\necho after\n/record\n")
        try await pair.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("recording every frame from every switch to \(path)\n== a (+OK)\nrecorded\n== b (+OK)\nrecorded\n"
            + "recording stopped: 2 frames in \(path)\n== a (+OK)\nafter\n"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("not recording; /record FILE records every frame from every switch (FILE.gz compressed)\n"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let switches = text.split(separator: "\n").filter { $0.hasPrefix("@") }.map { $0.split(separator: " ")[1] }
        #expect(Set(switches) == ["127.0.0.1:\(a.port)", "127.0.0.1:\(b.port)"], "\(text)")
        #expect(text.components(separatedBy: "recorded\n").count - 1 == 2 && !text.contains("after"), "\(text)")
    }

    @Test func eventsJSONRecordsNameTheirSwitchInsteadOfATag() async throws {
        let pair = try await Pair.start()
        defer { pair.stopInBackground() }
        let (a, b) = (pair.a, pair.b)
        let run = try ChildProcess(CommandLineTests.binary.path, [
            "-b", "--events-json", "-q", "-T", "60000", "-H", "a=127.0.0.1:\(a.port)", "-H", "b=127.0.0.1:\(b.port)",
        ], environment: FscliRun.cleanEnvironment(), input: .textThenHold("/event plain CUSTOM\n"))
        _ = try await offPool {
            try run.waitForStderr(within: 60) { $0.components(separatedBy: "+OK event listener enabled plain").count == 3 }
        }
        try await FollowTests.sendEvents(port: a.port, count: 1)
        try await FollowTests.sendEvents(port: b.port, count: 1)
        let shown = try await offPool { try run.waitForStdout(within: 60) { $0.split(separator: "\n").count >= 2 } }
        let records = try JSONOutputTests.records(shown)
        #expect(Set(records.compactMap { $0["name"] as? String }) == ["a", "b"], "\(shown)")
        let switchNames = records.compactMap { ($0["event"] as? [String: Any])?["FreeSWITCH-Switchname"] as? String }
        #expect(Set(switchNames) == ["alpha", "bravo"])
        for record in records {
            #expect((record["name"] as? String == "a") == ((record["event"] as? [String: Any])?["FreeSWITCH-Switchname"] as? String == "alpha"))
        }
        run.closeInput()
        #expect(try await offPool { try run.finish(within: 60) }.status == 0)
        try await pair.stop()
    }

    @Test func noSwitchReachedExits255WithEachFailure() async throws {
        let first = try ReservedPort()
        let second = try ReservedPort()
        let result = try await FscliRun.run(["-q", "-H", "x=127.0.0.1:\(first.port)", "-H", "y=127.0.0.1:\(second.port)"], input: "status\n")
        #expect(result.status == 255)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2 && errors[0].hasPrefix("fscli: x: ") && errors[1].hasPrefix("fscli: y: "), "\(result.stderr)")
    }

    @Test func aSwitchThatDoesNotAnswerInTimeIsHeadedTimedOut() async throws {
        let alpha = try await MockProcess.start(0, ["--switchname", "alpha"])
        defer { alpha.stopInBackground() }
        // Logs in and says who it is, then never answers again. -t also bounds those start-up
        // requests, so it is long enough for a test process busy with other tests to answer them.
        func reply(_ body: String) -> ScriptedSwitch.Step {
            .send("Content-Type: api/response\nContent-Length: \(body.utf8.count)\n\n\(body)")
        }
        let slow = try await ScriptedSwitch(script: ScriptedSwitch.greeting + [.expect(nil), reply("slow"), .expect(nil), reply("slowhost"), .hang])
        defer { Task { await slow.stop() } }
        let result = try await FscliRun.run(
            ["-q", "-t", "20000", "-T", "120000", "-H", "a=127.0.0.1:\(alpha.port)", "-H", "slow=127.0.0.1:\(slow.port)"], input: "echo one\n")
        try await offPool { alpha.stop() }
        await slow.stop()
        #expect(result.stdout.hasPrefix("== a (+OK)\none\n== slow (timed out)\n"), "\(result.stdout)")
        #expect(result.status == 254, "\(result.stderr)")
    }

    /// With -R a switch that refused at start-up is retried in the background and joins the fleet
    /// once it listens.
    @Test(.enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
    func aSwitchDownAtStartUpJoinsLaterWithReconnect() async throws {
        var reserved: ReservedPort? = try ReservedPort()
        let port = reserved!.port
        let alpha = try await MockProcess.start(0, ["--switchname", "alpha"])
        defer { alpha.stopInBackground() }
        let term = try TerminalHarness(["-R", "-H", "a=127.0.0.1:\(alpha.port)", "-H", "late=127.0.0.1:\(port)"])
        defer { term.close() }
        try await term.waitFor("the late switch shown as reconnecting") { screen in
            screen.contains { $0.hasPrefix("to all | a up  late … |") } && screen.last?.hasPrefix("fscli@all>") == true
        }
        reserved = nil
        let late = try await MockProcess.start(port, ["--switchname", "late"])
        defer { late.stopInBackground() }
        try await term.waitFor("the late switch connected") { screen in
            screen.contains { $0.hasPrefix("late | reconnected to 127.0.0.1:\(port) after ") }
                && screen.contains { $0.hasPrefix("to all | a up  late up |") }
        }
        try term.type("switchname")
        try term.press("Enter")
        try await term.waitFor("both answer") { $0.contains("== late (+OK)") && $0.contains("late | late") && $0.contains("a    | alpha") }
        try term.type("/exit")
        try term.press("Enter")
        #expect(try await term.waitForExit("/exit") == 0)
        try await offPool {
            alpha.stop()
            late.stop()
        }
    }

    /// The interactive console: tagged start-up, `/use`, grouped replies, tagged logs from two
    /// switches, the status line, and a switch that goes away without disturbing the other.
    @Test(.enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
    func aSwitchGoesAwayMidSession() async throws {
        let fleet = try await Fleet.start()
        defer { fleet.stopInBackground() }
        let term = try TerminalHarness(["-T", "4000"] + fleet.hosts)
        defer { term.close() }
        try await term.waitFor("the fleet prompt") { $0.contains { $0.hasPrefix("fscli@all>") } }
        // The status line (the row above the input line) shows each switch in a few characters.
        try await term.waitFor("the status line") { screen in
            screen.contains { $0.hasPrefix("to all | a up  refused down  silent down  b up |") }
        }
        let start = try term.screen()
        #expect(start.contains { $0.hasPrefix("refused | ") }, "the refusal is tagged: \(start)")
        #expect(start.contains { $0.hasPrefix("silent  | ") && $0.contains("did not complete the greeting") }, "\(start)")

        try term.type("switchname")
        try term.press("Enter")
        try await term.waitFor("the grouped reply") { screen in
            guard let a = screen.firstIndex(of: "== a (+OK)"), let b = screen.firstIndex(of: "== b (+OK)"),
                  let refused = screen.firstIndex(of: "== refused (not connected)") else { return false }
            return a < refused && refused < b && screen[a + 1] == "a       | alpha" && screen[b + 1] == "b       | bravo"
        }

        // Each switch in the colour of its place in the list: a first (cyan), b fourth (green). tmux
        // writes a colour only where it changes, so the tag under a header of its colour has none.
        let coloured = try term.screen(colors: true)
        let alphaHeader = try #require(coloured.first { $0.contains("== a (+OK)") })
        let bravoHeader = try #require(coloured.first { $0.contains("== b (+OK)") })
        #expect(alphaHeader.components(separatedBy: "==").first?.contains("\u{1b}[36m") == true, "\(alphaHeader.debugDescription)")
        #expect(bravoHeader.components(separatedBy: "==").first?.contains("\u{1b}[32m") == true, "\(bravoHeader.debugDescription)")

        // A subscription for all switches, then log lines and events from both, each tagged with its name.
        try term.type("/event plain CUSTOM fleet::from-alpha fleet::from-bravo")
        try term.press("Enter")
        try await term.waitFor("the subscription on both") { screen in
            screen.filter { $0.hasSuffix("| +OK event listener enabled plain") }.count == 2
        }
        // Without -R nothing is being reconnected, and no line says otherwise.
        #expect(!(try term.screen()).contains { $0.contains("reconnecting") })
        let ports = [(fleet.alpha.port, "from-alpha"), (fleet.bravo.port, "from-bravo")]
        try await offPool {
            for (port, marker) in ports {
                let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
                defer { connection.close() }
                _ = try connection.send(ESLCommand(line: "api log ERR \(marker)", replyKind: .apiResponse), timeout: .seconds(5))
                _ = try connection.send(ESLCommand(line: "sendevent CUSTOM", headers: [("Event-Subclass", "fleet::\(marker)")]), timeout: .seconds(5))
            }
        }
        try await term.waitFor("tagged log lines and events") { screen in
            screen.contains { $0.hasPrefix("a       | ") && $0.contains("from-alpha") && !$0.contains("fleet::") }
                && screen.contains { $0.hasPrefix("b       | ") && $0.contains("from-bravo") && !$0.contains("fleet::") }
                && screen.contains { $0.hasPrefix("a       | ") && $0.contains("fleet::from-alpha") }
                && screen.contains { $0.hasPrefix("b       | ") && $0.contains("fleet::from-bravo") }
        }

        // /use: the list, then one switch, whose prompt the console takes.
        try term.type("/use")
        try term.press("Enter")
        try await term.waitFor("the list") { $0.contains("commands go to all (/use NAME or /use all)") }
        // Tab completes switch names after /use.
        try term.type("/use sil")
        try term.press("Tab")
        try await term.waitFor("the completed name") { $0.last?.hasPrefix("fscli@all> /use silent") == true }
        try term.press("C-u")
        try term.type("/use b")
        try term.press("Enter")
        try await term.waitFor("bravo's prompt") { $0.last?.hasPrefix("freeswitch@bravo>") == true }
        try term.type("switchname")
        try term.press("Enter")
        try await term.waitFor("bravo's tagged reply") { $0.contains("b       | bravo") && $0.last?.hasPrefix("freeswitch@bravo>") == true }
        try term.type("/use all")
        try term.press("Enter")
        try await term.waitFor("the fleet prompt again") { $0.last?.hasPrefix("fscli@all>") == true }

        // Bravo goes away: marked down, and alpha carries on.
        // Off the cooperative pool: waiting for the mock to exit must not starve other tests' tasks.
        let bravo = fleet.bravo
        try await offPool { bravo.stop() }
        try await term.waitFor("bravo down") { screen in
            screen.contains { $0.hasPrefix("b       | ") && $0.contains("disconnected") }
                && screen.contains { $0.hasPrefix("to all | a up  refused down  silent down  b down |") }
        }
        try term.type("echo still")
        try term.press("Enter")
        try await term.waitFor("alpha answers, bravo is not connected") { screen in
            screen.contains("== b (not connected)") && screen.contains("a       | still")
        }
        // Bravo listens again on its port; /reconnect to it brings it back into the fleet.
        let again = try await MockProcess.start(fleet.bravo.port, ["--switchname", "bravo"])
        defer { again.stopInBackground() }
        try term.type("/use b")
        try term.press("Enter")
        try term.type("/reconnect")
        try term.press("Enter")
        try await term.waitFor("bravo back") { screen in
            screen.contains { $0.hasPrefix("b       | reconnected to 127.0.0.1:\(fleet.bravo.port) after ") }
                && screen.contains { $0.hasPrefix("to b | a up  refused down  silent down  b up |") }
        }
        try term.type("/exit")
        try term.press("Enter")
        // Refused and silent never logged in (without -R): the session's status is 255, as for one
        // switch that could not be reached; bravo, back, no longer counts as lost.
        #expect(try await term.waitForExit("/exit") == 255)
        try await offPool { again.stop() }
        try await fleet.stop()
    }
}

extension MockProcess {
    /// A mock on `port` with extra arguments (the second `--switchname` wins).
    static func start(_ port: Int, _ arguments: [String]) async throws -> MockProcess {
        try await start(port: port, arguments)
    }
}
