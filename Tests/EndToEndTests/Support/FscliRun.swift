import Foundation
import TestSupport

/// Runs the real `fscli` binary with arguments, an exact environment and optional standard input,
/// and collects what it wrote and how it exited.
struct FscliRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// An environment with nothing from the user's: a private HOME (no config, no history).
    static func cleanEnvironment(home: String = NSTemporaryDirectory() + "fscli-e2e-empty-home") -> [String: String] {
        ["HOME": home, "PATH": "/usr/bin:/bin", "TERM": "dumb"]
    }

    /// Runs fscli to completion without blocking the cooperative pool.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = cleanEnvironment()) async throws -> FscliRun {
        try await offPool { try runBlocking(arguments, input: input, environment: environment) }
    }

    static func runBlocking(_ arguments: [String], input: String?, environment: [String: String]) throws -> FscliRun {
        let output = try ChildProcess.run(
            CommandLineTests.binary.path, arguments, environment: environment, input: input.map { .text($0) } ?? .none)
        return FscliRun(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }
}
