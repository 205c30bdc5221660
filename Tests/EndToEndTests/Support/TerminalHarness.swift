import Foundation
import TestSupport

/// `fscli` in a real pseudo-terminal: a private tmux server (own socket, no user config) runs it in a
/// 120×40 pane; the test types with send-keys and reads the screen with capture-pane. Every wait polls
/// the screen for a condition, bounded by a deadline; nothing waits a fixed time.
final class TerminalHarness {
    static var tmux: String? { TmuxServer.executable }

    private let server: TmuxServer
    /// HOME for fscli: a fresh directory, no history or config from the user.
    var home: String { server.home }

    /// Starts `fscli <arguments>` in a 120×40 pane; `prepare` may write files into the new HOME first.
    init(_ arguments: [String], extraEnvironment: [String: String] = [:], prepare: (String) throws -> Void = { _ in }) throws {
        let environment = extraEnvironment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let quoted = ([CommandLineTests.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // The shell reports fscli's exit status on the screen: tmux's own pane_dead flag proved
        // unreliable here (tmux 3.3a sometimes leaves a quickly exiting pane process unreaped).
        server = try TmuxServer(label: "e2e", width: 120, height: 40) { home in
            try prepare(home)
            return "env -u XDG_STATE_HOME -u XDG_CONFIG_HOME -u NO_COLOR HOME='\(home)' INPUTRC=/dev/null TERM=xterm \(environment) \(quoted); echo \"\(Self.exitMarker)$?]\""
        }
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String { try server.run(arguments) }
    func screen(colors: Bool = false) throws -> [String] { try server.screen(colors: colors) }
    func waitFor(_ what: String, seconds: Double = 90, _ condition: ([String]) -> Bool) async throws {
        try await server.waitFor(what, seconds: seconds, condition)
    }
    func type(_ text: String) throws { try server.type(text) }
    func press(_ key: String) throws { try server.press(key) }
    /// The cursor's position, 0-based, as tmux sees it.
    func cursor() throws -> (column: Int, row: Int) {
        let text = try run(["display-message", "-p", "-t", "t", "#{cursor_x} #{cursor_y}"])
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
        return (numbers.first ?? -1, numbers.dropFirst().first ?? -1)
    }
    func close() { server.close() }

    /// The start of the line the pane's shell prints when fscli exits: `[fscli exited with status 0]`.
    static let exitMarker = "[fscli exited with status "

    /// fscli's exit status, once the shell has printed it.
    func exitStatus() -> Int32? {
        guard let line = (try? screen())?.last(where: { $0.hasPrefix(Self.exitMarker) }) else { return nil }
        return Int32(line.dropFirst(Self.exitMarker.count).dropLast())
    }

    /// The fscli process: the child of the pane's shell.
    func fscliPID() throws -> Int32? {
        let shell = try run(["display-message", "-p", "-t", "t", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Waits for fscli to exit and returns its status.
    func waitForExit(_ what: String) async throws -> Int32 {
        var status: Int32?
        try await waitFor(what) { _ in
            status = exitStatus()
            return status != nil
        }
        return status!
    }
}

