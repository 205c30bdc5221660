import ESLProtocol
import MockSwitch
import Testing

/// The worked example of docs/http-face.md (a HEARTBEAT listener in JSON, driven as curl drives it):
/// the mock, dressed as the captured switch, answers with the captured bytes.
@Suite(.timeLimit(.minutes(3))) struct EventSinkExampleTests {
    /// The captured HEARTBEAT fired at 15:24:25.149318, one minute and 25 ms after start-up.
    static let beatTime: Int64 = 1_795_706_665_149_318
    /// 15:24:24.5, when the listener was created.
    static let createTime: Int64 = 1_795_706_664_500_000

    static func capturedSwitch(_ clock: ManualClock) -> SwitchCore {
        let identity = SwitchIdentity(
            coreUUID: "fded5980-f217-4f74-9de2-4dbb9797eb85", hostname: "vm", ipv4: "127.0.0.1", ipv6: "::1",
            startTime: beatTime - 60_025_355)
        let core = SwitchCore(identity: identity, clock: clock.clock, firstSequence: 418)
        core.updateStatistics { $0.idleCPU = 96.066667 }
        return core
    }

    static func head(_ time: String) -> String {
        "HTTP/1.1 200 OK\r\nfreeswitch-user: freeswitch\r\nfreeswitch-domain: 127.0.0.1\r\nConnection: close\r\n"
            + "Date: Thu, 26 Nov 2026 \(time) GMT\r\nServer: FreeSWITCH-1.11.1-release~64bit-mod_xml_rpc\r\n"
    }

    @Test func heartbeatListenerInJSONGivesTheCapturedBytes() async throws {
        let clock = ManualClock(Self.beatTime)
        let core = Self.capturedSwitch(clock)
        // Made first, so it takes the captured Event-Sequence; fired after the listener exists.
        let beat = core.heartbeat()[0]
        clock.advance(microseconds: Self.createTime - Self.beatTime)
        let http = try await HTTPFixture.start(clock: clock, core: core)
        defer { Task { await http.mock.stop() } }
        // The capture's counter stood at 7: seven creates that named no event used the ids up.
        for _ in 1...7 {
            _ = try await http.sink("command=create-listener&events=NO_SUCH_EVENT")
        }

        let create = try await HTTPWire.get("/api/event_sink?command=create-listener&events=HEARTBEAT&format=json", port: http.port)
        #expect(create == Self.head("15:24:24")
            + "Content-Type: application/json\n\n{\n\t\"listener\":\t{\n\t\t\"listen-id\":\t8,\n\t\t\"format\":\t\"json\",\n\t\t\"timeout\":\t60\n\t}\n}")

        http.clock.advance(microseconds: Self.beatTime - Self.createTime)
        http.mock.publish(events: [beat])
        http.clock.advance(microseconds: 20_000_000)
        let check = try await HTTPWire.get("/api/event_sink?command=check-listener&listen-id=8&format=json", port: http.port)
        #expect(check == Self.head("15:24:45") + "Content-Type: application/json\n\n" + Self.capturedCheck)

        let destroy = try await HTTPWire.get("/api/event_sink?command=destroy-listener&listen-id=8&format=json", port: http.port)
        #expect(destroy == Self.head("15:24:45") + "Content-Type: application/json\n\n"
            + "<data>\n <reply type=\"success\">listener 8 destroyed</reply>\n <listener>\n  <listen-id>8</listen-id>\n  <format>json</format>\n  <timeout>60</timeout>\n </listener>\n</data>\n")

        let again = try await HTTPWire.get("/api/event_sink?command=check-listener&listen-id=8&format=json", port: http.port)
        #expect(again == Self.head("15:24:45") + "Content-Type: application/json\n\n{\"reply\": \"error\", \"reply_text\":\"Can't find listener\"}")
    }

    /// The check-listener reply of docs/http-face.md, "Worked example", as captured from a build with the pre-1.10.12
    /// behaviour (TABs, no final newline).
    static let capturedCheck = [
        "{",
        "\t\"listener\":\t{",
        "\t\t\"listen-id\":\t8,",
        "\t\t\"format\":\t\"json\",",
        "\t\t\"timeout\":\t60",
        "\t},",
        "\t\"events\":\t[{",
        "\t\t\t\"Event-Name\":\t\"HEARTBEAT\",",
        "\t\t\t\"Core-UUID\":\t\"fded5980-f217-4f74-9de2-4dbb9797eb85\",",
        "\t\t\t\"FreeSWITCH-Hostname\":\t\"vm\",",
        "\t\t\t\"FreeSWITCH-Switchname\":\t\"vm\",",
        "\t\t\t\"FreeSWITCH-IPv4\":\t\"127.0.0.1\",",
        "\t\t\t\"FreeSWITCH-IPv6\":\t\"::1\",",
        "\t\t\t\"Event-Date-Local\":\t\"2026-11-26 15:24:25\",",
        "\t\t\t\"Event-Date-GMT\":\t\"Thu, 26 Nov 2026 15:24:25 GMT\",",
        "\t\t\t\"Event-Date-Timestamp\":\t\"1795706665149318\",",
        "\t\t\t\"Event-Calling-File\":\t\"switch_core.c\",",
        "\t\t\t\"Event-Calling-Function\":\t\"send_heartbeat\",",
        "\t\t\t\"Event-Calling-Line-Number\":\t\"95\",",
        "\t\t\t\"Event-Sequence\":\t\"418\",",
        "\t\t\t\"Event-Info\":\t\"System Ready\",",
        "\t\t\t\"Up-Time\":\t\"0 years, 0 days, 0 hours, 1 minute, 0 seconds, 25 milliseconds, 355 microseconds\",",
        "\t\t\t\"FreeSWITCH-Version\":\t\"1.11.1-release~64bit\",",
        "\t\t\t\"Uptime-msec\":\t\"60025\",",
        "\t\t\t\"Session-Count\":\t\"0\",",
        "\t\t\t\"Max-Sessions\":\t\"1000\",",
        "\t\t\t\"Session-Per-Sec\":\t\"30\",",
        "\t\t\t\"Session-Per-Sec-Last\":\t\"0\",",
        "\t\t\t\"Session-Per-Sec-Max\":\t\"0\",",
        "\t\t\t\"Session-Per-Sec-FiveMin\":\t\"0\",",
        "\t\t\t\"Session-Since-Startup\":\t\"0\",",
        "\t\t\t\"Session-Peak-Max\":\t\"0\",",
        "\t\t\t\"Session-Peak-FiveMin\":\t\"0\",",
        "\t\t\t\"Idle-CPU\":\t\"96.066667\"",
        "\t\t}]",
        "}",
    ].joined(separator: "\n")
}
