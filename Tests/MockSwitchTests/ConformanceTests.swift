import ESLProtocol
import Foundation
import Logging
import MockSwitch
import TestSupport
import Testing

/// The mock against the real switch: each capture's client side is replayed over a real socket and
/// every frame the mock sends is compared with the captured one, after normalising only what
/// legitimately varies (UUIDs, dates, timestamps, sequence numbers, uptime, CPU and stack figures,
/// lengths that follow from those).
///
/// Left for part 2 (simulated calls and outbound mode), because they need channels:
/// 21, 22 (loopback calls), 23, 24, 29 (myevents/sendmsg on a live channel), 27, 27a, 28, 28a
/// (outbound `socket`), 31 (log lines during a call).
@Suite(.timeLimit(.minutes(1))) struct ConformanceTests {
    static let covered = [
        "01_auth_ok", "02_auth_bad", "03_commands_before_auth", "04_api_status", "05_api_version", "06_api_uptime",
        "07_api_show_channels_empty", "08_api_help", "09_api_console_complete", "10_api_console_complete_xml",
        "11_api_unknown", "12_bgapi_status", "13_event_plain_all", "14_event_json_all", "15_event_xml_heartbeat",
        "16_filter", "17_nixevent", "18_noevents", "19_log", "20_sendevent", "25_linger_exit_inbound",
        "26_invalid_commands", "30_crlf_line_endings", "40_fs_cli_x_status", "41_fs_cli_x_show_channels_json",
        "42_fs_cli_x_unknown", "43_fs_cli_interactive", "50_api_shutdown", "60_core_eval_expand_vars",
        "61_core_text_utils", "62_core_show_tables", "63_core_fsctl", "64_core_alias_help", "65_core_hash",
        "66_core_usage_errors",
    ]

    @Test(arguments: covered)
    func replay(_ name: String) async throws {
        let capture = try Captures.load(name)
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.hostname = "vm"
        configuration.heartbeatInterval = .seconds(3600)  // heartbeats are fired by the replay
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        let mock = try await MockSwitchServer.start(configuration, core: core, logger: Self.quiet)
        var clients: [String: WireClient] = [:]
        var clockAdvanced = false
        for (index, record) in capture.records.enumerated() {
            let tag = record.label.firstMatch(of: /\[([A-Z0-9]+)\]$/).map { String($0.1) } ?? "-"
            if clients[tag] == nil, record.dir != "NOTE" {
                clients[tag] = try await WireClient(port: mock.port)
            }
            guard let client = clients[tag] else { continue }
            switch record.dir {
            case "C->S":
                try await client.send(record.data)
            case "S->C":
                // HEARTBEAT and its RE_SCHEDULEs come from the core's timer: fire one tick where the capture shows it.
                if record.label.contains("Event-Name=HEARTBEAT") {
                    // The core re-schedules check_ip once a minute of uptime: be a minute up when the capture shows it.
                    let tick = capture.records[index...].prefix { $0.label.contains("Event-Name=HEARTBEAT") || $0.label.contains("Event-Name=RE_SCHEDULE") }
                    if tick.contains(where: { $0.data.contains("check_ip") }), !clockAdvanced {
                        clock.advance(microseconds: 60_000_000)
                        clockAdvanced = true
                    }
                    mock.publish(events: core.heartbeat())
                }
                let frame = try #require(try await client.next(like: record.data), "\(name): the mock closed where the capture shows \(record.label)")
                let got = String(buffer: frame.encoded)
                #expect(Self.normalise(got) == Self.normalise(record.data), "\(name): \(record.label)")
            default:
                if record.label.contains("client (fs_cli) closed its side") {
                    try await client.closeOutput()
                } else if record.label.contains("server closed") {
                    let after = try await client.next()
                    #expect(after == nil, "\(name): the mock kept the connection open after \(record.label)")
                }
            }
        }
        for client in clients.values {
            #expect(client.early.isEmpty, "\(name): frames the real switch did not send: \(client.early.map { $0.contentType ?? "?" })")
            await client.close()
        }
        await mock.stop()
    }

    static let quiet = Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() })

    static func normalise(_ text: String) -> String {
        var text = text
        for (pattern, template) in [("Up-Time: [^\n]*", "Up-Time: <uptime>"), ("\"Up-Time\":\"[^\"]*\"", "\"Up-Time\":\"<uptime>\""), ("<Up-Time>[^<]*</Up-Time>", "<Up-Time><uptime></Up-Time>")] {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        text = Normalise.text(text)
        let rules: [(String, String)] = [
            ("^(Content-Type: api/response\\nContent-Length: <n>\\n\\n)\\d+\\n$", "$1<n>\n"),
            ("\\d+ session\\(s\\)", "<n> session(s)"),
            ("(peak|5min|max) \\d+", "$1 <n>"),
            ("Stack Size/Max \\d+K/\\d+K", "Stack Size/Max <n>K/<n>K"),
            // strftime_tz prints today's date (capture 61).
            ("^(Content-Type: api/response\\nContent-Length: <n>\\n\\n)\\d{4}-\\d\\d-\\d\\d$", "$1<day>"),
        ]
        for (pattern, template) in rules {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }
}
