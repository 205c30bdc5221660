import Foundation
import Testing

/// The console as an operator uses it: the real binary in a real pseudo-terminal (tmux), talking to
/// `fscli mock` over a real socket. These run with `--no-pane` (output inline above the prompt);
/// PaneTerminalTests covers the split screen.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
struct ConsoleTerminalTests {
    static let prompt = "freeswitch@e2e>"

    @Test func typeCompleteRunAndWatchEventsWhileTyping() async throws {
        let mock = try await MockProcess.start(["--heartbeat", "1"])
        defer { mock.stop() }
        let term = try TerminalHarness(["--no-pane", "-P", String(mock.port)])
        defer { term.close() }

        try await term.waitFor("the prompt after start-up") { $0.last == Self.prompt }
        let start = try term.screen()
        #expect(start.contains { $0.contains("connected to e2e at 127.0.0.1:\(mock.port)") }, "\(start)")
        #expect(start.contains("+OK log level debug [7]"), "\(start)")

        // Tab asks the switch (console_complete) and applies its write= instruction.
        try term.type("stat")
        try term.press("Tab")
        try await term.waitFor("the completed command") { $0.last == Self.prompt + " status" }
        // Several candidates: the switch's list is shown above the line, which keeps their common prefix.
        try term.press("C-u")
        try term.type("uuid_b")
        try term.press("Tab")
        try await term.waitFor("the candidate list") { screen in
            screen.last == Self.prompt + " uuid_b" && screen.contains { line in
                ["uuid_break", "uuid_bridge", "uuid_broadcast", "uuid_buglist"].allSatisfy { line.contains($0) }
            }
        }
        try term.press("C-u")
        try term.type("status")
        try term.press("Enter")
        try await term.waitFor("the status reply and a fresh prompt") {
            $0.contains("FreeSWITCH (Version 1.11.1-release  64bit) is ready") && $0.last == Self.prompt
        }

        // Events arrive above the line being typed, which stays intact.
        try term.type("/event plain HEARTBEAT")
        try term.press("Enter")
        try await term.waitFor("the subscription reply") { $0.contains("+OK event listener enabled plain") }
        try term.type("echo typed while events arrive")
        try await term.waitFor("a HEARTBEAT printed above the intact input") { screen in
            guard screen.last == Self.prompt + " echo typed while events arrive" else { return false }
            // The compact view: one line per event, e.g. "14:46:10.101 HEARTBEAT sessions=0 idle-cpu=98.7 up=40s".
            let isHeartbeat: (String) -> Bool = { $0.contains(" HEARTBEAT sessions=0 idle-cpu=") }
            guard let subscribed = screen.lastIndex(of: "+OK event listener enabled plain") else {
                // Scrolled away: events came in after it.
                return screen.contains(where: isHeartbeat)
            }
            return screen[subscribed...].contains(where: isHeartbeat)
        }
        try term.press("Enter")
        try await term.waitFor("the echo of the typed line") { $0.contains("typed while events arrive") }
        try term.type("/noevents")
        try term.press("Enter")
        try await term.waitFor("events off") { $0.contains("+OK no longer listening for events") }

        // F2 is fs_cli's `status` macro.
        try term.press("C-l")
        // The earlier status reply must be gone first, or it would pass for the macro's.
        try await term.waitFor("the cleared screen") { screen in !screen.contains { $0.contains("is ready") } }
        try term.press("F2")
        try await term.waitFor("the F2 macro echoed and run") { screen in
            guard let echoed = screen.lastIndex(of: Self.prompt + " status") else { return false }
            return screen[echoed...].contains("FreeSWITCH (Version 1.11.1-release  64bit) is ready")
        }

        // Ctrl-C cancels the command in flight; the session stays. (The switch still sleeps it out
        // before the next command: long enough to be seen in flight on a loaded machine, short
        // enough not to hold up the echo after it for long.)
        try term.type("msleep 8000")
        try term.press("Enter")
        try await term.waitFor("the command in flight") { $0.suffix(2) == [Self.prompt + " msleep 8000", Self.prompt] }
        try term.press("C-c")
        try await term.waitFor("the cancellation") { $0.contains("msleep 8000: cancelled") }
        try term.type("echo still here")
        try term.press("Enter")
        try await term.waitFor("a reply after the cancelled command") { $0.contains("still here") }

        try term.type("/exit")
        try term.press("Enter")
        #expect(try await term.waitForExit("/exit") == 0)

        // History: written after every command, 0600, in the XDG state directory.
        let history = term.home + "/.local/state/fscli/history"
        let entries = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(entries.contains("/event plain HEARTBEAT"))
        #expect(entries.contains("msleep 8000"))
        #expect(entries.last == "/exit")
        var status = stat()
        #expect(stat(history, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func reconnectRestoresTheSessionAndExitStillExits() async throws {
        let first = try await MockProcess.start()
        let port = first.port
        let term = try TerminalHarness(["--no-pane", "-R", "-P", String(port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last == Self.prompt }
        try term.type("/event plain CHANNEL_CREATE")
        try term.press("Enter")
        try await term.waitFor("the subscription") { $0.contains("+OK event listener enabled plain") }
        try term.type("/filter Unique-ID abc")
        try term.press("Enter")
        try await term.waitFor("the filter") { $0.contains("+OK filter added. [Unique-ID]=[abc]") }

        // The switch goes away: shown at once, in one line, with its reason, without pressing Enter.
        first.stop()
        try await term.waitFor("the disconnect") { screen in
            screen.contains { $0.hasPrefix("connection lost:") && $0.contains("The system is being shut down.") && $0.hasSuffix("reconnecting (-R)") }
        }
        let second = try await MockProcess.start(port: port)
        defer { second.stop() }
        try await term.waitFor("the reconnection line") { screen in
            screen.contains { $0.hasPrefix("reconnected to 127.0.0.1:\(port) after ") && $0.contains("restored events plain CHANNEL_CREATE, 1 filter, log debug (7)") }
        }
        // Quiet: the failed attempts were counted, not printed one by one.
        let afterReconnect = try term.screen()
        #expect(!afterReconnect.contains { $0.contains("attempt") && !$0.hasPrefix("reconnected") }, "\(afterReconnect)")
        try term.type("/subs")
        try term.press("Enter")
        try await term.waitFor("the restored subscriptions") {
            $0.contains("events: plain CHANNEL_CREATE") && $0.contains("filters: Unique-ID abc") && $0.contains("log level: debug (7)")
        }
        // /reconnect drops the connection on purpose and restores the same session at once.
        try term.press("C-l")
        try term.type("/reconnect")
        try term.press("Enter")
        try await term.waitFor("the manual reconnection") { screen in
            guard let typed = screen.lastIndex(of: Self.prompt + " /reconnect") else { return false }
            return screen[typed...].contains {
                $0.hasPrefix("reconnected to 127.0.0.1:\(port) after ") && $0.hasSuffix(" (1 attempt); restored events plain CHANNEL_CREATE, 1 filter, log debug (7)")
            } && screen.last == Self.prompt
        }
        #expect(try !term.screen().contains { $0.hasPrefix("disconnected:") || $0.hasPrefix("connection lost:") }, "a requested reconnect is not reported as a disconnect")
        try term.type("/exit")
        try term.press("Enter")
        #expect(try await term.waitForExit("/exit with -R") == 0)
    }

    @Test func logLinesAreColouredByLevelUnlessColourIsOff() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        // fs_cli's table: ERR red, WARNING magenta, NOTICE cyan, INFO green, DEBUG yellow.
        let levels = [("err", "31"), ("warning", "35"), ("notice", "36"), ("info", "32"), ("debug", "33")]
        for colour in [true, false] {
            let term = try TerminalHarness(["--no-pane", "-P", String(mock.port)] + (colour ? [] : ["--color", "never"]))
            defer { term.close() }
            try await term.waitFor("the prompt") { $0.last == Self.prompt }
            for (level, _) in levels {
                try term.type("log \(level) colour-check-\(level)")
                try term.press("Enter")
            }
            try await term.waitFor("the five log lines") { screen in
                levels.allSatisfy { level, _ in screen.contains { $0.hasSuffix("colour-check-\(level)") && $0.contains("[") } }
            }
            let screen = try term.screen(colors: true)
            for (level, code) in levels {
                let line = try #require(screen.last { $0.contains("colour-check-\(level)") && !$0.contains("freeswitch@") })
                if colour {
                    #expect(line.hasPrefix("\u{1B}[\(code)m"), "\(level): \(line.debugDescription)")
                } else {
                    #expect(!line.contains("\u{1B}["), "\(level): \(line.debugDescription)")
                }
            }
        }
    }

    @Test func withoutReconnectADisconnectEndsTheSessionAtOnce() async throws {
        let mock = try await MockProcess.start()
        let term = try TerminalHarness(["--no-pane", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last == Self.prompt }
        try term.type("half typed")
        mock.stop()
        #expect(try await term.waitForExit("the session to end on disconnect") == 255)
        let screen = try term.screen()
        #expect(screen.contains { $0.hasPrefix("disconnected:") && $0.contains("The system is being shut down.") }, "\(screen)")
    }

    @Test func controlDOnAnEmptyLineExits() async throws {
        let term = try TerminalHarness(["--no-pane", "--mock", "-q"])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last?.hasPrefix("freeswitch@") == true && $0.last?.hasSuffix(">") == true }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func sigtermEndsTheSessionCleanly() async throws {
        let term = try TerminalHarness(["--no-pane", "--mock", "-q"])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last?.hasSuffix(">") == true }
        try term.type("half typed")
        let pid = try #require(try term.fscliPID())
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/comm")), as: UTF8.self).hasPrefix("fscli"))
        kill(pid, SIGTERM)
        #expect(try await term.waitForExit("SIGTERM") == 1)
        #expect(try term.screen().contains("terminated by signal \(SIGTERM)"))
    }

    @Test func interruptOptionLetsControlCExit() async throws {
        let term = try TerminalHarness(["--no-pane", "--mock", "-q", "-i"])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last?.hasSuffix(">") == true }
        try term.press("C-c")
        #expect(try await term.waitForExit("Ctrl-C with -i") == 1)
        #expect(try term.screen().contains("Interrupted."))
    }

