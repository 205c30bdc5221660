import Foundation

/// A program run by a test, as a shell would start it, with every wait bounded.
///
/// - The child gets an empty signal mask and default dispositions (the test runner blocks SIGCHLD
///   and SIGINT, and a child would inherit that), stdin from /dev/null or a given text, stdout and
///   stderr into pipes that are read as they fill.
/// - Every descriptor above stderr is closed in the child. Anything the child keeps lives as long
///   as it does: a tmux server forked from a `tmux new-session` client held other tests' sockets
///   and pipes (a port stayed bound, a pipe never reached its end) and the test runner's own output
///   pipe, so a CI harness waiting for that pipe waited until it timed out.
/// - Waiting for output or for the exit has a deadline. Past it the child is killed and the wait
///   throws ``ChildProcessError/timedOut(_:waited:stdout:stderr:)`` with what it printed, so a
///   program that hangs fails its test instead of the whole run.
///
/// posix_spawn and waitpid rather than Foundation's `Process`, whose waits have no deadline.
public final class ChildProcess: @unchecked Sendable {
    /// What the child reads on stdin.
    public enum Input: Sendable {
        /// /dev/null.
        case none
        /// This text, written from another thread, then end of file.
        case text(String)
        /// This text, and no end of file: stdin stays open until the child exits (a console
        /// that must keep running after its first commands) or ``closeInput()``; ``write(_:)``
        /// sends more.
        case textThenHold(String)

        var text: String? {
            switch self {
            case .none: nil
            case .text(let text), .textThenHold(let text): text
            }
        }
    }

    /// What a finished child printed and how it ended.
    public struct Output: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The child's process ID.
    public let pid: pid_t
    /// argv, for messages.
    public let arguments: [String]

