import Foundation
import TestSupport

/// `fscli` in a real pseudo-terminal: a private tmux server (own socket, no user config) runs it in a
/// 120×40 pane; the test types with send-keys and reads the screen with capture-pane. Every wait polls
/// the screen for a condition, bounded by a deadline; nothing waits a fixed time.
final class TerminalHarness {
    static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    let tmux: String
    let socket = "fscli-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let home: String

    /// Starts `fscli <arguments>` with HOME in a fresh directory and no history or config from the user.
    init(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws {
        guard let tmux = Self.tmux else { throw HarnessError.command(["tmux"], status: -1, output: "tmux is not installed") }
        self.tmux = tmux
        home = NSTemporaryDirectory() + "fscli-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let config = home + "/tmux.conf"
        try "set -g remain-on-exit on\nset -g status off\n".write(toFile: config, atomically: true, encoding: .utf8)
        let environment = extraEnvironment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        let quoted = ([CommandLineTests.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        // The shell reports fscli's exit status on the screen: tmux's own pane_dead flag proved
        // unreliable here (tmux 3.3a sometimes leaves a quickly exiting pane process unreaped).
        let command = "env -u XDG_STATE_HOME -u XDG_CONFIG_HOME -u NO_COLOR HOME='\(home)' INPUTRC=/dev/null TERM=xterm \(environment) \(quoted); echo \"\(Self.exitMarker)$?]\""
        _ = try run(["-f", config, "new-session", "-d", "-x", "120", "-y", "40", "-s", "t", command])
    }

    /// Runs a tmux command against this harness's private server.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        try SpawnedCommand.run(tmux, [tmux, "-L", socket] + arguments, scratchDirectory: home)
    }

    /// The visible lines, trailing blanks trimmed, trailing empty lines dropped.
    func screen(colors: Bool = false) throws -> [String] {
        var lines = try run(["capture-pane", "-p"] + (colors ? ["-e"] : []) + ["-t", "t"])
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                var text = String(line)
                while text.last == " " { text.removeLast() }
                return text
            }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

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

    /// Polls the screen (every 20 ms, at most `seconds`; a loaded 2-core machine can be slow) until
    /// `condition` holds.
    func waitFor(_ what: String, seconds: Double = 30, _ condition: ([String]) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError.timedOut(what, screen: last)
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

    func type(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    func press(_ key: String) throws { try run(["send-keys", "-t", "t", key]) }

    func close() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case timedOut(String, screen: [String])
    case command([String], status: Int32, output: String)

    var description: String {
        switch self {
        case .timedOut(let what, let screen): "timed out waiting for \(what); screen:\n" + screen.joined(separator: "\n")
        case .command(let arguments, let status, let output): "\(arguments) exited \(status): \(output)"
        }
    }
}
