#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// `system` and `bg_system`, which run a shell command on the switch's host. The mock runs them
/// only when started with `--allow-system-commands`: a simulated switch that executes what any
/// ESL client sends would be a remote shell.
extension APICommands {
    static let hostCommands: [String: APIImplementation] = [
        // Their output is the reply.
        "system": host("system", .systemCommand, mode: .output),
        "spawn_stream": host("spawn_stream", .systemCommand, mode: .output),
        // Run to the end, or started and left, with `+OK` for a reply.
        "spawn": host("spawn", .bgSystemCommand, mode: .wait),
        "bg_system": host("bg_system", .bgSystemCommand, mode: .background),
        "bg_spawn": host("bg_spawn", .bgSystemCommand, mode: .background),
    ]

    private enum HostMode { case output, wait, background }

    private static func host(_ name: String, _ source: SourceLocation, mode: HostMode) -> APIImplementation {
        { argument, core in
            guard !argument.isEmpty else { return APIOutput("-USAGE: <command>\n") }
            guard core.hostCommands else { return disabled(name) }
            let printed = runShell(argument, wait: mode != .background)
            var output = APIOutput(mode == .output ? printed ?? "" : "+OK\n")
            output.logLines = [core.log(level: 5, "Executing command: \(argument)", source: source)]
            return output
        }
    }

    private static func disabled(_ name: String) -> APIOutput {
        APIOutput("-ERR \(name) is disabled: the mock switch runs no host commands unless started with --allow-system-commands\n")
    }

    /// `/bin/sh -c command` with standard input from /dev/null; with `wait`, its standard output
    /// (nil if it could not start), else started and left (reaped by a waiting thread, so no zombie
    /// stays behind). posix_spawn rather than Foundation's `Process`, which would link ICU in.
    private static func runShell(_ command: String, wait: Bool) -> String? {
        var output: [Int32] = [-1, -1]
        if wait, pipe(&output) != 0 { return nil }
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if wait {
            posix_spawn_file_actions_adddup2(&actions, output[1], 1)
            posix_spawn_file_actions_addclose(&actions, output[0])
            posix_spawn_file_actions_addclose(&actions, output[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        if wait { close(output[1]) }
        guard spawned == 0 else {
            if wait { close(output[0]) }
            return nil
        }
        guard wait else {
            let child = pid
            DispatchQueue.global().async { reap(child) }
            return ""
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(output[0], &chunk, chunk.count)
            if count > 0 { bytes += chunk[..<count] } else if count == 0 || errno != EINTR { break }
        }
        close(output[0])
        reap(pid)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
    }
}

extension SourceLocation {
    static let systemCommand = SourceLocation(file: "mod_commands.c", function: "system_function", line: 6832)
    static let bgSystemCommand = SourceLocation(file: "mod_commands.c", function: "bg_system_function", line: 6801)
}
