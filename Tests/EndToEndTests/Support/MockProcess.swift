import Foundation

/// `fscli mock` in a process of its own, as the switch for end-to-end tests. Its log (stderr) is
/// read continuously so the pipe never fills and blocks it.
final class MockProcess: @unchecked Sendable {
    let process = Process()
    let port: Int

    /// Starts the mock on `port` (0: a free one) and waits until it listens, off the cooperative pool.
    static func start(port: Int = 0, _ arguments: [String] = []) async throws -> MockProcess {
        try await offPool { try MockProcess(port: port, arguments) }
    }

    private init(port: Int, _ arguments: [String]) throws {
        process.executableURL = CommandLineTests.binary
        process.arguments = ["mock", "--listen-port", String(port), "--switchname", "e2e"] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let reader = err.fileHandleForReading
        var seen = ""
        // The first log line names the bound address.
        while seen.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/) == nil {
            let chunk = reader.availableData
            guard !chunk.isEmpty else { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let bound = seen.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/).flatMap({ Int($0.1) }) else {
            process.terminate()
            throw MockProcessError.didNotStart(seen)
        }
        self.port = bound
        Thread {
            while !reader.availableData.isEmpty {}
        }.start()
    }

    /// SIGTERM (the mock sends every client the shutdown notice) and waits for the exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

enum MockProcessError: Error, CustomStringConvertible {
    case didNotStart(String)

    var description: String {
        switch self {
        case .didNotStart(let log): "fscli mock did not start: \(log)"
        }
    }
}
