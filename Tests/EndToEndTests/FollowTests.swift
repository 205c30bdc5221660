import ESLClient
import ESLProtocol
import Foundation
import TestSupport
import Testing

/// `fscli --follow`: log lines and events streamed to stdout until a signal, nothing dropped
/// when stdout's reader is slow, against the real mock over real sockets.
@Suite(.timeLimit(.minutes(2))) struct FollowTests {
    /// Sends `sendevent CUSTOM` `count` times (each with a `Seq` header and `padding` bytes of
    /// header text), one after another, on a connection of its own.
    static func sendEvents(port: Int, count: Int, padding: Int = 0) async throws {
        try await offPool {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
            defer { connection.close() }
            let filler = String(repeating: "p", count: padding)
            for sequence in 0..<count {
                let reply = try connection.send(
                    ESLCommand(line: "sendevent CUSTOM", headers: [("Seq", String(sequence)), ("Padding", filler)]), timeout: .seconds(10))
                guard case .command(let text) = reply, !text.isError else { throw FollowTestError.refused("\(reply)") }
            }
        }
    }

    enum FollowTestError: Error { case refused(String) }

    @Test func streamsEventsAndLogLinesAndExitsZeroOnSIGTERM() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let follow = try ChildProcess(
            CommandLineTests.binary.path, ["--follow", "-l", "info", "--events", "CUSTOM,HEARTBEAT", "-P", String(mock.port)],
            environment: FscliRun.cleanEnvironment())
        let started = try await offPool { try follow.waitForStderr(within: 20) { $0.contains("fscli: following 127.0.0.1:") } }
        #expect(started.contains("(log info; events CUSTOM HEARTBEAT)"), "\(started)")
        try await offPool {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon")
            defer { connection.close() }
            _ = try connection.send(ESLCommand(line: "sendevent CUSTOM", headers: [("Seq", "only")]), timeout: .seconds(5))
            _ = try connection.send(ESLCommand(line: "api log INFO followed-line", replyKind: .apiResponse), timeout: .seconds(5))
            _ = try connection.send(ESLCommand(line: "api log DEBUG below-the-level", replyKind: .apiResponse), timeout: .seconds(5))
            _ = try connection.send(ESLCommand(line: "api log ERR after-it", replyKind: .apiResponse), timeout: .seconds(5))
        }
        let shown = try await offPool { try follow.waitForStdout(within: 20) { $0.contains("after-it") } }
        #expect(shown.contains("CUSTOM"), "the event's compact line: \(shown)")
        #expect(shown.contains("followed-line"))
        #expect(!shown.contains("below-the-level"), "-l info leaves debug lines out")
        follow.send(SIGTERM)
        let result = try await offPool { try follow.finish(within: 20) }
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func jsonGivesOneObjectPerEventAndLogLine() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let follow = try ChildProcess(
            CommandLineTests.binary.path, ["--follow", "--json", "-l", "err", "--events", "CUSTOM", "-P", String(mock.port)],
            environment: FscliRun.cleanEnvironment())
        _ = try await offPool { try follow.waitForStderr(within: 20) { $0.contains("fscli: following ") } }
        try await offPool {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon")
            defer { connection.close() }
            _ = try connection.send(ESLCommand(line: "sendevent CUSTOM", headers: [("Seq", "a \"quoted\" value")]), timeout: .seconds(5))
            _ = try connection.send(ESLCommand(line: "api log ERR a \\ backslash", replyKind: .apiResponse), timeout: .seconds(5))
        }
        let shown = try await offPool { try follow.waitForStdout(within: 20) { $0.contains("backslash") } }
        follow.send(SIGINT)
        let result = try await offPool { try follow.finish(within: 20) }
        #expect(result.status == 0, "\(result.stderr)")
        let records = try JSONOutputTests.records(result.stdout)
        try #require(records.count == 2, "\(shown)")
        #expect(Set(records[0].keys) == ["type", "event"])
        #expect(records[0]["type"] as? String == "event")
        let event = try #require(records[0]["event"] as? [String: Any])
        #expect(event["Event-Name"] as? String == "CUSTOM")
        #expect(event["Seq"] as? String == "a \"quoted\" value")
        let log = records[1]
        #expect(log["type"] as? String == "log")
        #expect(Set(log.keys).isSuperset(of: ["type", "level", "levelName", "file", "function", "line", "text"]), "\(log)")
        #expect(log["level"] as? Int == 3 && log["levelName"] as? String == "ERR")
        #expect((log["text"] as? String)?.hasSuffix("a \\ backslash") == true, "\(log)")
    }

    /// A burst three times the client's queue (1,000 notifications), into a pipe nobody reads
    /// until the burst has been sent: the connection stops reading instead of dropping, TCP holds
    /// the rest back, and once the pipe is read every event arrives, in order.
    @Test func aSlowPipeLosesNothing() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let gate = NSTemporaryDirectory() + "fscli-follow-gate-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try #require(mkfifo(gate, 0o600) == 0)
        defer { unlink(gate) }
        // fscli writes into a pipe whose reader first waits for the gate to open.
        let script = #""$0" --follow --json -q --events CUSTOM -P "$1" | { read -r _ < "$2"; exec cat; }"#
        let pipeline = try ChildProcess("/bin/sh", ["-c", script, CommandLineTests.binary.path, String(mock.port), gate],
                                        environment: FscliRun.cleanEnvironment())
        _ = try await offPool { try pipeline.waitForStderr(within: 20) { $0.contains("fscli: following ") } }
        let total = 3_000
        try await Self.sendEvents(port: mock.port, count: total, padding: 600)
        // Every event has left the mock for fscli's connection (or its buffers); now read.
        try await offPool {
            let writer = open(gate, O_WRONLY)
            guard writer >= 0 else { throw FollowTestError.refused("cannot open the gate") }
            _ = write(writer, "go\n", 3)
            close(writer)
        }
        let output = try await offPool {
            try pipeline.waitForStdout(within: 60) { $0.components(separatedBy: "\"type\":\"event\"").count > total }
        }
        let sequences = try JSONOutputTests.records(String(output[..<output.index(after: output.lastIndex(of: "\n")!)]))
            .compactMap { ($0["event"] as? [String: Any])?["Seq"] as? String }
        #expect(sequences == (0..<total).map(String.init), "every event, in order")
        mock.stopInBackground()
        let result = try await offPool { try pipeline.finish(within: 20) }
        #expect(!result.stderr.contains("dropped"), "\(result.stderr)")
        #expect(result.stderr.contains("closed the connection") || result.stderr.contains("disconnected"), "the lost switch is said: \(result.stderr)")
    }
}

extension MockProcess {
    /// ``stop()`` on a thread of its own: the SIGTERM goes out at once, and waiting for the mock to
    /// exit does not tie up one of the cooperative pool's two threads, which in-process servers
    /// (ScriptedSwitch) of tests running alongside need.
    func stopInBackground() {
        let mock = self
        Thread { mock.stop() }.start()
    }
}
