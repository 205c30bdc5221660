import ESLProtocol

/// When a listener learns that the channel it controls (`myevents <uuid>`, outbound) hung up,
/// which decides what it still sends before its linger notice or goodbye (docs/protocol.md, "Disconnect notices").
/// The switch's listener notices on its own thread, between packets: the mock reproduces where
/// the captures show it.
struct ControlledChannelWatch {
    /// An `async` outbound listener polls on its own thread while its parked channel tears down
    /// at once: it notices after CHANNEL_HANGUP_COMPLETE (captures 27, 28, 73). Any other
    /// notices right after queueing the CHANNEL_HANGUP (captures 23, 28a, 29), except that a
    /// teardown published in one batch reaches it whole (capture 75).
    let noticesAtReport: Bool
    /// CHANNEL_HANGUP of the channel was published.
    private(set) var hungUp = false
    /// CHANNEL_HANGUP_COMPLETE followed: the session is released, so with `myevents` its later
    /// events (CHANNEL_DESTROY) no longer reach the listener (capture 29).
    private(set) var reported = false
    /// The listener has noticed (linger notice or goodbye sent).
    private(set) var noticed = false

    init(mode: ESLServerSession.Mode) {
        if case .outbound(_, true, _) = mode { noticesAtReport = true } else { noticesAtReport = false }
    }

    /// Whether the listener still gets `event` of the controlled channel.
    func delivers(_ event: ESLEvent, controlled: String?, myEvents: Bool) -> Bool {
        !(reported && myEvents && event["Unique-ID"] == controlled)
    }

    /// Follows one published event; returns the channel's name when the listener notices with
    /// this event's batch.
    mutating func observe(_ event: ESLEvent, controlled: String?) -> String? {
        guard let controlled, event["Unique-ID"] == controlled else { return nil }
        switch event["Event-Name"] {
        case "CHANNEL_HANGUP" where !hungUp:
            hungUp = true
            return noticesAtReport || noticed ? nil : event["Channel-Name"] ?? ""
        case "CHANNEL_HANGUP_COMPLETE" where hungUp:
            reported = true
            return noticesAtReport && !noticed ? event["Channel-Name"] ?? "" : nil
        default:
            return nil
        }
    }

    /// The listener noticed: from an event, or at once after a hangup it ran itself (capture 27a).
    mutating func notice() {
        hungUp = true
        noticed = true
    }
}
