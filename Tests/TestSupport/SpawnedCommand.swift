import Foundation

/// Runs a program to completion as a shell would start it, for tests: an empty signal mask and
/// default dispositions, stdin from /dev/null, stdout and stderr into a scratch file.
///
/// posix_spawn + waitpid rather than Foundation's Process: the test runner blocks SIGCHLD and
/// SIGINT for its children. Output goes to a file, not a pipe, because `tmux new-session` forks the
/// tmux server, which would keep a pipe open.
public enum SpawnedCommand {
    /// A run that could not start or exited with a non-zero status.
    public struct Failure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var status: Int32
        public var output: String

        public var description: String { "\(arguments) exited \(status): \(output)" }
    }

    /// Runs `executable` with `arguments` (argv[0] included) and returns its output; throws
    /// ``Failure`` unless it exits 0. The scratch file lives in `directory`.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], scratchDirectory directory: String) throws -> String {
        let outputPath = directory + "/spawn-output-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGCHLD, SIGPIPE, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(arguments: arguments, status: spawned, output: "posix_spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard exitCode == 0 else { throw Failure(arguments: arguments, status: exitCode, output: text) }
        return text
    }
}
