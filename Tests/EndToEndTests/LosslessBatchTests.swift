import ESLClient
import ESLProtocol
import Foundation
import TestSupport
import Testing

/// Batch mode into a pipe loses nothing (`ConsoleSettings.losesNothing`): the real binary against
/// the real mock, its stdout read slowly by a shell pipeline the test holds shut.
@Suite(.timeLimit(.minutes(2))) struct LosslessBatchTests {
    /// A fifo the reader of fscli's output waits on before it reads anything past the first line.
    struct Gate {
        let path = NSTemporaryDirectory() + "fscli-lossless-gate-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        init() throws {
            try #require(mkfifo(path, 0o600) == 0)
        }

        func release() async throws {
            let path = self.path
            try await offPool {
                let writer = open(path, O_WRONLY)
                guard writer >= 0 else { throw FollowTests.FollowTestError.refused("cannot open the gate") }
                _ = write(writer, "go\n", 3)
                close(writer)
            }
        }

        func remove() { unlink(path) }
    }

    /// `fscli <arguments>` with `input` on stdin (held open), its stdout passed on at once up to
    /// the first line, then only once the gate opens. The shell's `read` takes a pipe a byte at a
    /// time, so nothing past the first line is consumed early.
    static func slowlyRead(_ arguments: [String], input: String, gate: Gate) throws -> ChildProcess {
        let script = #"bin="$1"; gate="$2"; shift 2; "$bin" "$@" | { IFS= read -r first; printf '%s\n' "$first"; read -r _ < "$gate"; exec cat; }"#
        return try ChildProcess("/bin/sh", ["-c", script, "sh", CommandLineTests.binary.path, gate.path] + arguments,
                                environment: FscliRun.cleanEnvironment(), input: .textThenHold(input))
    }

    /// Five times what fscli's queues hold (1,000 notifications in the client, 1,000 lines in the
    /// output queue), each event ~1.5 KB shown in full: the pipe fills, the output queue fills,
    /// the connection stops reading and TCP holds the rest on the switch. Once the pipe is read,
    /// every event arrives, in order, and nothing is reported dropped.
    @Test func aBurstIntoASlowPipeArrivesWhole() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let gate = try Gate()
        defer { gate.remove() }
        let run = try Self.slowlyRead(["-b", "-q", "-P", String(mock.port)], input: "/event plain CUSTOM\n/view full\n", gate: gate)
        let first = try await offPool { try run.waitForStdout(within: 20) { $0.contains("\n") } }
        #expect(first == "+OK event listener enabled plain\n", "\(first)")
        let total = 5_000
        try await FollowTests.sendEvents(port: mock.port, count: total, padding: 600)
        try await gate.release()
        let output = try await offPool {
            try run.waitForStdout(within: 90) { $0.components(separatedBy: "EVENT CUSTOM").count > total }
        }
        mock.stopInBackground()
        let result = try await offPool { try run.finish(within: 30) }
        let sequences = output.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("Seq:") else { return nil }
            return line.dropFirst(4).trimmingCharacters(in: .whitespaces)
        }
        #expect(sequences == (0..<total).map(String.init), "every event, in order (\(sequences.count) of \(total))")
        #expect(!result.stdout.contains("dropped") && !result.stderr.contains("dropped"), "\(result.stderr)")
        #expect(result.stderr.contains("disconnected"), "the switch's shutdown is said: \(result.stderr)")
    }

    /// A reader that stays behind while the switch keeps sending: the mock, like FreeSWITCH, cuts
    /// the listener once 500 events in a row could not be queued for it, and fscli says so in one
    /// line on stderr once it has printed what came before the cut.
    @Test func aCutListenerIsSaidOnStandardError() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let gate = try Gate()
        defer { gate.remove() }
        let run = try Self.slowlyRead(["-b", "-q", "-P", String(mock.port)], input: "/event plain CUSTOM\n", gate: gate)
        _ = try await offPool { try run.waitForStdout(within: 20) { $0.contains("\n") } }
        let stop = StopFlag()
        let port = mock.port
        let sender = Task {
            try await offPool {
                let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
                defer { connection.close() }
                let filler = String(repeating: "p", count: 4_000)
                var sequence = 0
                while !stop.isSet && sequence < 200_000 {
                    _ = try connection.send(
                        ESLCommand(line: "sendevent CUSTOM", headers: [("Seq", String(sequence)), ("Padding", filler)]), timeout: .seconds(10))
                    sequence += 1
                }
            }
        }
        let log = try await offPool { try mock.child.waitForStderr(within: 90) { $0.contains("is not reading") } }
        stop.set()
        try await sender.value
        #expect(log.contains("killed listener because of lost events"), "\(log)")
        try await gate.release()
        let result = try await offPool { try run.finish(within: 60) }
        // (The pipeline's status is cat's; fscli's own exit is 255, as for any lost connection.)
        let said = result.stderr.split(separator: "\n").filter { $0.contains("cut this listener off because it fell behind") }
        #expect(said.count == 1, "one line says why: \(result.stderr)")
        #expect(!result.stdout.contains("dropped"), "fscli itself dropped nothing")
    }
}

/// Set once, read from another thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
