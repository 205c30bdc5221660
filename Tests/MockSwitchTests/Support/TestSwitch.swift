import Foundation
import MockSwitch
import NIOConcurrencyHelpers

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let value: NIOLockedValueBox<Int64>
    init(_ micros: Int64) { value = NIOLockedValueBox(micros) }
    func advance(microseconds: Int64) { value.withLockedValue { $0 += microseconds } }
    var clock: SwitchClock {
        SwitchClock(timeZone: SwitchTimeZone.utc) { [value] in value.withLockedValue { $0 } }
    }
}

enum TestSwitch {
    /// 2026-11-26 14:45:30.067191 UTC, about when the captures were taken.
    static let start: Int64 = 1_795_704_330_067_191

    /// A core that looks like the captured switch (host `vm`, 192.0.2.2, fd00::2).
    static func make(clock: ManualClock, firstSequence: UInt64 = 421, stunSetFails: Bool = false) -> SwitchCore {
        let identity = SwitchIdentity(
            coreUUID: "4939d807-9850-4fa3-9371-a73ec1146b39", hostname: "vm", ipv4: "192.0.2.2", ipv6: "fd00::2",
            startTime: start)
        return SwitchCore(identity: identity, clock: clock.clock, firstSequence: firstSequence, stunSetFails: stunSetFails)
    }
}

/// Replaces what legitimately varies between runs by placeholders, so texts compare byte for byte.
enum Normalise {
    static func text(_ input: String) -> String {
        var text = input
        let rules: [(String, String)] = [
            ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>"),
            ("\\d{4}-\\d\\d-\\d\\d( |%20)\\d\\d(:|%3A)\\d\\d(:|%3A)\\d\\d(\\.\\d{6})?", "<date>"),
            ("[A-Z][a-z]{2},( |%20)\\d\\d( |%20)[A-Z][a-z]{2}( |%20)\\d{4}( |%20)\\d\\d(:|%3A)\\d\\d(:|%3A)\\d\\d( |%20)GMT", "<gmt>"),
            ("(Event-Date-Timestamp|Event-Sequence|Uptime-msec|Task-Runtime)(: |\":\"|>)\\d+", "$1$2<n>"),
            ("\\d+(( |%20)(years?|days?|hours?|minutes?|seconds?|milliseconds?|microseconds?))", "<n>$1"),
            ("\\d+\\.\\d\\d/\\d+\\.\\d\\d", "<cpu>"),
            ("\\d+\\.\\d+%", "<cpu>%"),
            ("Idle-CPU(: |\":\"|>)\\d+\\.\\d{6}", "Idle-CPU$1<cpu>"),
            ("Content-Length(: |\":\")\\d+", "Content-Length$1<n>"),
        ]
        for (pattern, template) in rules {
            let regex = try! NSRegularExpression(pattern: pattern)
            text = regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text
    }
}
