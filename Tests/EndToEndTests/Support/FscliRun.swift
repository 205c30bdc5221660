import Foundation

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
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Written on another thread: a large input must not block us while the child's output fills its pipe.
            let writer = stdin.fileHandleForWriting
            Thread {
                writer.write(Data(input.utf8))
                try? writer.close()
            }.start()
        }
        let errors = CollectedOutput()
        let errorsRead = DispatchSemaphore(value: 0)
        Thread {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            errorsRead.signal()
        }.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        errorsRead.wait()
        process.waitUntilExit()
        return FscliRun(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors.data, as: UTF8.self))
    }
}

/// Bytes read by another thread; handed over through a semaphore, which orders the accesses.
final class CollectedOutput: @unchecked Sendable {
    var data = Data()
}
