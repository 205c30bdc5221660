import Foundation
import Testing
import TestSupport

/// The pane as robust as a plain terminal (issue 9's defects), each in a real terminal (tmux).
@Suite(.serialized, .timeLimit(.minutes(2)), .enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
struct PaneRobustnessTests {
    static let prompt = ConsoleTerminalTests.prompt

    @Test func aLineWiderThanTheScreenScrollsSidewaysAndLeavesTheStatusLineAlone() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-P", String(mock.port)])
        defer { term.close() }
        try term.run(["resize-window", "-t", "t", "-x", "100", "-y", "30"])
        let address = "127.0.0.1:\(mock.port) e2e | connected"
        try await term.waitFor("the prompt at 100×30") { $0.count == 30 && $0[29] == Self.prompt && $0[28].hasPrefix(address) }
        let long = String(repeating: "x", count: 170)
        try term.type("echo " + long)
        try term.press("C-a")
        try term.type("Q")
        try await term.waitFor("the start of the line in view, the status line intact") { screen in
            screen.count == 30 && screen[29].hasPrefix(Self.prompt + " Qecho xxx") && screen[28].hasPrefix(address)
                && screen.allSatisfy { $0.count <= 100 } && screen[27] != Self.prompt
        }
        try term.press("C-e")
        try await term.waitFor("the end of the line in view") { screen in
            screen.count == 30 && screen[29].hasSuffix("xxxxxxxxxx") && !screen[29].hasPrefix(Self.prompt) && screen[28].hasPrefix(address)
        }
        try term.press("C-a")
        try term.press("C-k")
        try await term.waitFor("Ctrl-K on the long line") { $0.count == 30 && $0[29] == Self.prompt && $0[28].hasPrefix(address) }
        try term.type("echo " + long)
        try term.press("Enter")
        try await term.waitFor("the reply wrapped in the pane, the layout right at once") { screen in
            screen.count == 30 && screen[29] == Self.prompt && screen[28].hasPrefix(address) && screen[28].hasSuffix("0 dropped")
                && screen[26] + screen[27] == long
        }
        // Up brings the long line back, shown from its end, and Ctrl-U empties it.
        try term.press("Up")
        try await term.waitFor("the long line from history") { $0.count == 30 && $0[29].hasSuffix("xxxxxxxxxx") && $0[28].hasPrefix(address) }
        // (Down, not Ctrl-U: readline keeps edits made to a recalled line, and the search would
        // then look through the emptied entry.)
        try term.press("Down")
        try term.press("C-r")
        try term.type("echo xxxxx")
        try await term.waitFor("Ctrl-R finds the long line") { $0.count == 30 && $0[29].hasPrefix("(reverse-i-search)") && $0[28].hasPrefix(address) }
        try term.press("C-g")
        try await term.waitFor("the prompt back") { $0.count == 30 && $0[29] == Self.prompt }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test(arguments: [true, false])
    func controlCOnAHalfTypedLineStartsTheNextPromptAtColumnZero(pane: Bool) async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness((pane ? [] : ["--no-pane"]) + ["-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.last == Self.prompt }
        try term.type("status half typed")
        // Keys not yet read when Ctrl-C arrives are flushed by the terminal: wait for them.
        try await term.waitFor("the half-typed line") { $0.last == Self.prompt + " status half typed" }
        try term.press("Left")
        try term.press("Left")
        try term.press("C-c")
        try await term.waitFor("the hint and a fresh prompt") { screen in
            screen.last == Self.prompt && screen.contains(Self.prompt + " status half typed^C")
                && screen.contains("Type /exit or press Ctrl-D on an empty line to leave.")
        }
        try term.type("typed")
        try await term.waitFor("the new line right after the prompt") { $0.last == Self.prompt + " typed" }
        #expect(try term.cursor().column == (Self.prompt + " typed").count)
        try term.press("C-u")
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func oneQuietPromptAfterAFunctionKeyAndAReconnect() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-R", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        try term.press("F2")
        try await term.waitFor("F2's status reply and one prompt") { screen in
            screen.count == 40 && screen.contains(Self.prompt + " status") && screen.contains { $0.hasPrefix("Current Stack Size") }
                && screen[39] == Self.prompt
        }
        #expect(try term.cursor().column == Self.prompt.count + 1)
        try term.type("/reconnect")
        try term.press("Enter")
        try await term.waitFor("the reconnection and one prompt") { screen in
            screen.count == 40 && screen.contains { $0.hasPrefix("reconnected to ") } && screen[39] == Self.prompt
        }
        #expect(try term.cursor().column == Self.prompt.count + 1)

        // An automatic -R reconnect: one line when lost, the attempts counted in the status line,
        // one line when back, and one prompt.
        mock.stop()
        try await term.waitFor("the loss in one line, attempts in the status line") { screen in
            screen.count == 40 && screen.contains { $0.hasPrefix("connection lost: ") && $0.hasSuffix("reconnecting (-R)") }
                && screen[38].contains("| reconnecting (") && screen[38].contains("attempt")
        }
        let second = try await MockProcess.start(port: mock.port)
        defer { second.stop() }
        try await term.waitFor("back, in one line") { screen in
            screen.count == 40 && screen.contains { $0.hasPrefix("reconnected to ") && $0.contains(" after ") && $0.contains(" attempts); restored ") }
                && screen[38].contains("| connected |") && screen[39] == Self.prompt
        }
        let screen = try term.screen()
        #expect(!screen.contains { $0.contains("attempt") && !$0.hasPrefix("reconnected") && !$0.hasPrefix("127.0.0.1") }, "\(screen)")
        #expect(try term.cursor().column == Self.prompt.count + 1)
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func controlZGivesTheTerminalBackAndFgRedrawsEverything() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        // An interactive shell, for job control.
        let server = try TmuxServer(label: "ctrlz", width: 100, height: 20) { home in
            "env -i PATH=/usr/bin:/bin HOME='\(home)' INPUTRC=/dev/null TERM=xterm PS1='SHELL$ ' bash --norc --noprofile -i"
        }
        defer { server.close() }
        try await server.waitFor("the shell") { $0.last == "SHELL$" }
        try server.type("'\(CommandLineTests.binary.path)' -P \(mock.port)")
        try server.press("Enter")
        try await server.waitFor("the pane") { $0.count == 20 && $0[19] == Self.prompt && $0[18].contains("| connected |") }
        try server.type("half typed")
        // Typed keys not yet read when Ctrl-Z arrives are flushed by the terminal: wait for them.
        try await server.waitFor("the half-typed line") { $0.count == 20 && $0[19] == Self.prompt + " half typed" }
        try server.press("C-z")
        try await server.waitFor("the shell back, no status line left") { screen in
            screen.contains { $0.contains("Stopped") } && screen.last == "SHELL$" && !screen.contains { $0.contains("| connected |") }
        }
        // The whole screen scrolls again: the shell's output is seen.
        for index in 1...25 {
            try server.type("echo shell line \(index)")
            try server.press("Enter")
        }
        try await server.waitFor("the shell's output scrolling the whole screen") { screen in
            screen.suffix(3) == ["SHELL$ echo shell line 25", "shell line 25", "SHELL$"]
        }
        try server.type("fg")
        try server.press("Enter")
        try await server.waitFor("everything redrawn at once") { screen in
            screen.count == 20 && screen[19] == Self.prompt + " half typed" && screen[18].contains("| connected |")
                && screen.contains("+OK log level debug [7]") && !screen.contains("shell line 25")
        }
        try server.press("C-u")
        try server.type("echo after fg")
        try server.press("Enter")
        try await server.waitFor("the console working") { $0.count == 20 && $0[17] == "after fg" && $0[19] == Self.prompt }
        try server.press("C-d")
        try await server.waitFor("the shell after exit") { $0.last == "SHELL$" }
    }

    @Test func historyShowsWhatHistoryKeeps() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        for line in [" echo hidden", "echo shown", "echo shown"] {
            try term.type(line)
            try term.press("Enter")
        }
        try term.type("/history")
        try term.press("Enter")
        try await term.waitFor("the history") { screen in
            screen.contains("1  echo shown") && screen.contains("2  /history") && screen[39] == Self.prompt
        }
        let listed = try term.screen()
        #expect(!listed.contains { ($0.first?.isNumber == true && $0.hasSuffix("  echo hidden")) || $0.hasPrefix("3  ") }, "\(listed)")
        // Up-arrow agrees: /history, then echo shown, and nothing older.
        try term.press("Up")
        try term.press("Up")
        try term.press("Up")
        try await term.waitFor("the oldest entry") { $0[39] == Self.prompt + " echo shown" }
        try term.press("C-u")
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
        let file = try String(contentsOfFile: term.home + "/.local/state/fscli/history", encoding: .utf8)
        #expect(file == "echo shown\n/history\n")
    }

    @Test func configurationWarningsStayVisibleInThePane() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-P", String(mock.port)]) { home in
            try "[default]\nthis line is not a setting\n".write(toFile: home + "/.fs_cli_conf", atomically: true, encoding: .utf8)
        }
        defer { term.close() }
        try await term.waitFor("the warning in the pane") { screen in
            screen.count == 40 && screen[39] == Self.prompt && screen.contains { $0.hasPrefix("fscli: ") && $0.contains(".fs_cli_conf:2") }
        }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func aFailedBackgroundJobIsRedAsAFailedAPIIs() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "--color", "always", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        try term.type("bgapi no_such_thing")
        try term.press("Enter")
        try await term.waitFor("the job's result") { $0.contains { $0.hasPrefix("BACKGROUND_JOB ") } }
        let coloured = try term.screen(colors: true)
        let body = try #require(coloured.first { $0.contains("-ERR no_such_thing Command not found!") })
        // tmux writes the colour as it sees fit (e.g. a reset, red, default background, then the text).
        #expect(body.components(separatedBy: "-ERR").first?.contains("\u{1b}[31m") == true, "\(body.debugDescription)")
        let header = try #require(coloured.first { $0.contains("BACKGROUND_JOB ") })
        #expect(!header.contains("\u{1b}[31m"), "\(header.debugDescription)")
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func theRawViewShowsEachFrameWithItsEnvelope() async throws {
        let mock = try await MockProcess.start(["--heartbeat", "1"])
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "-P", String(mock.port)])
        defer { term.close() }
        try await term.waitFor("the prompt") { $0.count == 40 && $0[39] == Self.prompt }
        try term.type("/view raw")
        try term.press("Enter")
        try term.type("/event plain HEARTBEAT")
        try term.press("Enter")
        // A heartbeat takes most of the 38-row pane: the end of one and the start of the next.
        try await term.waitFor("heartbeats, each with its envelope, a blank line apart") { screen in
            guard let second = screen.lastIndex(where: { $0.hasPrefix("Content-Length: ") }), second >= 2, second + 3 < screen.count else { return false }
            return screen[second + 1] == "Content-Type: text/event-plain" && screen[second + 2] == ""
                && screen[second + 3] == "Event-Name: HEARTBEAT" && screen[second - 1] == ""
                && screen[second - 2].hasPrefix("Idle-CPU: ")
        }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }

    @Test func aDumbTerminalGetsOnePromptPerCommand() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let term = try TerminalHarness(["-P", String(mock.port)], extraEnvironment: ["TERM": "dumb"])
        defer { term.close() }
        try await term.waitFor("the first prompt, after the log reply") { $0 == ["+OK log level debug [7]", Self.prompt] }
        try term.type("echo one")
        try term.press("Enter")
        try await term.waitFor("the reply and one prompt") { $0.suffix(3) == [Self.prompt + " echo one", "one", Self.prompt] }
        try term.type("echo two")
        try term.press("Enter")
        try await term.waitFor("the second reply") {
            $0 == ["+OK log level debug [7]", Self.prompt + " echo one", "one", Self.prompt + " echo two", "two", Self.prompt]
        }
        try term.press("C-d")
        #expect(try await term.waitForExit("Ctrl-D") == 0)
    }
}