    /// What the child has done so far, shared with the threads that read its pipes and wait for
    /// it; they hold this, not the ChildProcess, so dropping the ChildProcess kills the child.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        var stdoutData = Data()
        var stderrData = Data()
        var stdoutOpen = true
        var stderrOpen = true
        var exitStatus: Int32?
    }

    private let state = State()

    /// The write end of a held stdin (`textThenHold`), shared with the thread that waits for the
    /// child, which closes it when the child exits.
    private final class HeldInput: @unchecked Sendable {
        private let lock = NSLock()
        private var fd: Int32?

        init(_ fd: Int32) {
            self.fd = fd
        }

        /// Writes all of `bytes`; false when stdin is closed already.
        func write(_ bytes: [UInt8]) -> Bool {
            lock.withLock {
                guard let fd else { return false }
                ChildProcess.writeAll(bytes, to: fd)
                return true
            }
        }

        func close() {
            lock.withLock {
                if let fd { Foundation.close(fd) }
                fd = nil
            }
        }
    }

    private let heldInput: HeldInput?

    /// Starts `executable` with `arguments` (without argv[0]); with `environment`, exactly that
    /// environment, else this process's.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                directory: String? = nil, input: Input = .none) throws {
        self.arguments = [executable] + arguments
        let stdoutPipe = try Self.pipe()
        let stderrPipe = try Self.pipe()
        let stdinPipe: (read: Int32, write: Int32)? = input.text != nil ? try Self.pipe() : nil

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinPipe {
            posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
        _ = GNU.addCloseFrom(&actions, 3)
        if let directory { _ = GNU.addChdir(&actions, directory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        Self.startSignalsAfresh(&attributes)

        let argv = self.arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = envp.map { posix_spawn(&pid, executable, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(stdoutPipe.write)
        close(stderrPipe.write)
        if let stdinPipe { close(stdinPipe.read) }
        guard spawned == 0 else {
            close(stdoutPipe.read)
            close(stderrPipe.read)
            if let stdinPipe { close(stdinPipe.write) }
            throw ChildProcessError.couldNotStart(self.arguments, errno: spawned)
        }
        self.pid = pid

        let heldInput: HeldInput? = if let stdinPipe, case .textThenHold = input { HeldInput(stdinPipe.write) } else { nil }
        self.heldInput = heldInput
        if let stdinPipe, let text = input.text {
            // On a thread of its own: a large input must not wait for the child to drain its output.
            Thread {
                if let heldInput {
                    _ = heldInput.write(Array(text.utf8))
                } else {
                    Self.writeAll(Array(text.utf8), to: stdinPipe.write)
                    close(stdinPipe.write)
                }
            }.start()
        }
        startReading(stdoutPipe.read, isStderr: false)
        startReading(stderrPipe.read, isStderr: true)
        Thread { [state, pid] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            heldInput?.close()
            let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            state.condition.withLock {
                state.exitStatus = code
                state.condition.broadcast()
            }
        }.start()
    }

    deinit {
        send(SIGKILL)
    }

    /// Sends `signal` to the child, unless it has already exited.
    public func send(_ signal: Int32) {
        state.condition.withLock {
            if state.exitStatus == nil { kill(pid, signal) }
        }
    }

    /// Writes more to a held stdin (`textThenHold`); throws when it is not held or already closed.
    public func write(_ text: String) throws {
        guard let heldInput, heldInput.write(Array(text.utf8)) else { throw ChildProcessError.inputClosed(arguments) }
    }

    /// Ends a held stdin: the child reads end of file.
    public func closeInput() {
        heldInput?.close()
    }

    /// Whether the child has exited (and been reaped).
    public var hasExited: Bool { state.condition.withLock { state.exitStatus != nil } }

    /// Waits until what the child wrote to stderr so far satisfies `condition`, and returns it.
    /// Throws if the child closes stderr first, or after `seconds`.
    public func waitForStderr(within seconds: Double = 60, _ satisfied: (String) -> Bool) throws -> String {
        try wait(seconds, "stderr to show what the test waits for") { [state, arguments] in
            let text = String(decoding: state.stderrData, as: UTF8.self)
            if satisfied(text) { return text }
            if !state.stderrOpen { throw ChildProcessError.ended(arguments, stderr: text) }
            return nil
        }
    }

    /// Waits until what the child wrote to stdout so far satisfies `condition`, and returns it.
    /// Throws if the child closes stdout first, or after `seconds`.
    public func waitForStdout(within seconds: Double = 60, _ satisfied: (String) -> Bool) throws -> String {
        try wait(seconds, "stdout to show what the test waits for") { [state, arguments] in
            let text = String(decoding: state.stdoutData, as: UTF8.self)
            if satisfied(text) { return text }
            if !state.stdoutOpen {
                throw ChildProcessError.ended(arguments, stderr: String(decoding: state.stderrData, as: UTF8.self))
            }
            return nil
        }
    }

    /// Waits for the child to exit and close its output, and returns what it printed.
    public func finish(within seconds: Double = 60) throws -> Output {
        try wait(seconds, "exit") { [state] in
            guard let exitStatus = state.exitStatus, !state.stdoutOpen, !state.stderrOpen else { return nil }
            return Output(status: exitStatus, stdout: String(decoding: state.stdoutData, as: UTF8.self),
                          stderr: String(decoding: state.stderrData, as: UTF8.self))
        }
    }

    /// Runs a program to completion and returns what it printed.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, input: Input = .none, within seconds: Double = 60) throws -> Output {
        try ChildProcess(executable, arguments, environment: environment, directory: directory, input: input)
            .finish(within: seconds)
    }

    // MARK: - Internals

    /// Evaluates `check` under the lock each time something changes, until it returns a value or
    /// the deadline passes; then the child is killed.
    private func wait<T>(_ seconds: Double, _ what: String, _ check: () throws -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(seconds)
        let condition = state.condition
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = try check() { return value }
            if !condition.wait(until: deadline) {
                if let value = try check() { return value }
                kill(pid, SIGKILL)
                throw ChildProcessError.timedOut(
                    arguments, waited: "\(what) within \(seconds) s",
                    stdout: String(decoding: state.stdoutData, as: UTF8.self), stderr: String(decoding: state.stderrData, as: UTF8.self))
            }
        }
    }

    /// Reads one of the child's output pipes on a thread of its own until end of file.
    private func startReading(_ fd: Int32, isStderr: Bool) {
        Thread { [state] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                state.condition.withLock {
                    if count > 0 {
                        if isStderr { state.stderrData.append(contentsOf: buffer[0..<count]) } else { state.stdoutData.append(contentsOf: buffer[0..<count]) }
                    } else if isStderr {
                        state.stderrOpen = false
                    } else {
                        state.stdoutOpen = false
                    }
                    state.condition.broadcast()
                }
                if count <= 0 { break }
            }
            close(fd)
        }.start()
    }

    /// An empty signal mask and default dispositions for the child (the test runner blocks SIGCHLD
    /// and SIGINT, and a child would inherit that); `flags` are added to the spawn's own.
    static func startSignalsAfresh(_ attributes: inout posix_spawnattr_t, defaults extra: [Int32] = [], flags: Int32 = 0) {
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGCHLD, SIGPIPE, SIGHUP, SIGQUIT] + extra { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | flags))
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard GNU.pipe2(&fds, O_CLOEXEC) == 0 else { throw ChildProcessError.couldNotStart(["pipe2"], errno: errno) }
        return (fds[0], fds[1])
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// glibc's extensions, which Swift's Glibc module does not declare (they need _GNU_SOURCE): looked
/// up by name. glibc has had them all since 2.34.
enum GNU {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    static let addCloseFrom = function("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)
    static let addChdir = function("posix_spawn_file_actions_addchdir_np", as: AddChdir.self)
    static let pipe2 = function("pipe2", as: Pipe2.self)

    // The pseudo-terminal calls (XSI, hidden without _XOPEN_SOURCE), for ``TerminalProcess``.
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias PTOperation = @convention(c) (Int32) -> Int32
    typealias PTSName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    static let posixOpenPT = function("posix_openpt", as: OpenPT.self)
    static let grantPT = function("grantpt", as: PTOperation.self)
    static let unlockPT = function("unlockpt", as: PTOperation.self)
    static let ptsName = function("ptsname_r", as: PTSName.self)

    private static func function<F>(_ name: String, as type: F.Type) -> F {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            fatalError("glibc has no \(name): the tests need glibc 2.34 or later")
        }
        return unsafeBitCast(symbol, to: type)
    }
}

/// Why a ``ChildProcess`` wait failed.
public enum ChildProcessError: Error, CustomStringConvertible {
    case couldNotStart([String], errno: Int32)
    case timedOut([String], waited: String, stdout: String, stderr: String)
    case ended([String], stderr: String)
    case inputClosed([String])

    public var description: String {
        switch self {
        case .couldNotStart(let arguments, let code):
            "\(arguments) could not start: \(String(cString: strerror(code)))"
        case .timedOut(let arguments, let what, let stdout, let stderr):
            "\(arguments) was killed: no \(what)\nstdout: \(stdout)\nstderr: \(stderr)"
        case .ended(let arguments, let stderr):
            "\(arguments) ended before stderr showed what was awaited: \(stderr)"
        case .inputClosed(let arguments):
            "\(arguments): its stdin is not held open (or was closed), so nothing more can be written"
        }
    }
}
