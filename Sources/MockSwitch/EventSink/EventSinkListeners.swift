import ESLProtocol
import NIOConcurrencyHelpers

/// mod_event_socket's stateful listeners: the ones event_sink creates. They outlive the HTTP
/// connection that made them, anyone who knows an id may use it, and ids count up from 1 for the
/// life of the switch, never reused. Thread-safe.
public final class EventSinkListeners: Sendable {
    struct State: Sendable {
        var lastID: UInt32 = 0
        var listeners: [UInt32: EventSinkListener] = [:]
        var compatibility = EventSinkCompatibility.legacy
    }

    let state = NIOLockedValueBox(State())

    init() {}

    /// Which release's behaviour the listeners follow (default ``EventSinkCompatibility/legacy``).
    public var compatibility: EventSinkCompatibility {
        get { state.withLockedValue { $0.compatibility } }
        set { state.withLockedValue { $0.compatibility = newValue } }
    }

    /// The ids of the listeners alive now, in order.
    public var ids: [UInt32] { state.withLockedValue { $0.listeners.keys.sorted() } }

    /// What mod_event_socket's event handler and logger do with a fired event or log line: every
    /// event first expires the listeners idle too long (the only place expiry happens), then
    /// listeners queue what they asked for, unless they are never running (``EventSinkCompatibility/current``).
    /// Returns the ids that expired and should be reported (see ``EventSinkListener/lockLeaked``).
    func offer(events: [ESLEvent], logLines: [ESLLogLine], now: Int64) -> [UInt32] {
        state.withLockedValue { state in
            guard !state.listeners.isEmpty else { return [] }
            var reported: [UInt32] = []
            if !events.isEmpty {
                for (id, listener) in state.listeners where listener.isIdle(now: now) {
                    state.listeners.removeValue(forKey: id)
                    if !listener.lockLeaked { reported.append(id) }
                }
            }
            guard state.compatibility == .legacy else { return reported.sorted() }
            for id in state.listeners.keys {
                state.listeners[id]?.offer(events, logLines)
            }
            return reported.sorted()
        }
    }
}
