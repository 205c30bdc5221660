import Foundation
import Testing

/// The split screen in a real terminal (tmux, 120×40): output scrolls in a pane above, the status
/// line and the input line stay on the last two rows.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
struct PaneTerminalTests {
    static let prompt = ConsoleTerminalTests.prompt

    @Test func statusAndInputStayPutWhileOutputScrollsPagesAndResizes() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-P", String(mock.port)])
        defer { term.close() }
        let address = "127.0.0.1:\(mock.port) e2e"

        // Row 39 is the status line (reverse video), row 40 the input line.
        try await term.waitFor("the status line and the prompt") { screen in
            screen.count == 40 && screen[39] == Self.prompt
                && screen[38].hasPrefix(address + " | connected | no events, log debug (7) | ")
        }
        let coloured = try term.screen(colors: true)
        #expect(coloured[38].contains("\u{1b}[7m" + address), "\(coloured[38])")

        // 7 × 166 = 1,162 lines (show api lists the 163 commands with a description), queued behind an msleep so they arrive while a line is half typed
        // (the typed lines are shown in the pane at once, their replies afterwards).
        try term.type("msleep 700")
        try term.press("Enter")
        for _ in 0..<7 {
            try term.type("show api")
            try term.press("Enter")
        }
        try term.type("echo all printed")
        try term.press("Enter")
        try term.type("half typed")
        try await term.waitFor("1,162 lines above the intact half-typed line", seconds: 90) { screen in
            screen.count == 40 && screen[39] == Self.prompt + " half typed" && screen[38].hasPrefix(address)
                && screen[37] == "all printed" && screen[36] == "163 total." && screen[35] == "" && screen[34].hasPrefix("xml_wrap,")
        }
        let bottom = try term.screen()

        // PageUp: older lines, and the status says so; PageDown returns.
        try term.press("PPage")
        try await term.waitFor("the view a page back") { screen in
            screen.count == 40 && screen[38].hasPrefix("-- scrolled back 37 lines, PageDown to return --  " + address)
                && screen[39] == Self.prompt + " half typed" && !screen.contains("163 total.")
                && screen[37] == bottom[0]
        }
        try term.press("PPage")
        try await term.waitFor("two pages back") { $0.count == 40 && $0[38].hasPrefix("-- scrolled back 74 lines") }
        try term.press("NPage")
        try term.press("NPage")
        try await term.waitFor("back at the bottom") { screen in
            screen == bottom
        }
        // All of it is kept: 30 pages back is 1,110 lines, the first show api's lines.
        try term.run(["send-keys", "-t", "t"] + Array(repeating: "PPage", count: 30))
        try await term.waitFor("1,110 lines back") { screen in
            screen.count == 40 && screen[38].hasPrefix("-- scrolled back 1110 lines")
                && screen[39] == Self.prompt + " half typed" && screen.contains { $0.hasSuffix(",mod_commands") }
        }
        // Paged back, the view holds still: new output is counted in the status line, not drawn.
        let paged = try term.screen()
        try term.run(["send-keys", "-t", "t", "C-a", "C-k"])
        try term.type("echo from the bottom")
        try term.press("Enter")
        try await term.waitFor("the new lines counted, the view where it was") { screen in
            screen.count == 40 && screen[38].hasPrefix("-- scrolled back 1112 lines, 2 new lines, PageDown to return --")
                && Array(screen[0..<38]) == Array(paged[0..<38])
        }
        // End follows the output again.
        try term.press("End")
        try await term.waitFor("new output at the bottom") { screen in
            screen.count == 40 && screen[37] == "from the bottom" && screen[38].hasPrefix(address)
        }
        try term.type("half typed")

        // A resize lays everything out again: status on the new second-to-last row.
        try term.run(["resize-window", "-t", "t", "-x", "100", "-y", "30"])
        try await term.waitFor("the layout at 100×30") { screen in
            screen.count == 30 && screen[29] == Self.prompt + " half typed" && screen[28].hasPrefix(address + " | connected")
                && screen[27] == "from the bottom" && screen.allSatisfy { $0.count <= 100 }
        }

