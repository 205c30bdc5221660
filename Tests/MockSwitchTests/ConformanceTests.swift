import ESLProtocol
import Foundation
import Logging
@testable import MockSwitch
import TestSupport
import Testing

/// The mock against the real switch: each capture's client side is replayed over a real socket and
/// every frame the mock sends is compared with the captured one, after normalising only what
/// legitimately varies (UUIDs, dates, timestamps, sequence numbers, uptime, CPU and stack figures,
/// lengths that follow from those).
///
/// The outbound captures (27, 27a, 28, 28a, 73, 74) are replayed by ``OutboundConformanceTests``.
/// A call's log lines are checked on 31's loopback originate and uuid_kill only; other teardowns
/// (hupall, user/ legs, transfers) log in an order no capture shows.
/// `FSCLI_REPLAY_TRACE=1` prints each record as the replay reaches it.
@Suite(.timeLimit(.minutes(3))) struct ConformanceTests {
    static let covered = [
        "01_auth_ok", "02_auth_bad", "03_commands_before_auth", "04_api_status", "05_api_version", "06_api_uptime",
        "07_api_show_channels_empty", "08_api_help", "09_api_console_complete", "10_api_console_complete_xml",
        "11_api_unknown", "12_bgapi_status", "13_event_plain_all", "14_event_json_all", "15_event_xml_heartbeat",
        "16_filter", "17_nixevent", "18_noevents", "19_log", "20_sendevent", "21_loopback_call_plain", "22_loopback_call_json_hupall", "23_myevents", "24_sendmsg", "29_myevents_uuid_json_linger", "31_log_during_call", "67_call_originate_variants", "68_call_uuid_ops", "69_call_bridge_and_playback", "70_call_hupall_filters", "75_inbound_divert_and_sendmsg", "76_status_during_calls", "25_linger_exit_inbound",
        "26_invalid_commands", "30_crlf_line_endings", "40_fs_cli_x_status", "41_fs_cli_x_show_channels_json",
        "42_fs_cli_x_unknown", "43_fs_cli_interactive", "50_api_shutdown", "60_core_eval_expand_vars",
        "61_core_text_utils", "62_core_show_tables", "63_core_fsctl", "64_core_alias_help", "65_core_hash",
        "66_core_usage_errors", "71_sched_events", "72_module_load_unload",
    ]

    @Test(arguments: covered)
    func replay(_ name: String) async throws {
        let capture = try Captures.load(name)
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.hostname = "vm"
        configuration.heartbeatInterval = .seconds(3600)  // heartbeats are fired by the replay
        configuration.schedulerInterval = .seconds(3600)  // and so are the scheduler's passes
        // The mock's clock reads the capture's time: what a call does can depend on it (the stock
        // dialplan sets `open=true` in business hours only).
        let capturedTime = capture.records.lazy.compactMap { $0.data.firstMatch(of: /Event-Date-Timestamp: (\d+)/).flatMap { Int64($0.1) } }.first
        let clock = ManualClock(TestSwitch.start)
        if let capturedTime, capturedTime > TestSwitch.start { clock.advance(microseconds: capturedTime - TestSwitch.start) }
        // The captured switch's vars.xml may set its external addresses by STUN, which fails
        // (and logs) on every XML read without a route to the STUN server.
        let core = TestSwitch.make(clock: clock, stunSetFails: capture.records.contains { $0.data.contains("stun-set failed.") })
        Self.continueTaskNumbering(core, capture)
        Self.continueSessionNumbering(core, capture)
        let schedulerTimeline: Int64? = capture.records.contains { $0.label.contains("_SCHEDULE") && !$0.data.contains("Task-Group: core") }
            ? capture.records.lazy.compactMap { record in
                record.data.firstMatch(of: /Event-Date-Timestamp: (\d+)/).flatMap { Int64($0.1) }.map { $0 - Int64(record.t * 1_000_000) }
            }.first
            : nil
        let mock = try await MockSwitchServer.start(configuration, core: core, logger: Self.quiet)
        var clients: [String: WireClient] = [:]
        var clockAdvanced = false
        // The mock makes its own channel UUIDs: a capture's UUID is replaced by the one the mock
        // printed in the same place, so later commands name the mock's channels.
        var uuids: [String: String] = [:]
        var skip = 0
        var closed: Set<String> = []
        var passesRun: Set<Int> = []
        /// One pass of the scheduler, at the capture's time for it. What the channels had time
        /// to finish before it (a short playback) finishes first.
        func runPass(_ pass: (index: Int, stamp: Int64), before index: Int) async {
            guard passesRun.insert(pass.index).inserted else { return }
            if let last = capture.records[..<index].lazy.compactMap(Self.stamp).last, pass.stamp > last {
                await core.calls.settle(within: .microseconds(pass.stamp - last))
            }
            if pass.stamp > clock.clock.now() { clock.advance(microseconds: pass.stamp - clock.clock.now()) }
            await mock.runSchedulerPass()
        }
        for (index, record) in capture.records.enumerated() {
            if ProcessInfo.processInfo.environment["FSCLI_REPLAY_TRACE"] != nil { print("TRACE \(name) #\(index) \(record.dir) \(record.label)") }
            if skip > 0 {
                skip -= 1
                continue
            }
            let tag = record.label.firstMatch(of: /\[([A-Z0-9]+)\]$/).map { String($0.1) } ?? "-"
            if clients[tag] == nil, record.dir != "NOTE" {
                clients[tag] = try await WireClient(port: mock.port)
            }
            guard let client = clients[tag] else { continue }
            switch record.dir {
            case "C->S":
                // A scheduler capture's commands compute run times from the clock: keep the mock's
                // clock on the capture's timeline (its t, anchored at the first event's date).
                if let anchor = schedulerTimeline, case let target = anchor + Int64(record.t * 1_000_000), target > clock.clock.now() {
                    clock.advance(microseconds: target - clock.clock.now())
                }
                do {
                    try await client.send(Self.substitute(uuids, in: record.data))
                } catch where closed.contains(tag) {
                    // The capture's client wrote to a socket the switch had already closed.
                }
            case "S->C":
                // The scheduler's thread runs a pass where the capture shows one, at its time.
                if let pass = Self.pendingSchedulerPass(capture.records, from: index), pass.index == index {
                    await runPass(pass, before: index)
                }
                // HEARTBEAT and its RE_SCHEDULEs come from the core's timer: fire one tick where the capture shows it
                // (a listener without HEARTBEAT sees the tick as the heartbeat task's RE_SCHEDULE).
                let previous = capture.records[..<index].last { $0.dir == "S->C" && Self.tag($0) == tag }
                if record.label.contains("Event-Name=HEARTBEAT") || (record.label.contains("Event-Name=RE_SCHEDULE")
                    && record.data.contains("Task-Desc: heartbeat") && previous?.label.contains("Event-Name=HEARTBEAT") != true) {
                    // The core re-schedules check_ip once a minute of uptime: be a minute up when the capture shows it.
                    let tick = capture.records[index...].prefix { $0.label.contains("Event-Name=HEARTBEAT") || $0.label.contains("Event-Name=RE_SCHEDULE") }
                    if tick.contains(where: { $0.data.contains("check_ip") }), !clockAdvanced {
                        clock.advance(microseconds: 60_000_000)
                        clockAdvanced = true
                    }
                    var beat = core.heartbeat()
                    // The mock's clock reads the capture's time, not its uptime: step out of the
                    // minute's check_ip window when the capture's tick has none.
                    if !tick.contains(where: { $0.data.contains("check_ip") }), beat.contains(where: { $0["Task-Desc"] == "check_ip" }) {
                        clock.advance(microseconds: 30_000_000)
                        beat = core.heartbeat()
                    }
                    mock.publish(events: beat)
                } else if Self.isChannelEvent(record) {
                    // Each channel runs in its own thread on the switch, so the events of different
                    // channels interleave differently from run to run; a burst of them is compared
                    // as a whole, byte for byte, and in order per channel.
                    let burst = Array(capture.records[index...].prefix { $0.dir == "S->C" && Self.isChannelEvent($0) && Self.tag($0) == tag })
                    skip = burst.count - 1
                    var got: [String] = []
                    for (offset, expected) in burst.enumerated() {
                        // A task that acts in the scheduler's thread (sched_hangup's CHANNEL_HANGUP)
                        // shows its work before the pass's DEL_SCHEDULE: the pass runs when the
                        // burst reaches its time.
                        if let pass = Self.pendingSchedulerPass(capture.records, from: index + offset),
                           let stamp = Self.stamp(expected), stamp >= pass.stamp {
                            await runPass(pass, before: index + offset)
                        }
                        let frame = try #require(try await client.next(like: expected.data), "\(name): the mock closed where the capture shows \(expected.label)")
                        got.append(String(buffer: frame.encoded))
                        if ProcessInfo.processInfo.environment["FSCLI_REPLAY_TRACE"] != nil {
                            print("TRACE   \(name) got \(got.last!.firstMatch(of: /Event-Name: ([A-Z_]+)/).map { String($0.1) } ?? "?")")
                        }
                    }
                    Self.compareBurst(got: got, want: burst.map(\.data), uuids: &uuids, name: "\(name) #\(index)")
                    continue
                }
                let frame = try #require(try await client.next(like: record.data), "\(name): the mock closed where the capture shows \(record.label)")
                let got = String(buffer: frame.encoded)
                Self.learn(&uuids, captured: record.data, got: got)
                #expect(Self.normalise(got) == Self.normalise(record.data), "\(name): \(record.label)")
                // FSCLI_REPLAY_DUMP=<dir> writes each mismatch, normalised, as -got/-want files to diff.
                if let dump = ProcessInfo.processInfo.environment["FSCLI_REPLAY_DUMP"], Self.normalise(got) != Self.normalise(record.data) {
                    try? Self.normalise(got).write(toFile: "\(dump)/\(name)-\(index)-got.txt", atomically: true, encoding: .utf8)
                    try? Self.normalise(record.data).write(toFile: "\(dump)/\(name)-\(index)-want.txt", atomically: true, encoding: .utf8)
                }
            default:
                if record.label.contains("client (fs_cli) closed its side") {
                    try await client.closeOutput()
                } else if record.label.contains("server closed") {
                    closed.insert(tag)
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

    /// Task ids count every task of the switch's life: the mock continues where the captured
    /// switch had got to (its first new task's id, and the id mod_hash's task held).
    static func continueTaskNumbering(_ core: SwitchCore, _ capture: Capture) {
        let text = capture.records.filter { $0.dir == "S->C" }.map(\.data).joined(separator: "\n")
        guard let next = text.firstMatch(of: /Added(?: task|:) (\d+)/).flatMap({ Int($0.1) }) else { return }
        let hashTask = [text.firstMatch(of: /Task-ID: (\d+)\nTask-Desc: limit_hash_cleanup/).map { ($0.range.lowerBound, $0.1) },
                        text.firstMatch(of: /\n(\d+),limit_hash_cleanup,/).map { ($0.range.lowerBound, $0.1) }]
            .compactMap { $0 }.min { $0.0 < $1.0 }.flatMap { Int($0.1) }
        core.continueTaskNumbering(at: next, renumbering: hashTask.map { ["limit_hash_cleanup": $0] } ?? [:])
    }

    /// Session ids count every session of the switch's life (`Session 21`, `Tot 21`): the mock
    /// continues where the captured switch had got to, read from its first state change's total.
    static func continueSessionNumbering(_ core: SwitchCore, _ capture: Capture) {
        let text = capture.records.filter { $0.dir == "S->C" }.map(\.data).joined(separator: "\n")
        guard let total = text.firstMatch(of: /\(Cur \d+ Tot (\d+)\)/).flatMap({ Int($0.1) }) else { return }
        // That total already counts the first leg.
        core.updateStatistics { $0.sessionsSinceStartup = total - 1 }
    }

    /// A frame the scheduler's thread sends: a task run or removed (not the core's heartbeat
    /// and check_ip, which the heartbeat tick re-arms).
    static func isSchedulerPass(_ record: CaptureRecord) -> Bool {
        record.label.contains("Event-Name=DEL_SCHEDULE") || record.data.contains("switch_scheduler.c:147 Deleting task")
            || (record.label.contains("Event-Name=RE_SCHEDULE") && !record.data.contains("Task-Group: core"))
    }

    /// The next scheduler pass the capture shows before the client's next command, with the
    /// time it ran.
    static func pendingSchedulerPass(_ records: [CaptureRecord], from index: Int) -> (index: Int, stamp: Int64)? {
        for (position, record) in records[index...].enumerated() {
            if record.dir == "C->S" { return nil }
            if isSchedulerPass(record) {
                let stamp = records[(index + position)...].lazy.compactMap(Self.stamp).first
                return stamp.map { (index + position, $0) }
            }
        }
        return nil
    }

    static func stamp(_ record: CaptureRecord) -> Int64? {
        record.data.firstMatch(of: /Event-Date-Timestamp: (\d+)/).flatMap { Int64($0.1) }
    }

    static func tag(_ record: CaptureRecord) -> String {
        record.label.firstMatch(of: /\[([A-Z0-9]+)\]$/).map { String($0.1) } ?? "-"
    }

    static func isChannelEvent(_ record: CaptureRecord) -> Bool {
        record.dir == "S->C" && record.label.contains("text/event-") && !record.label.contains("Event-Name=HEARTBEAT")
            && !record.label.contains("_SCHEDULE")
    }

    /// The channel a frame belongs to (its `Unique-ID` in any format), or "" for other events.
    static func channelKey(_ frame: String) -> String {
        frame.firstMatch(of: /Unique-ID(?:: |":"|>)([0-9a-f-]{36})/).map { String($0.1) } ?? ""
    }

    static func compareBurst(got: [String], want: [String], uuids: inout [String: String], name: String) {
        let normalisedGot = got.map(normalise), normalisedWant = want.map(normalise)
        #expect(normalisedGot.sorted() == normalisedWant.sorted(), "\(name): the burst of \(want.count) events differs")
        // Pair each expected frame with an identical one of the mock's, in order, to learn UUIDs.
        var unused = Array(got.indices)
        for (index, frame) in want.enumerated() {
            guard let match = unused.firstIndex(where: { normalisedGot[$0] == normalisedWant[index] }) else {
                if let dump = ProcessInfo.processInfo.environment["FSCLI_REPLAY_DUMP"] {
                    try? normalisedWant[index].write(toFile: "\(dump)/\(name)-\(index)-want.txt", atomically: true, encoding: .utf8)
                    let guess = unused.first.map { normalisedGot[$0] } ?? ""
                    try? guess.write(toFile: "\(dump)/\(name)-\(index)-got.txt", atomically: true, encoding: .utf8)
                }
                continue
            }
            learn(&uuids, captured: frame, got: got[unused[match]])
            unused.remove(at: match)
        }
        // Every frame of the mock's that matched none of the capture's, to diff against the wants.
        if let dump = ProcessInfo.processInfo.environment["FSCLI_REPLAY_DUMP"] {
            for index in unused {
                try? normalisedGot[index].write(toFile: "\(dump)/\(name)-unmatched-\(index)-got.txt", atomically: true, encoding: .utf8)
            }
        }
        // Per channel, the order must be the switch's.
        let ours = Dictionary(grouping: got.indices, by: { channelKey(got[$0]) })
        for (their, indices) in Dictionary(grouping: want.indices, by: { channelKey(want[$0]) }) {
            let mine = ours[uuids[their] ?? their] ?? []
            #expect(mine.map { normalisedGot[$0] } == indices.map { normalisedWant[$0] }, "\(name): events of channel \(their) out of order")
        }
    }

    static var uuidPattern: Regex<Substring> { /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/ }

    static func learn(_ uuids: inout [String: String], captured: String, got: String) {
        let theirs = captured.matches(of: uuidPattern).map { String($0.output) }
        let ours = got.matches(of: uuidPattern).map { String($0.output) }
        guard theirs.count == ours.count else { return }
        for (their, our) in zip(theirs, ours) where uuids[their] == nil { uuids[their] = our }
    }

    static func substitute(_ uuids: [String: String], in text: String) -> String {
        text.replacing(uuidPattern) { uuids[String($0.output)] ?? String($0.output) }
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
            // A call's times: epochs (s, µs) of this decade, and the durations between them.
            ("\\b1[78]\\d{14}\\b", "<usec>"),
            ("\\b1[78]\\d{8}\\b", "<epoch>"),
            ("(variable_[a-z_]*(sec|msec|usec|duration))(: |\":\"|>)\\d+", "$1$3<n>"),
            // Sessions the switch made before the capture started.
            ("(variable_session_id)(: |\":\"|>)\\d+", "$1$2<n>"),
            ("(Session-(?:Per-Sec-Max|Per-Sec-FiveMin|Since-Startup|Peak-Max))(: |\":\"|>)\\d+", "$1$2<n>"),
            // How much of a playback played before uuid_break depends on the replay's timing.
            ("(variable_playback_(?:last_offset_pos|seconds|ms|samples))(: |\":\"|>)\\d+", "$1$2<n>"),
            // So does how long uuid_record recorded.
            ("(variable_record_(?:file_size|samples|seconds|ms))(: |\":\"|>)\\d+", "$1$2<n>"),
            // uuid_dump prints raw values in brackets.
            ("(Event-Sequence|variable_session_id): \\[\\d+\\]", "$1: [<n>]"),
        ]
        for (pattern, template) in rules {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }
}
