import ESLClient
import ESLProtocol
import Foundation
import NIOCore
import TestSupport
import Testing

/// `fscli mock`, as its own process, against clients that misbehave: it keeps serving everyone
/// else, never crashes, and gives back every descriptor and byte a connection took. (A client that
/// never reads is cut as FreeSWITCH cuts it: ``SlowListenerTests`` in MockSwitchTests.)
@Suite(.timeLimit(.minutes(2))) struct MockResilienceTests {
    /// 1,000 connections that log in, subscribe to every event, run a command and leave (half
    /// with `exit`, half by closing), after 100 to warm up: the mock's descriptors come back to
    /// where they were and the memory it has allocated to within 10%. Each connection used to
    /// keep its handler and session (about 800 bytes) for good.
    @Test func aThousandConnectionsLeaveNothingBehind() async throws {
        let mock = try await MockProcess.start(["--heartbeat", "3600"])
        defer { mock.stop() }
        let port = mock.port
        let pid = mock.child.pid
        let (before, after) = try await offPool {
            for index in 0..<100 { try Self.visit(port, index) }
            let before = try Self.figures(pid, port)
            for index in 0..<1000 { try Self.visit(port, index) }
            // The mock closes its side as each close reaches it: wait (bounded) until it has.
            let deadline = Date().addingTimeInterval(10)
            var after = try Self.figures(pid, port)
            while after.descriptors > before.descriptors, Date() < deadline {
                after = try Self.figures(pid, port)
            }
            return (before, after)
        }
        // At most as many: the last warm-up connection may still have been closing when counted.
        #expect(after.descriptors <= before.descriptors, "descriptors \(before.descriptors) → \(after.descriptors)")
        #expect(Double(after.allocatedBytes) <= Double(before.allocatedBytes) * 1.1,
                "allocated \(before.allocatedBytes) → \(after.allocatedBytes) bytes")
        #expect(!mock.child.hasExited)
    }

    /// A console subscribed to everything while calls run, killed outright: the mock drops it and
    /// serves the next client as before.
    @Test func aClientKilledWhileSubscribedToAllIsDroppedCleanly() async throws {
        let mock = try await MockProcess.start(["--heartbeat", "3600", "--calls-per-second", "20", "--call-seconds", "1-1"])
        defer { mock.stop() }
        let port = mock.port
        let before = try await offPool { try Self.figures(mock.child.pid, port) }
        let console = try ChildProcess(
            CommandLineTests.binary.path, ["-P", String(port), "-q", "-b"],
            environment: FscliRun.cleanEnvironment(), input: .textThenHold("/event plain ALL\n"))
        _ = try await offPool { try console.waitForStdout(within: 20) { $0.contains("CHANNEL_ANSWER") } }
        console.send(SIGKILL)
        _ = try await offPool { try console.finish(within: 10) }
        let after = try await offPool {
            let deadline = Date().addingTimeInterval(10)
            var after = try Self.figures(mock.child.pid, port)
            while after.descriptors > before.descriptors, Date() < deadline {
                after = try Self.figures(mock.child.pid, port)
            }
            return after
        }
        #expect(after.descriptors <= before.descriptors, "descriptors \(before.descriptors) → \(after.descriptors)")
        let status = try await FscliRun.run(["-P", String(port), "-x", "status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("is ready"))
    }

    /// Clients that read slowly (not at all, for now) and clients that send half a command and wait
    /// hold nobody else up: a normal client's 50 commands are all answered in time. Then each
    /// half command is finished and answered, and each slow reader reads what it was sent: whole
    /// frames, ending with FreeSWITCH's lost-events notice if the mock had to cut it.
    @Test func slowReadersAndHalfCommandsHoldNobodyUp() async throws {
        let mock = try await MockProcess.start(["--heartbeat", "3600", "--calls-per-second", "20", "--call-seconds", "1-1"])
        defer { mock.stop() }
        let port = mock.port
        try await offPool {
            let slow = try (0..<4).map { _ in try RawSocket(port: port, receiveBuffer: 4096) }
            for reader in slow { try reader.send("auth ClueCon\n\nevent plain ALL\n\n") }
            let half = try (0..<4).map { _ in try RawSocket(port: port, receiveBuffer: 65536) }
            for client in half { try client.send("auth ClueCon\n\napi echo half") }
            let unauthenticated = try RawSocket(port: port, receiveBuffer: 65536)
            try unauthenticated.send("auth Clue")

            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
            defer { connection.close() }
            for index in 0..<50 {
                let reply = try connection.send(
                    ESLCommand(line: "api echo \(index)", replyKind: .apiResponse), timeout: .seconds(5))
                guard case .api(let response) = reply else { Issue.record("not an api/response: \(reply)"); return }
                #expect(response.text == "\(index)")
            }

            for client in half {
                try client.send("ed\n\nexit\n\n")
                let text = try client.drain()
                #expect(text.contains("\n\nhalfed"), "\(text.suffix(300))")
                #expect(text.hasSuffix(ESLDisconnectNotice.goodbye), "\(text.suffix(300))")
            }
            try unauthenticated.send("Con\n\nexit\n\n")
            #expect(try unauthenticated.drain().contains("Reply-Text: +OK accepted"))

            for reader in slow {
                try reader.send("exit\n\n")
                var buffer = ByteBuffer(string: try reader.drain())
                var decoder = ESLFrameDecoder()
                var frames: [ESLFrame] = []
                while let frame = try decoder.decode(&buffer) { frames.append(frame) }
                #expect(buffer.readableBytes == 0, "a partial frame at the end: \(buffer.readableBytes) bytes")
                #expect(frames.contains { $0.contentType == ESLContentType.eventPlain })
                #expect(frames.last?.contentType == "text/disconnect-notice")
            }
        }
        #expect(!mock.child.hasExited)
    }

    /// One connection's life: log in, subscribe to every event, run `status`, then `exit` (odd
    /// `index`) or just close.
    static func visit(_ port: Int, _ index: Int) throws {
        let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
        defer { connection.close() }
        _ = try connection.send(ESLCommand(line: "event plain ALL"), timeout: .seconds(5))
        _ = try connection.send(ESLCommand(line: "api status", replyKind: .apiResponse), timeout: .seconds(5))
        if index % 2 == 1 { _ = try? connection.send(ESLCommand(line: "exit"), timeout: .seconds(5)) }
    }

    /// The mock's open descriptors (from /proc) and the bytes its allocator has handed out (from
    /// its own `memory` command: glibc's mallinfo, in use plus mapped).
    static func figures(_ pid: pid_t, _ port: Int) throws -> (descriptors: Int, allocatedBytes: Int) {
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
        let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
        defer { connection.close() }
        guard case .api(let memory) = try connection.send(ESLCommand(line: "api memory", replyKind: .apiResponse), timeout: .seconds(5)) else {
            throw MockProcessError.didNotStart("`memory` did not answer")
        }
        func figure(_ name: String) -> Int {
            memory.text.split(separator: "\n").first { $0.contains("(\(name))") }
                .flatMap { $0.split(separator: " ").last }.flatMap { Int($0) } ?? 0
        }
        return (descriptors, figure("uordblks") + figure("hblkhd"))
    }
}
