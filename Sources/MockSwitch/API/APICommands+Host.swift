import Foundation

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

    /// `/bin/sh -c command`; with `wait`, its standard output (nil if it could not start).
    private static func runShell(_ command: String, wait: Bool) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = wait ? pipe : FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        guard wait else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

extension SourceLocation {
    static let systemCommand = SourceLocation(file: "mod_commands.c", function: "system_function", line: 6832)
    static let bgSystemCommand = SourceLocation(file: "mod_commands.c", function: "bg_system_function", line: 6801)
}
