import ESLClient
import ESLProtocol
import ESLRecording
import Foundation
import NIOCore
import TestSupport
import Testing

/// `fscli --record`, `/record` and `fscli mock --replay` (docs/recording.md), with the real binary
/// and the real mock over real sockets: what a console records plays back to a listener as it was
/// recorded.
@Suite(.timeLimit(.minutes(3))) struct RecordReplayTests {
    /// What a listener is given: an event (as the switch serialised it) or a log line.
    enum Delivered: Equatable, CustomStringConvertible {
        case event(ESLEvent, bytes: [UInt8])
        case log(ESLLogLine)

        /// A recorded frame as a listener subscribed in `format` would get it; nil for frames a
        /// replay skips.
        init?(recorded frame: ESLFrame) throws {
            switch ESLMessage(frame: frame) {
            case .event(let event): self = .event(try event.decode(), bytes: Array(buffer: event.body))
            case .log(let line): self = .log(line)
            default: return nil
            }
        }

        /// Same event or line; `bytes` too when both came in the same format.
        func matches(_ other: Delivered) -> Bool {
            switch (self, other) {
            case (.event(let a, let aBytes), .event(let b, let bBytes)): a == b && aBytes == bBytes
            case (.log(let a), .log(let b)): a == b
            default: false
            }
        }

        var description: String {
            switch self {
            case .event(let event, _): "event \(event.name ?? "?") \(event["Event-Sequence"] ?? "")"
            case .log(let line): "log \(line.level) \(String(buffer: line.body).prefix(60))"
            }
        }
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "fscli-record-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Connects to `port`, sends `commands` (subscriptions), and collects what is delivered until
    /// `enough` says so.
    static func listen(port: Int, _ commands: [String], until enough: @escaping @Sendable ([Delivered]) -> Bool) async throws -> [Delivered] {
        var configuration = ESLConnection.Configuration.patientForTests
        configuration.decodesEvents = false
        configuration.dropsWhenBehind = false
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: configuration)
        for command in commands {
            let reply = try await connection.command(command)
            #expect(!reply.isError, "\(command): \(reply.text)")
        }
        var delivered: [Delivered] = []
        let deadline = ContinuousClock.now + .seconds(100)
        for await notification in connection.notifications {
            switch notification {
            case .eventFrame(let frame): delivered.append(.event(try frame.decode(), bytes: Array(buffer: frame.body)))
            case .log(let line): delivered.append(.log(line))
            default: break
            }
            if enough(delivered) || ContinuousClock.now > deadline { break }
        }
        await connection.close()
        return delivered
    }

    /// The first whole pass of `expected` within `delivered` (a looping replay, joined mid-pass),
    /// or nil.
    static func onePass(of expected: [Delivered], in delivered: [Delivered]) -> ArraySlice<Delivered>? {
        guard let first = expected.first,
              let start = delivered.firstIndex(where: { $0.matches(first) }),
              delivered.count - start >= expected.count else { return nil }
        return delivered[start..<(start + expected.count)]
    }

    /// Events and log lines apart: a switch sends a listener's queued events and log lines by
    /// turns, so how the two interleave depends on timing (on a loaded machine as on FreeSWITCH),
    /// while each kind keeps its own order.
    static func split(_ items: [Delivered]) -> (events: [Delivered], logs: [Delivered]) {
        (items.filter { if case .event = $0 { true } else { false } }, items.filter { if case .log = $0 { true } else { false } })
    }

    /// A whole pass of each kind of `expected` within `delivered`, each in its own order.
    static func onePassOfEach(of expected: [Delivered], in delivered: [Delivered]) -> (events: ArraySlice<Delivered>, logs: ArraySlice<Delivered>)? {
        let (wantEvents, wantLogs) = split(expected)
        let (gotEvents, gotLogs) = split(delivered)
        guard let events = onePass(of: wantEvents, in: gotEvents), let logs = onePass(of: wantLogs, in: gotLogs) else { return nil }
        return (events, logs)
    }

    /// `--follow --record` against a mock making calls, then `fscli mock --replay --speed 10
    /// --loop` to a listener subscribed as the recorder was: every event and log line arrives as
    /// recorded, byte for byte, the events in their order and the log lines in theirs; replies and
    /// the greeting are not replayed.
    @Test func aRecordingOfTrafficPlaysBackAsRecorded() async throws {
        let directory = try Self.temporaryDirectory()
        let path = directory + "/incident.rec.gz"
        let mock = try await MockProcess.start(["--heartbeat", "3600"])
        defer { mock.stopInBackground() }
        let follow = try ChildProcess(
            CommandLineTests.binary.path, ["--follow", "-l", "debug", "--events", "ALL", "--record", path, "-P", String(mock.port)],
            environment: FscliRun.cleanEnvironment())
        _ = try await offPool { try follow.waitForStderr(within: 30) { $0.contains("fscli: following ") } }
        // Three calls, answered and hung up: every kind of frame (a call's events and its log lines)
        // in a recording of a fixed size. (Traffic from the generator made a recording that grew
        // while a loaded machine's console caught up, too big to come back within the wait below.)
        try await offPool {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon")
            defer { connection.close() }
            for _ in 0..<3 {
                let reply = try connection.send(.api("originate", "loopback/7000 &park()"), timeout: .seconds(60))
                #expect(!reply.isError, "originate: \(reply)")
            }
            _ = try connection.send(.api("hupall"), timeout: .seconds(60))
        }
        _ = try await offPool { try follow.waitForStdout(within: 60) { $0.components(separatedBy: "CHANNEL_HANGUP_COMPLETE").count > 6 } }
        follow.send(SIGTERM)
        let ended = try await offPool { try follow.finish(within: 30) }
        #expect(ended.status == 0, "\(ended.stderr)")
        mock.stopInBackground()

        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(raw.prefix(2)) == [0x1f, 0x8b], "a .gz name writes gzip")
        let records = try RecordingFile.read(path: path)
        #expect(records.first?.frame.contentType == "auth/request", "--record starts with the greeting")
        #expect(Set(records.map(\.switchName)) == ["127.0.0.1:\(mock.port)"])
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.time <= $1.time }, "arrival times in order")
        let expected = try records.compactMap { try Delivered(recorded: $0.frame) }
        let eventCount = expected.filter { if case .event = $0 { true } else { false } }.count
        #expect(eventCount > 40 && expected.count - eventCount > 20, "events \(eventCount), log lines \(expected.count - eventCount)")
        let replay = try await MockProcess.start(["--replay", path, "--speed", "10", "--loop", "--heartbeat", "3600"])
        defer { replay.stopInBackground() }
        let delivered = try await Self.listen(port: replay.port, ["log debug", "event plain ALL"]) { delivered in
            Self.onePassOfEach(of: expected, in: delivered) != nil
        }
        let pass = try #require(Self.onePassOfEach(of: expected, in: delivered), "no whole pass in \(delivered.count) deliveries")
        let (wantEvents, wantLogs) = Self.split(expected)
        for (got, want) in [(Array(pass.events), wantEvents), (Array(pass.logs), wantLogs)] {
            for (index, (one, recorded)) in zip(got, want).enumerated() where !one.matches(recorded) {
                Issue.record("delivery \(index): \(one), recorded \(recorded)")
                break
            }
        }
        let log = try await offPool { try replay.child.waitForStderr(within: 30) { $0.contains("replay: pass 1 of") } }
        #expect(log.contains("replay: \(eventCount) events and \(expected.count - eventCount) log lines from \(path)"), "\(log)")
    }

    /// A listener's subscription, format, filter and log level apply to what is replayed.
    @Test func aReplayGoesThroughEachListenersSubscriptionFilterAndLevel() async throws {
        let directory = try Self.temporaryDirectory()
        let path = directory + "/synthetic.rec"
        var frames: [ESLFrame] = []
        for index in 0..<30 {
            let name = index % 3 == 0 ? "CHANNEL_ANSWER" : "CHANNEL_CREATE"
            let body = "Event-Name: \(name)\nCore-UUID: 0a1b\nEvent-Sequence: \(1_000 + index)\nUnique-ID: call-\(index)\n\n"
            var headers = ESLHeaders()
            headers.append("Content-Length", String(body.utf8.count))
            headers.append("Content-Type", "text/event-plain")
            frames.append(ESLFrame(headers: headers, body: ByteBuffer(string: body)))
            let text = "2026-12-03 10:00:00.000000 99.00% [\(index % 2 == 0 ? "WARNING" : "DEBUG")] x.c:1 line \(index)\n"
            var logHeaders = ESLHeaders()
            logHeaders.append("Content-Type", "log/data")
            logHeaders.append("Content-Length", String(text.utf8.count))
            logHeaders.append("Log-Level", index % 2 == 0 ? "4" : "7")
            logHeaders.append("Text-Channel", "0")
            logHeaders.append("Log-File", "x.c")
            logHeaders.append("Log-Func", "f")
            logHeaders.append("Log-Line", "1")
            logHeaders.append("User-Data", "")
            frames.append(ESLFrame(headers: logHeaders, body: ByteBuffer(string: text)))
        }
        let writer = try RecordingWriter.open(path: path)
        for (index, frame) in frames.enumerated() {
            writer.append(time: 1_764_769_126_000_000 + Int64(index) * 10_000, switchName: "pbx:8021", frame: frame)
        }
        #expect(await writer.close() == nil)

        let replay = try await MockProcess.start(["--replay", path, "--speed", "10", "--loop", "--heartbeat", "3600"])
        defer { replay.stopInBackground() }
        // JSON, only CHANNEL_ANSWER (a filter on top of ALL, set first so no event comes before it), warnings and worse.
        let delivered = try await Self.listen(port: replay.port, ["log warning", "filter Event-Name CHANNEL_ANSWER", "event json ALL"]) { delivered in
            delivered.filter { if case .event = $0 { true } else { false } }.count >= 25
        }
        for item in delivered {
            switch item {
            case .event(let event, let bytes):
                #expect(event.name == "CHANNEL_ANSWER", "the filter lets only CHANNEL_ANSWER through: \(item)")
                #expect(bytes.first == UInt8(ascii: "{"), "sent as JSON, the format subscribed")
            case .log(let line):
                #expect(line.level <= 4, "log warning: no debug lines, \(item)")
            }
        }
        // In order: each answered call follows the one recorded before it, across passes.
        let calls = delivered.compactMap { if case .event(let event, _) = $0 { event["Unique-ID"] } else { nil } }
        let answered = (0..<30).filter { $0 % 3 == 0 }.map { "call-\($0)" }
        let start = try #require(calls.firstIndex(of: "call-0"))
        #expect(Array(calls[start..<min(calls.count, start + answered.count)]) == Array(answered.prefix(calls.count - start)))
    }

    @Test func aDamagedRecordingIsRefusedWithItsLine() async throws {
        let directory = try Self.temporaryDirectory()
        let path = directory + "/cut.rec"
        try "fscli-recording 1\n@1764769126.000001 pbx:8021 28\nContent-Type: auth/request\n\n\n@1764769126.5 pbx:8021 9\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try await FscliRun.run(["mock", "--listen-port", "0", "--replay", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path): line 6 (byte 78): expected a record line"), "\(run.stderr)")
        #expect(!run.stderr.contains("listening"), "refused before listening")
    }

    /// `-x --record`: the greeting, the auth reply and the command's response, nothing else.
    @Test func oneShotCommandsAreRecorded() async throws {
        let directory = try Self.temporaryDirectory()
        let mock = try await MockProcess.start(["--heartbeat", "3600"])
        defer { mock.stopInBackground() }
        let path = directory + "/x.rec"
        let run = try await FscliRun.run(["-P", String(mock.port), "-x", "status", "--record", path])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try RecordingFile.read(path: path)
        #expect(records.map { $0.frame.contentType ?? "" } == ["auth/request", "command/reply", "api/response"])
        #expect(records.last?.frame.bodyString?.contains("is ready") == true)
    }

    @Test func anUnusableRecordingFileIsAMessageAndStatus2() async throws {
        let directory = try Self.temporaryDirectory()
        let mock = try await MockProcess.start(["--heartbeat", "3600"])
        defer { mock.stopInBackground() }
        let toDirectory = try await FscliRun.run(["-P", String(mock.port), "-x", "status", "--record", directory])
        #expect(toDirectory.status == 2)
        #expect(toDirectory.stderr == "fscli: cannot record to \(directory): is a directory; give a file name\n")
        let nowhere = try await FscliRun.run(["-P", String(mock.port), "--follow", "--record", directory + "/no/such/x.rec"])
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr.contains("No such file or directory"), "\(nowhere.stderr)")
    }
}

