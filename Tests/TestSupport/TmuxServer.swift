import Foundation

/// A real pseudo-terminal for tests: a private tmux server (own socket, no user config) running one
/// command in a pane of a given size. Tests type with send-keys and read the screen with
/// capture-pane; every wait polls the screen for a condition, bounded by a deadline, and nothing
/// waits a fixed time.
public final class TmuxServer: @unchecked Sendable {
    /// The tmux executable, if installed.
    public static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A fresh scratch directory for this server, removed by ``close()``; tests use it as HOME.
    public let home: String
    private let tmux: String
    private let socket: String
    private let closed = NSLock()
    private var isClosed = false

    /// Starts a server whose one pane (`width`×`height`, kept after its command exits) runs the
    /// shell command `command(home)`; that closure may also prepare files in `home`.
    public init(label: String, width: Int, height: Int, command: (String) throws -> String) throws {
        guard let tmux = Self.executable else { throw TmuxError.notInstalled }
        self.tmux = tmux
        socket = "fscli-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        home = NSTemporaryDirectory() + "fscli-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let config = home + "/tmux.conf"
        try "set -g remain-on-exit on\nset -g status off\n".write(toFile: config, atomically: true, encoding: .utf8)
        try run(["-f", config, "new-session", "-d", "-x", String(width), "-y", String(height), "-s", "t", command(home)])
    }

    deinit { close() }

    /// Runs a tmux command against this server and returns what it printed.
    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let output = try ChildProcess.run(tmux, ["-L", socket] + arguments, within: 30)
        guard output.status == 0 else {
            throw TmuxError.command(arguments, status: output.status, output: output.stdout + output.stderr)
        }
        return output.stdout
    }

    /// The visible lines (with colour escapes if `colors`), trailing blanks trimmed, trailing empty
    /// lines dropped.
    public func screen(colors: Bool = false) throws -> [String] {
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

    /// Polls the screen every 20 ms, for at most `seconds` (a loaded 2-core machine can be slow),
    /// until `condition` holds.
    public func waitFor(_ what: String, seconds: Double = 90, _ condition: ([String]) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) { return }
            // Task.sleep, not usleep: the thread goes to other tests while the screen settles.
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TmuxError.timedOut(what, screen: last)
    }

    /// Types `text` literally.
    public func type(_ text: String) throws { try run(["send-keys", "-t", "t", "-l", text]) }
    /// Presses a key by tmux's name for it (`Enter`, `C-c`, `F5`, `PPage`…).
    public func press(_ key: String) throws { try run(["send-keys", "-t", "t", key]) }

    /// Whether the pane's command has exited (tmux's own flag; see the E2E harness for why it
    /// reads the exit status from the screen instead).
    public func paneDead() -> Bool {
        (try? run(["display-message", "-p", "-t", "t", "#{pane_dead}"]))?.hasPrefix("1") == true
    }

    /// Kills the server and removes the scratch directory; later calls do nothing.
    public func close() {
        let first = closed.withLock {
            defer { isClosed = true }
            return !isClosed
        }
        guard first else { return }
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: home)
    }
}

/// Why a terminal test step failed.
public enum TmuxError: Error, CustomStringConvertible {
    case notInstalled
    case timedOut(String, screen: [String])
    case command([String], status: Int32, output: String)

    public var description: String {
        switch self {
        case .notInstalled: "tmux is not installed"
        case .timedOut(let what, let screen): "timed out waiting for \(what); screen:\n" + screen.joined(separator: "\n")
        case .command(let arguments, let status, let output): "tmux \(arguments) exited \(status): \(output)"
        }
    }
}
