import ESLProtocol
import Foundation
import MockSwitch
import TestSupport
import Testing

/// The mock's outbound mode against the real switch: the test plays both the captured inbound
/// client and the event socket application the `socket` application connects to (listening on a
/// port of its own, written into the call's `socket` argument in place of the captured one), and
/// compares every frame with the capture after ``ConformanceTests/normalise(_:)``.
@Suite(.timeLimit(.minutes(3))) struct OutboundConformanceTests {
    static let covered = [
        "27_outbound_socket", "27a_outbound_static_single_channel", "28_outbound_socket_nolinger",
        "28a_outbound_static_single_channel_killed", "73_outbound_full_playback", "74_outbound_dialplan_socket",
    ]

    @Test(arguments: covered)
    func replay(_ name: String) async throws {
        let capture = try Captures.load(name)
        let application = try await OutboundApplication()
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.hostname = "vm"
        configuration.heartbeatInterval = .seconds(3600)
        configuration.schedulerInterval = .seconds(3600)
        let capturedTime = capture.records.lazy.compactMap { $0.data.firstMatch(of: /Event-Date-Timestamp: (\d+)/).flatMap { Int64($0.1) } }.first
        let clock = ManualClock(TestSwitch.start)
        if let capturedTime, capturedTime > TestSwitch.start { clock.advance(microseconds: capturedTime - TestSwitch.start) }
        let core = TestSwitch.make(clock: clock)
        // The captured port of the application, and ours in its place.
        let capturedPort = capture.records.lazy.compactMap { $0.data.firstMatch(of: /127\.0\.0\.1(?::|%3A)(\d{4,5})/).map { String($0.1) } }.first ?? "8084"
        let rewrite: (String) -> String = {
            $0.replacingOccurrences(of: "127.0.0.1:\(capturedPort)", with: "127.0.0.1:\(application.port)")
                .replacingOccurrences(of: "127.0.0.1%3A\(capturedPort)", with: "127.0.0.1%3A\(application.port)")
        }
        // Capture 74's temporary extension.
        core.calls.dialplan.extensions["9374"] = [
            Dialplan.Step("answer"), Dialplan.Step("set", "cap_before_socket=yes"),
            Dialplan.Step("socket", "127.0.0.1:\(application.port) async full"), Dialplan.Step("set", "cap_after_socket=yes"),
            Dialplan.Step("playback", "tone_stream://%(200,0,523)"), Dialplan.Step("hangup", "NORMAL_UNSPECIFIED"),
        ]
        core.calls.socketParkTick = nil
        let mock = try await MockSwitchServer.start(configuration, core: core, logger: ConformanceTests.quiet)
        var clients: [String: WireClient] = [:]
        var uuids: [String: String] = [:]
        var skip = 0
        for (index, record) in capture.records.enumerated() {
            if skip > 0 {
                skip -= 1
                continue
            }
            if ProcessInfo.processInfo.environment["FSCLI_REPLAY_TRACE"] != nil { print("TRACE \(name) #\(index) \(record.dir) \(record.label)") }
            let tag = ConformanceTests.tag(record)
            if clients[tag] == nil, record.dir != "NOTE" || record.label.contains("server closed") {
                clients[tag] = tag.hasPrefix("O")
                    ? try #require(try await application.accept(), "\(name): the mock never connected for [\(tag)]")
                    : try await WireClient(port: mock.port)
            }
            guard let client = clients[tag] else { continue }
            switch record.dir {
            case "C->S":
                // The socket application parks on the core timer's tick: before this command's
                // reply when the capture has the park first.
                if capture.records[(index + 1)...].first(where: { $0.dir == "S->C" && ConformanceTests.tag($0) == tag })?.label.contains("Event-Name=CHANNEL_PARK") == true {
                    let tick = core.parkConnectedSockets()
                    mock.publish(events: tick.events, logLines: tick.logLines)
                    try await client.awaitEvent(containing: "Event-Name: CHANNEL_PARK")
                }
                try? await client.send(rewrite(ConformanceTests.substitute(uuids, in: record.data)))
            case "S->C":
                let expected = rewrite(record.data)
                if ConformanceTests.isChannelEvent(record) {
                    let burst = Array(capture.records[index...].prefix { $0.dir == "S->C" && ConformanceTests.isChannelEvent($0) && ConformanceTests.tag($0) == tag })
                    // The socket application parks on the core timer's tick: where the capture shows it.
                    if burst.contains(where: { $0.label.contains("Event-Name=CHANNEL_PARK") }) {
                        let tick = core.parkConnectedSockets()
                        mock.publish(events: tick.events, logLines: tick.logLines)
                    }
                    skip = burst.count - 1
                    var got: [String] = []
                    for frame in burst {
                        let next = try #require(try await client.next(like: frame.data), "\(name): the mock closed where the capture shows \(frame.label)")
                        got.append(String(buffer: next.encoded))
                    }
                    ConformanceTests.compareBurst(got: got, want: burst.map { rewrite($0.data) }, uuids: &uuids, name: "\(name) #\(index)")
                    continue
                }
                let frame = try #require(try await client.next(like: expected), "\(name): the mock closed where the capture shows \(record.label)")
                let got = String(buffer: frame.encoded)
                ConformanceTests.learn(&uuids, captured: record.data, got: got)
                #expect(ConformanceTests.normalise(got) == ConformanceTests.normalise(expected), "\(name) #\(index): \(record.label)")
                if let dump = ProcessInfo.processInfo.environment["FSCLI_REPLAY_DUMP"], ConformanceTests.normalise(got) != ConformanceTests.normalise(expected) {
                    try? ConformanceTests.normalise(got).write(toFile: "\(dump)/\(name)-\(index)-got.txt", atomically: true, encoding: .utf8)
                    try? ConformanceTests.normalise(expected).write(toFile: "\(dump)/\(name)-\(index)-want.txt", atomically: true, encoding: .utf8)
                }
            default:
                if record.label.contains("server closed") {
                    let after = try await client.next()
                    #expect(after == nil, "\(name): the mock kept [\(tag)] open after \(record.label)")
                }
            }
        }
        for client in clients.values {
            #expect(client.early.isEmpty, "\(name): frames the real switch did not send: \(client.early.map { $0.contentType ?? "?" })")
            await client.close()
        }
        await mock.stop()
        await application.close()
    }
}