    @Test func aBusySwitchCannotHoldTabUp() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["--no-pane", "-q", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last == Self.prompt }
        // The switch runs msleep and reads nothing else meanwhile, so console_complete gets no answer.
        try term.type("msleep 4000")
        try term.press("Enter")
        try await term.waitFor("msleep in flight") { $0.suffix(2) == [Self.prompt + " msleep 4000", Self.prompt] }
        try term.type("uuid_ki")
        try term.press("Tab")
        try await term.waitFor("the local completion before msleep's reply") {
            $0.last == Self.prompt + " uuid_kill" && $0.contains("usage: uuid_kill <uuid> [cause]") && !$0.contains("+OK")
        }
        try await term.waitFor("msleep's reply afterwards") { $0.contains("+OK") }
    }

    @Test func completionFallsBackWhenTheLoginMayNotComplete() async throws {
        // A userauth login allowed only `status`: console_complete is refused, so Tab completes from
        // the built-in command list and shows the command's usage.
        let mock = try await MockProcess.start(["--user", "ops@e2e:pw:all:status"])
        defer { mock.stop() }
        let term = try TerminalHarness(["--no-pane", "-q", "-P", String(mock.port), "-u", "ops@e2e", "-p", "pw"])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last?.hasPrefix("freeswitch@") == true }
        let prompt = try #require(try term.screen().last)
        try term.type("uuid_ki")
        try term.press("Tab")
        try await term.waitFor("the local completion and its usage hint") {
            $0.last == prompt + " uuid_kill" && $0.contains("usage: uuid_kill <uuid> [cause]")
        }
        // Slash commands always complete locally.
        try term.press("C-u")
        try term.type("/nix")
        try term.press("Tab")
        try await term.waitFor("the slash command completed") { $0.last == prompt + " /nixevent" }
    }
}