        // Enter shows the typed line in the pane, as a terminal without the pane would.
        try term.press("C-u")
        try term.type("echo after resize")
        try term.press("Enter")
        try await term.waitFor("the reply in the pane") { screen in
            screen.count == 30 && screen[29] == Self.prompt
                && screen.suffix(4).prefix(2) == [Self.prompt + " echo after resize", "after resize"]
        }

        try term.type("/exit")
        try term.press("Enter")
        #expect(try await term.waitForExit("/exit") == 0)
        // The terminal is whole again: the shell's line comes after fscli's last lines, no status row left.
        let end = try term.screen()
        #expect(!end.contains { $0.contains(" | connected | ") }, "\(end)")
    }

    @Test func statusCountsEventsPerSecond() async throws {
        let mock = try await MockProcess.start(["--heartbeat", "1"])
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        try term.type("/event plain HEARTBEAT")
        try term.press("Enter")
        try await term.waitFor("events per second in the status line") { screen in
            screen.count == 40 && screen[38].contains("| connected | events plain HEARTBEAT, no log | 1 event/s | 0 dropped")
        }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func noPanePrintsInline() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["--no-pane", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last == Self.prompt }
        try term.type("echo inline")
        try term.press("Enter")
        try await term.waitFor("the reply inline, under the typed line") { screen in
            screen.suffix(3) == [Self.prompt + " echo inline", "inline", Self.prompt]
        }
        let screen = try term.screen()
        #expect(screen.count < 40, "no status line on row 39: \(screen)")
        #expect(!screen.contains { $0.contains(" | connected | ") })
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }
}

/// What operators expect of the pane beyond fs_cli: search, pause, the command in flight, reply
/// headings, help, suggestions.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
struct PaneOperatorTests {
    static let prompt = ConsoleTerminalTests.prompt

    @Test func findPagesToMatchesAndPauseLosesNothing() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "--color", "always", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        // Each reply is waited for before the next line is typed: typed ahead on a loaded machine, the
        // lines would come first and the late replies after them under headings, another layout.
        for index in 1...3 {
            try term.type("echo needle \(index)")
            try term.press("Enter")
            try await term.waitFor("needle \(index)") { $0.contains("needle \(index)") }
            try term.type("show api")
            try term.press("Enter")
            try await term.waitFor("the output") { screen in
                screen.count == 40 && screen[37] == "163 total." && screen[39] == Self.prompt && !screen.contains("needle \(index)")
            }
        }
        try term.type("/find needle")
        try term.press("Enter")
        try await term.waitFor("the newest match in view") { screen in
            screen.count == 40 && screen.contains("needle 3") && screen[38].hasPrefix("-- /find needle: line ")
        }
        let coloured = try term.screen(colors: true)
        #expect(coloured.contains { $0.contains("\u{1b}[7mneedle") }, "the match is highlighted")
        // Again: the typed `echo needle 3` (a match too), then the reply before it; each search
        // waits for the one before to move the view (typed ahead, the keys raced under load).
        for _ in 0..<2 {
            let before = try term.screen()[38]
            try term.type("/find needle")
            try term.press("Enter")
            try await term.waitFor("the next match") { screen in
                screen.count == 40 && screen[38].hasPrefix("-- /find needle: line ") && screen[38] != before
            }
        }
        try await term.waitFor("the match before it") { screen in
            screen.count == 40 && screen.contains("needle 2") && !screen.contains("needle 3")
        }
        try term.press("End")
        try await term.waitFor("back at the newest") { screen in
            screen.count == 40 && !screen[38].hasPrefix("--") && screen[34...37] == ["163 total.", Self.prompt + " /find needle", Self.prompt + " /find needle", Self.prompt + " /find needle"]
        }

