import Foundation

/// A program run in a pseudo-terminal of its own, for tests that start and stop a console many
/// times (tmux costs a process per key press; this costs one spawn per run).
///
/// The child is a session leader whose controlling terminal is the pty's slave side, as under a
/// terminal emulator; the test holds the master side, reads what the child draws and types into
/// it. As with ``ChildProcess``: every descriptor above stderr is closed in the child, signals
/// start at their defaults, and every wait has a deadline past which the child is killed.
public final class TerminalProcess: @unchecked Sendable {
    public let pid: pid_t
    public let arguments: [String]
    private let master: Int32

    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var output = Data()
        var exitStatus: Int32?
        var exitedAt: ContinuousClock.Instant?
    }

    private let state = State()

    /// Starts `executable` with `arguments` and exactly `environment`, on a terminal of `columns`
    /// by `rows`.
    public init(_ executable: String, _ arguments: [String], environment: [String: String], columns: Int = 100, rows: Int = 30) throws {
        self.arguments = [executable] + arguments
        let master = GNU.posixOpenPT(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, GNU.grantPT(master) == 0, GNU.unlockPT(master) == 0, GNU.ptsName(master, &name, name.count) == 0 else {
            let error = errno
            if master >= 0 { close(master) }
            throw ChildProcessError.couldNotStart(["posix_openpt"], errno: error)
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid() without O_NOCTTY: the terminal becomes the child's controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        _ = GNU.addCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26): not in Swift's Glibc module under that name.
        let setsid: Int32 = 0x80
        ChildProcess.startSignalsAfresh(&attributes, defaults: [SIGTSTP, SIGTTOU, SIGTTIN], flags: setsid)

        let argv = self.arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw ChildProcessError.couldNotStart(self.arguments, errno: spawned)
        }
        self.pid = pid
        self.master = master
        let child = pid

        Thread { [state] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                // EIO: the child and everything else that held the slave side have gone.
                guard count > 0 else { break }
                state.condition.withLock {
                    state.output.append(contentsOf: buffer[0..<count])
                    state.condition.broadcast()
                }
            }
            // Closed here, not in deinit, so no read can ever reach a descriptor reused by then.
            close(master)
        }.start()
        Thread { [state] in
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            state.condition.withLock {
                state.exitStatus = code
                state.exitedAt = .now
                state.condition.broadcast()
            }
        }.start()
    }

    deinit {
        state.condition.withLock {
            if state.exitStatus == nil { kill(pid, SIGKILL) }
        }
    }

    /// Types `text` (a line end is `\r`, as a terminal sends Enter); only while the child runs.
    public func type(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until everything the child drew so far satisfies `condition`.
    public func waitForOutput(within seconds: Double = 30, _ satisfied: (String) -> Bool) throws {
        try wait(seconds, "the terminal to show what the test waits for") { [state] in
            satisfied(String(decoding: state.output, as: UTF8.self)) ? () : nil
        }
    }

    /// Waits for the child to exit; returns its status (128 + a signal) and when it exited.
    public func finish(within seconds: Double = 30) throws -> (status: Int32, at: ContinuousClock.Instant) {
        try wait(seconds, "exit") { [state] in
            guard let status = state.exitStatus, let at = state.exitedAt else { return nil }
            return (status, at)
        }
    }

    private func wait<T>(_ seconds: Double, _ what: String, _ check: () -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        let condition = state.condition
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = check() { return value }
            if !condition.wait(until: deadline) {
                if let value = check() { return value }
                kill(pid, SIGKILL)
                let output = String(decoding: state.output.suffix(2000), as: UTF8.self)
                throw ChildProcessError.timedOut(arguments, waited: "\(what) within \(seconds) s", stdout: output, stderr: "")
            }
        }
    }
}
