import ESLClient
import ESLProtocol
import Foundation
import NIOCore
import TestSupport
import Testing

/// `/view json` and `--events-json`: events as one JSON object a line, parsed here with
/// JSONSerialization, from the real binary in batch mode against the real mock.
@Suite(.timeLimit(.minutes(2))) struct EventsJSONTests {
    /// Headers whose values need decoding on the wire (spaces, `%`, quotes, a backslash, non-ASCII).
    static let awkward: [(name: String, value: String)] = [
        ("Caller-Caller-ID-Number", "1000"),
        ("Spaced", "a \"quoted\" value, 100% \\ done"),
        ("Unicode", "Zürich → ☎"),
    ]

    /// Runs one `sendevent <name>` with ``awkward``, a `Seq` header and a body, and one `log ERR`
    /// line, on a connection of the test's own.
    static func sendEventAndLog(port: Int, event name: String, body: String) async throws {
        try await offPool {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
            defer { connection.close() }
            _ = try connection.send(
                ESLCommand(line: "sendevent \(name)", headers: awkward + [("Seq", "1")], body: ByteBuffer(string: body)), timeout: .seconds(10))
            _ = try connection.send(ESLCommand(line: "api log ERR json-test-marker", replyKind: .apiResponse), timeout: .seconds(10))
        }
    }

    /// Checks that `event` holds ``awkward`` decoded, the `Seq` header and `body` as `_body`.
    static func expectSent(_ event: [String: Any], name: String, body: String) {
        #expect(event["Event-Name"] as? String == name, "\(event)")
        for (header, value) in awkward { #expect(event[header] as? String == value, "\(header) in \(event)") }
        #expect(event["Seq"] as? String == "1")
        #expect(event["_body"] as? String == body)
        #expect(event.values.allSatisfy { $0 is String }, "every value a string: \(event)")
    }

    @Test func viewJSONPrintsEachEventAsOneObjectAndLogLinesAsText() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let run = try ChildProcess(
            CommandLineTests.binary.path, ["-b", "-l", "err", "-P", String(mock.port)], environment: FscliRun.cleanEnvironment(),
            input: .textThenHold("/view json\n/event plain CUSTOM\n"))
        _ = try await offPool { try run.waitForStdout(within: 20) { $0.contains("+OK event listener enabled plain\n") } }
        let body = "line one\nline \"two\"\n"
        try await Self.sendEventAndLog(port: mock.port, event: "CUSTOM", body: body)
        let output = try await offPool { try run.waitForStdout(within: 20) { $0.contains("json-test-marker") } }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let objects = lines.filter { $0.hasPrefix("{") }
        try #require(objects.count == 1, "one event, one line: \(output)")
        let event = try #require(try JSONSerialization.jsonObject(with: Data(objects[0].utf8)) as? [String: Any])
        Self.expectSent(event, name: "CUSTOM", body: body)
        let log = try #require(lines.first { $0.contains("json-test-marker") })
        #expect(!log.hasPrefix("{") && log.contains("[ERR]"), "a log line stays as the console shows it: \(log)")
        #expect(output.contains("events shown as JSON"), "/view says what it did: \(output)")
    }

    @Test func eventsJSONMakesStdoutAllRecords() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let run = try ChildProcess(
            CommandLineTests.binary.path, ["-b", "--events-json", "-l", "err", "-P", String(mock.port)],
            environment: FscliRun.cleanEnvironment(), input: .textThenHold("/view full\n/event plain CHANNEL_CREATE\n"))
        _ = try await offPool { try run.waitForStderr(within: 20) { $0.contains("+OK event listener enabled plain\n") } }
        let body = "the body"
        try await Self.sendEventAndLog(port: mock.port, event: "CHANNEL_CREATE", body: body)
        _ = try await offPool { try run.waitForStdout(within: 20) { $0.contains("json-test-marker") } }
        mock.stopInBackground()
        let result = try await offPool { try run.finish(within: 30) }
        let records = try JSONOutputTests.records(result.stdout)
        try #require(records.count == 2, "an event and a log line, nothing else: \(result.stdout)")
        #expect(records[0]["type"] as? String == "event")
        Self.expectSent(try #require(records[0]["event"] as? [String: Any]), name: "CHANNEL_CREATE", body: body)
        #expect(records[1]["type"] as? String == "log")
        #expect(records[1]["levelName"] as? String == "ERR")
        #expect((records[1]["text"] as? String)?.hasSuffix("json-test-marker") == true, "\(records[1])")
        #expect(result.stderr.contains("events shown in full"), "replies go to stderr: \(result.stderr)")
    }

    @Test func eventsJSONIsRefusedWhereThereAreNoEvents() async throws {
        for arguments in [["--events-json", "-x", "status"], ["--events-json", "--json"], ["--events-json", "--follow"]] {
            let result = try await FscliRun.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--events-json is for batch mode"), "\(result.stderr)")
        }
    }
}