        try term.type("/pause")
        try term.press("Enter")
        try await term.waitFor("paused") { $0.count == 40 && $0[38].hasPrefix("-- paused") }
        let held = try term.screen()
        try term.type("echo while paused")
        try term.press("Enter")
        try await term.waitFor("counted, not drawn") { screen in
            screen.count == 40 && screen[38].hasPrefix("-- paused, ") && screen[38].contains(" new lines, /resume to follow --")
                && Array(screen[0..<38]) == Array(held[0..<38])
        }
        try term.type("/resume")
        try term.press("Enter")
        try await term.waitFor("everything shown") { screen in
            screen.count == 40 && screen.contains("while paused") && screen.contains(Self.prompt + " /resume") && !screen[38].hasPrefix("--")
        }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func theCommandInFlightIsShownAndLateRepliesAreHeaded() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        try term.type("msleep 2500")
        try term.press("Enter")
        try await term.waitFor("the command and its time in the status line") { screen in
            screen.count == 40 && screen[38].contains("| connected | msleep 2500 · ") && screen[38].contains(" s | no events")
        }
        try term.type("echo next")
        try term.press("Enter")
        try await term.waitFor("the late reply headed by its command", seconds: 40) { screen in
            guard let heading = screen.firstIndex(of: "── msleep 2500") else { return false }
            return screen[heading + 1] == "+OK" && screen.contains("next") && !screen[38].contains("msleep")
        }
        try term.type("/help filter")
        try term.press("Enter")
        try await term.waitFor("one command's help") { $0.contains("usage: /filter <header> <value> | delete <header> [<value>] | delete all") }
        try term.type("statsu")
        try term.press("Enter")
        try await term.waitFor("the switch's nearest commands") { screen in
            guard let error = screen.firstIndex(of: "-ERR statsu Command not found!") else { return false }
            return screen[error + 1] == "did you mean: status?"
        }
        try term.type("/event plain CHANEL_CREATE")
        try term.press("Enter")
        try await term.waitFor("the event name checked") { $0.contains("/event: unknown event CHANEL_CREATE; did you mean CHANNEL_CREATE?") }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func userFiltersDoNotLeakBackgroundJobsAndAJobPrintsOnce() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        try term.type("/filter Event-Name HEARTBEAT")
        try term.press("Enter")
        try term.type("/event plain ALL")
        try term.press("Enter")
        try term.type("bgapi uptime")
        try term.press("Enter")
        try term.type("echo done")
        try term.press("Enter")
        try await term.waitFor("the job's block") { screen in
            screen.contains { $0.hasPrefix("BACKGROUND_JOB ") && $0.hasSuffix(" (uptime):") } && screen.contains("done")
        }
        // Another job, now unfiltered and subscribed: still printed once, as its block.
        try term.type("/filter delete all")
        try term.press("Enter")
        try term.type("bgapi echo again")
        try term.press("Enter")
        try await term.waitFor("the second job's block") { $0.contains { $0.hasPrefix("BACKGROUND_JOB ") && $0.hasSuffix(" (echo again):") } }
        let screen = try term.screen()
        let eventLine = try Regex("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} BACKGROUND_JOB")
        #expect(!screen.contains { $0.firstMatch(of: eventLine) != nil }, "\(screen)")
        #expect(screen.filter { $0 == "again" }.count == 1, "\(screen)")
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }
}

/// `--mock-traffic`: the built-in switch has calls to show.
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
struct MockTrafficTerminalTests {
    @Test func theBuiltInSwitchCarriesSimulatedCalls() async throws {
        let term = try TerminalHarness(["-q", "--mock-traffic", "20"])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39].hasPrefix("freeswitch@") && $0[39].hasSuffix(">") }
        try term.type("/event plain CHANNEL_CREATE CHANNEL_ANSWER")
        try term.press("Enter")
        try await term.waitFor("calls coming in and answered") { screen in
            screen.contains { $0.contains(" CHANNEL_CREATE ") } && screen.contains { $0.contains(" CHANNEL_ANSWER ") }
                && screen[38].contains("events plain CHANNEL_ANSWER CHANNEL_CREATE")
        }
        // At 20 calls a second the events would scroll the count off the screen before it is
        // read; stopping them first leaves it in place (calls keep running on the switch).
        try term.type("/noevents")
        try term.press("Enter")
        try term.type("show calls count")
        try term.press("Enter")
        try await term.waitFor("the calls counted") { screen in
            screen.contains { $0.hasSuffix(" total.") && $0 != "0 total." }
        }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }
}