/// `/record FILE`, `/record`, `/record off` in the interactive console, in a real terminal.
@Suite(.serialized, .timeLimit(.minutes(3)), .enabled(if: TerminalHarness.tmux != nil, "tmux is not installed"))
struct RecordCommandTerminalTests {
    static let prompt = ConsoleTerminalTests.prompt

    @Test func recordThenOffKeepsWhatArrivedMeanwhile() async throws {
        let directory = try RecordReplayTests.temporaryDirectory()
        let path = directory + "/console.rec"
        let mock = try await MockProcess.start(["--heartbeat", "3600"])
        defer { mock.stop() }
        let term = try TerminalHarness(["-q", "-P", String(mock.port)])
        defer { term.close() }
        let address = "127.0.0.1:\(mock.port) e2e"
        try await term.waitFor("the status line and the prompt") { screen in
            screen.count == 40 && screen[39] == Self.prompt && screen[38].hasPrefix(address + " | connected | no events")
        }
        try term.type("/record")
        try term.press("Enter")
        try await term.waitFor("not recording") { $0.contains { $0.hasPrefix("not recording; /record FILE") } }

        try term.type("/record " + path)
        try term.press("Enter")
        try await term.waitFor("recording, and rec in the status line") { screen in
            screen.contains("recording every frame received to \(path)")
                && screen.count == 40 && screen[38].hasPrefix(address + " | connected | rec | ")
        }
        try term.type("/event plain CUSTOM")
        try term.press("Enter")
        try await term.waitFor("the subscription") { $0.contains("+OK event listener enabled plain") }
        try await offPool {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon")
            defer { connection.close() }
            _ = try connection.send(ESLCommand(line: "sendevent CUSTOM", headers: [("Seq", "recorded-1")]), timeout: .seconds(10))
        }
        try await term.waitFor("the event") { $0.contains { $0.contains(" CUSTOM") } }
        try term.type("/record")
        try term.press("Enter")
        try await term.waitFor("where it records") { $0.contains("recording every frame received to \(path); /record off stops") }
        try term.type("/record off")
        try term.press("Enter")
        try await term.waitFor("stopped, rec gone") { screen in
            screen.contains("recording stopped: 2 frames in \(path)")
                && screen.count == 40 && screen[38].hasPrefix(address + " | connected | events plain CUSTOM")
        }
        // What arrived in between: the reply to /event and the event (/record is the console's own).
        let records = try RecordingFile.read(path: path)
        #expect(records.map { $0.frame.contentType ?? "" } == ["command/reply", "text/event-plain"])
        #expect(records.last?.frame.bodyString?.contains("Seq: recorded-1") == true, "\(records.last?.frame.bodyString ?? "")")

        // Typed at the prompt, no shell expands `~/`: the console does, as a shell would.
        let inHome = term.home + "/in-home.rec"
        try term.type("/record ~/in-home.rec")
        try term.press("Enter")
        try await term.waitFor("recording into HOME") { $0.contains("recording every frame received to \(inHome)") }
        try term.type("/record off")
        try term.press("Enter")
        try await term.waitFor("stopped again") { $0.contains { $0.hasPrefix("recording stopped: ") && $0.hasSuffix(" in \(inHome)") } }
        #expect(FileManager.default.fileExists(atPath: inHome))
        try term.type("/exit")
        try term.press("Enter")
        #expect(try await term.waitForExit("fscli to exit") == 0)
    }
}
