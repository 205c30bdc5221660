import ESLProtocol
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOConcurrencyHelpers

/// Makes events the way the switch does: standard headers first (docs/events.md, "Standard headers", captures 12–15),
/// one global `Event-Sequence` shared by every event of this switch. Thread-safe.
public final class EventFactory: Sendable {
    /// Whose headers the events carry.
    public let identity: SwitchIdentity
    /// Where `Event-Date-*` come from.
    public let clock: SwitchClock
    private let sequence: NIOLockedValueBox<UInt64>
    /// The two date texts of the last second stamped: formatting a date costs more than building
    /// the rest of an event, and a busy switch stamps thousands of events in the same second.
    private let dates = NIOLockedValueBox<(second: Int64, local: String, gmt: String)?>(nil)

    /// A factory whose first event gets `firstSequence`. A real switch has fired a few hundred events
    /// (module loads, startup) before anyone connects, hence the default.
    public init(identity: SwitchIdentity, clock: SwitchClock, firstSequence: UInt64 = 400) {
        self.identity = identity
        self.clock = clock
        self.sequence = NIOLockedValueBox(firstSequence)
    }

    /// The next `Event-Sequence` value.
    public func nextSequence() -> UInt64 {
        sequence.withLockedValue { value in
            defer { value += 1 }
            return value
        }
    }

    /// A new event `name` with the standard headers; a CUSTOM event with `subclass` gets
    /// `Event-Subclass` right after `Event-Sequence`. `time` defaults to the clock's now.
    public func makeEvent(_ name: String, subclass: String? = nil, source: SourceLocation, time: Int64? = nil) -> ESLEvent {
        var event = ESLEvent()
        appendStandardHeaders(to: &event, name: name, source: source, time: time)
        if let subclass { event.addHeader("Event-Subclass", subclass) }
        return event
    }

    private func dateTexts(_ micros: Int64) -> (local: String, gmt: String) {
        let second = micros.floorDiv(1_000_000)
        if let cached = dates.withLockedValue({ $0 }), cached.second == second { return (cached.local, cached.gmt) }
        let texts = (local: SwitchTimeText.local(micros, clock.timeZone), gmt: SwitchTimeText.gmt(micros))
        dates.withLockedValue { $0 = (second, texts.local, texts.gmt) }
        return texts
    }

    /// Appends the standard headers, in the switch's order, after whatever `event` already holds:
    /// what `sendevent` does to a client's event (docs/protocol.md, "sendevent").
    public func appendStandardHeaders(to event: inout ESLEvent, name: String, source: SourceLocation, time: Int64? = nil) {
        let micros = time ?? clock.now()
        event.addHeader("Event-Name", name)
        event.addHeader("Core-UUID", identity.coreUUID)
        event.addHeader("FreeSWITCH-Hostname", identity.hostname)
        event.addHeader("FreeSWITCH-Switchname", identity.switchname)
        event.addHeader("FreeSWITCH-IPv4", identity.ipv4)
        event.addHeader("FreeSWITCH-IPv6", identity.ipv6)
        let texts = dateTexts(micros)
        event.addHeader("Event-Date-Local", texts.local)
        event.addHeader("Event-Date-GMT", texts.gmt)
        event.addHeader("Event-Date-Timestamp", String(micros))
        event.addHeader("Event-Calling-File", source.file)
        event.addHeader("Event-Calling-Function", source.function)
        event.addHeader("Event-Calling-Line-Number", String(source.line))
        event.addHeader("Event-Sequence", String(nextSequence()))
    }
}
