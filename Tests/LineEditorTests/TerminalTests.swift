import Foundation
import TestSupport
import Testing

/// Runs `lineeditor-demo` (ReadlineEditor + OutputQueue) in a real pseudo-terminal owned by a private
/// tmux server, types into it with send-keys and reads the screen with capture-pane. No sleeps as
/// synchronisation: every step polls the screen until a condition holds, bounded by a deadline.
@Suite(.serialized) struct TerminalTests {
    static let tmux = TmuxServer.executable
    static let demo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("lineeditor-demo").path

    @Test(.enabled(if: tmux != nil, "tmux is not installed: the real-terminal test needs it"))
    func typedLineSurvivesBackgroundOutput() async throws {
        let session = try TmuxSession(demo: Self.demo)
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

/// The demo in a 100×30 pane of a private tmux server, with a FIFO that feeds its background thread.
final class TmuxSession {
    private let server: TmuxServer
    var home: String { server.home }
    let fifo: String
    private var fifoFD: Int32 = -1

    init(demo: String) throws {
        var fifo = ""
        server = try TmuxServer(label: "le", width: 100, height: 30) { home in
            fifo = home + "/background"
            guard mkfifo(fifo, 0o600) == 0 else { throw TmuxError.command(["mkfifo", fifo], status: errno, output: "") }
            return "env -u XDG_STATE_HOME HOME='\(home)' INPUTRC=/dev/null '\(demo)' '\(fifo)'"
        }
        self.fifo = fifo
    }

    func screen() throws -> [String] { try server.screen() }
    func waitFor(_ what: String, _ condition: ([String]) -> Bool) async throws { try await server.waitFor(what, condition) }
    func keys(literal text: String) throws { try server.type(text) }
    func keys(_ key: String) throws { try server.press(key) }
    func paneDead() -> Bool { server.paneDead() }

    /// Writes to the demo's background thread through the FIFO (opened once the demo has it open).
    func feedBackground(_ text: String) throws {
        if fifoFD < 0 {
            let deadline = Date().addingTimeInterval(10)
            while fifoFD < 0 && Date() < deadline {
                fifoFD = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if fifoFD < 0 { usleep(20_000) }
            }
            guard fifoFD >= 0 else { throw TmuxError.command(["open", fifo], status: errno, output: "no reader") }
        }
        let written = text.withCString { write(fifoFD, $0, strlen($0)) }
        guard written == text.utf8.count else { throw TmuxError.command(["write", fifo], status: errno, output: "") }
    }

    func close() {
        if fifoFD >= 0 { Foundation.close(fifoFD) }
        server.close()
    }
}
