import Foundation
import NIOCore

/// The two CHANNEL_CREATE inputs: a real one from capture 21 and a larger synthetic one.
enum ChannelCreate {
    /// The `text/event-plain` CHANNEL_CREATE frame (headers and body, ~2.6 KB) a real switch sent in
    /// `Tests/Fixtures/captures/21_loopback_call_plain.json`, read from the repository at run time.
    static func capturedFrame() -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/captures/21_loopback_call_plain.json")
        struct Capture: Decodable {
            struct Record: Decodable { let dir: String; let label: String; let data: String }
            let records: [Record]
        }
        guard let data = try? Data(contentsOf: url),
              let capture = try? JSONDecoder().decode(Capture.self, from: data),
              let record = capture.records.first(where: { $0.dir == "S->C" && $0.label.contains("CHANNEL_CREATE") })
        else {
            fatalError("no CHANNEL_CREATE in \(url.path); run from a checkout of the repository")
        }
        return record.data
    }

    /// A CHANNEL_CREATE frame shaped like `plain_event_frame` in `Benchmarks/flood.py` (~4.3 KB): the
    /// usual channel and caller headers plus 40 channel variables whose values need URL-encoding.
    static func syntheticFrame(_ index: Int) -> String {
        let uuid = pythonUUID(index)
        let created = String(1_795_694_400_000_000 + index)
        var headers: [(String, String)] = [
            ("Event-Name", "CHANNEL_CREATE"), ("Core-UUID", "6f2f0a1e-4b7e-4c7e-9d1a-2b3c4d5e6f70"),
            ("FreeSWITCH-Hostname", "pbx1"), ("FreeSWITCH-Switchname", "pbx1"), ("FreeSWITCH-IPv4", "10.0.0.5"),
            ("FreeSWITCH-IPv6", "::1"), ("Event-Date-Local", "2026-11-26 12:00:00"),
            ("Event-Date-GMT", "Thu, 26 Nov 2026 12:00:00 GMT"), ("Event-Date-Timestamp", created),
            ("Event-Calling-File", "switch_core_state_machine.c"), ("Event-Calling-Function", "switch_core_session_run"),
            ("Event-Calling-Line-Number", "628"), ("Event-Sequence", String(1000 + index)),
            ("Channel-State", "CS_INIT"), ("Channel-Call-State", "DOWN"), ("Channel-State-Number", "2"),
            ("Channel-Name", "sofia/internal/1000@10.0.0.5"), ("Unique-ID", uuid), ("Call-Direction", "inbound"),
            ("Presence-Call-Direction", "inbound"), ("Channel-HIT-Dialplan", "true"), ("Channel-Call-UUID", uuid),
            ("Answer-State", "ringing"), ("Caller-Direction", "inbound"), ("Caller-Logical-Direction", "inbound"),
            ("Caller-Username", "1000"), ("Caller-Dialplan", "XML"), ("Caller-Caller-ID-Name", "Extension 1000"),
            ("Caller-Caller-ID-Number", "1000"), ("Caller-Network-Addr", "10.0.0.9"), ("Caller-ANI", "1000"),
            ("Caller-Destination-Number", "9664"), ("Caller-Unique-ID", uuid), ("Caller-Source", "mod_sofia"),
            ("Caller-Context", "default"), ("Caller-Channel-Name", "sofia/internal/1000@10.0.0.5"),
            ("Caller-Profile-Index", "1"), ("Caller-Profile-Created-Time", created),
            ("Caller-Channel-Created-Time", created), ("Caller-Channel-Answered-Time", "0"),
            ("Caller-Channel-Hangup-Time", "0"), ("Caller-Screen-Bit", "true"), ("Caller-Privacy-Hide-Name", "false"),
            ("Caller-Privacy-Hide-Number", "false"),
        ]
        headers += (0..<40).map { ("variable_v\($0)", "value with spaces & symbols = \($0)") }
        let body = headers.map { "\($0.0): \(floodEncode($0.1))\n" }.joined() + "\n"
        return "Content-Length: \(body.utf8.count)\nContent-Type: text/event-plain\n\n" + body
    }

    private static let specialBytes = Set("\r\n #%&+:;<=>?@[\\]^`{|}\"".utf8)

    /// `url_encode` in flood.py: `switch_url_encode` without its keep-existing-`%XX` rule (no input has one).
    private static func floodEncode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            if byte < 0x20 || byte > 0x7E || specialBytes.contains(byte) {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }
}
