import Foundation
import TestSupport

/// `fscli mock` in a process of its own, as the switch for end-to-end tests.
final class MockProcess: @unchecked Sendable {
    let child: ChildProcess
    let port: Int

    /// Starts the mock on `port` (0: a free one) and waits until it listens, off the cooperative pool.
    static func start(port: Int = 0, _ arguments: [String] = []) async throws -> MockProcess {
        try await offPool { try MockProcess(port: port, arguments) }
    }

    private init(port: Int, _ arguments: [String]) throws {
        child = try Self.launch(["--listen-port", String(port), "--switchname", "e2e"] + arguments)
        (_, self.port) = try Self.boundPort(of: child)
    }

    /// Starts `fscli mock <arguments>`.
    static func launch(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(CommandLineTests.binary.path, ["mock"] + arguments)
    }

    /// Waits for the mock's first log line, which names the bound address, and returns the log so
    /// far and the port. Throws with the log when it fails to start.
    static func boundPort(of child: ChildProcess) throws -> (log: String, port: Int) {
        let pattern = /listening on 127\.0\.0\.1:(\d+)/
        do {
            let log = try child.waitForStderr { $0.firstMatch(of: pattern) != nil }
            return (log, Int(log.firstMatch(of: pattern)!.1)!)
        } catch ChildProcessError.ended(_, let log) {
            throw MockProcessError.didNotStart(log)
        }
    }

    /// SIGTERM (the mock sends every client the shutdown notice) and waits for the exit.
    func stop() {
        child.send(SIGTERM)
        _ = try? child.finish(within: 30)
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
