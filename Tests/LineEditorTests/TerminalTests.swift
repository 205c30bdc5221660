import Foundation
import TestSupport
import Testing

/// Runs `lineeditor-demo` (ReadlineEditor + OutputQueue) in a real pseudo-terminal owned by a private
/// tmux server, types into it with send-keys and reads the screen with capture-pane. No sleeps as
/// synchronisation: every step polls the screen until a condition holds, bounded by a deadline.
@Suite(.serialized) struct TerminalTests {
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let demo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("lineeditor-demo").path

    @Test(.enabled(if: tmux != nil, "tmux is not installed: the real-terminal test needs it"))
    func typedLineSurvivesBackgroundOutput() async throws {
        let session = try TmuxSession(tmux: Self.tmux!, demo: Self.demo)
        defer { session.close() }

        try await session.waitFor("the prompt") { $0.last == "demo>" }
        try session.keys(literal: "hello wor")
        try await session.waitFor("the partial line") { $0.last == "demo> hello wor" }

        // Another thread prints through the queue while the line is half typed.
        try session.feedBackground("one\ntwo\nthree\n")
        try await session.waitFor("background lines above the intact partial line") {
            $0 == ["bg: one", "bg: two", "bg: three", "demo> hello wor"]
        }

        try session.keys(literal: "ld")
        try session.keys("Enter")
        try await session.waitFor("the finished line") {
            $0 == ["bg: one", "bg: two", "bg: three", "demo> hello world", "got: hello world", "demo>"]
        }

        // Ctrl-C abandons the partial line; the session goes on.
        try session.keys(literal: "junk")
        try await session.waitFor("junk typed") { $0.last == "demo> junk" }
        try session.keys("C-c")
        try await session.waitFor("the interrupted line") { $0.suffix(3) == ["demo> junk^C", "interrupted", "demo>"] }
        try session.keys(literal: "ok")
        try session.keys("Enter")
        try await session.waitFor("a line after Ctrl-C") { $0.suffix(2) == ["got: ok", "demo>"] }

        // F5 (xterm sequence from tmux) reaches the Swift callback; the demo clears the line.
        try session.keys(literal: "abc")
        try await session.waitFor("abc typed") { $0.last == "demo> abc" }
        try session.keys("F5")
        try await session.waitFor("the F5 macro event") { $0.suffix(2) == ["fkey: F5", "demo>"] }

        // Ctrl-R finds the earlier command in history.
        try session.keys("C-r")
        try session.keys(literal: "hello w")
        try await session.waitFor("the reverse search") { $0.last?.contains("hello world") == true }
        try session.keys("Enter")
        try await session.waitFor("the recalled line") { $0.suffix(2) == ["got: hello world", "demo>"] }

        // Tab asks the Swift completer: one match is inserted, several are listed.
        try session.keys(literal: "sof")
        try session.keys("Tab")
        try await session.waitFor("the completed word") { $0.last == "demo> sofia" }
        try session.keys("C-u")
        try session.keys(literal: "s")
        try session.keys("Tab")
        try await session.waitFor("the candidate list above the line") { $0.suffix(2) == ["sofia     show      shutdown  status", "demo> s"] }
        try session.keys("C-u")

        // Ctrl-D on an empty line ends the program.
        try await session.waitFor("an empty line") { $0.last == "demo>" }
        try session.keys("C-d")
        try await session.waitFor("the demo to exit") { _ in session.paneDead() }
        let final = try session.screen()
        #expect(final.contains("bye"), "\(final)")

        // History: written as commands ran, 0600, without the abandoned line.
        let history = session.home + "/.local/state/fscli/history"
        let entries = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(entries == ["hello world", "ok", "hello world"])
        var status = stat()
        #expect(stat(history, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }
}

enum TerminalTestError: Error, CustomStringConvertible {
    case timedOut(String, screen: [String])
    case command([String], status: Int32, output: String)

    var description: String {
        switch self {
        case .timedOut(let what, let screen): "timed out waiting for \(what); screen:\n" + screen.joined(separator: "\n")
        case .command(let arguments, let status, let output): "\(arguments) exited \(status): \(output)"
        }
    }
}

/// A private tmux server (own socket, no user config) running the demo in a 100×30 pane.
final class TmuxSession {
    let tmux: String
    let socket = "fscli-le-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let home: String
    let fifo: String
    private var fifoFD: Int32 = -1

    init(tmux: String, demo: String) throws {
        self.tmux = tmux
        home = NSTemporaryDirectory() + "fscli-term-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        fifo = home + "/background"
        guard mkfifo(fifo, 0o600) == 0 else { throw TerminalTestError.command(["mkfifo"], status: errno, output: fifo) }
        let config = home + "/tmux.conf"
        try "set -g remain-on-exit on\nset -g status off\n".write(toFile: config, atomically: true, encoding: .utf8)
        let command = "env -u XDG_STATE_HOME HOME='\(home)' INPUTRC=/dev/null '\(demo)' '\(fifo)'"
        _ = try run(["-f", config, "new-session", "-d", "-x", "100", "-y", "30", "-s", "t", command])
    }

    /// Runs a tmux command against this test's private server.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        try SpawnedCommand.run(tmux, [tmux, "-L", socket] + arguments, scratchDirectory: home)
    }

    /// The visible lines, trailing blanks trimmed, trailing empty lines dropped.
    func screen() throws -> [String] {
        var lines = try run(["capture-pane", "-p", "-t", "t"]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var text = String(line)
                while text.last == " " { text.removeLast() }
                return text
            }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    func paneDead() -> Bool {
        (try? run(["display-message", "-p", "-t", "t", "#{pane_dead}"]))?.hasPrefix("1") == true
    }

    /// Polls the screen (every 20 ms, at most 30 s: a loaded 2-core machine can be slow) until
    /// `condition` holds.
    func waitFor(_ what: String, _ condition: ([String]) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(30)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return }
            // Sleeping here (not usleep) leaves the thread to other tests while the screen settles.
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TerminalTestError.timedOut(what, screen: last)
    }

    func keys(literal text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    func keys(_ key: String) throws { try run(["send-keys", "-t", "t", key]) }

    /// Writes to the demo's background thread through the FIFO (opened once the demo has it open).
    func feedBackground(_ text: String) throws {
        if fifoFD < 0 {
            let deadline = Date().addingTimeInterval(10)
            while fifoFD < 0 && Date() < deadline {
                fifoFD = open(fifo, O_WRONLY | O_NONBLOCK)
                if fifoFD < 0 { usleep(20_000) }
            }
            guard fifoFD >= 0 else { throw TerminalTestError.command(["open", fifo], status: errno, output: "no reader") }
        }
        let written = text.withCString { write(fifoFD, $0, strlen($0)) }
        guard written == text.utf8.count else { throw TerminalTestError.command(["write", fifo], status: errno, output: "") }
    }

    func close() {
        if fifoFD >= 0 { Foundation.close(fifoFD) }
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }
}
