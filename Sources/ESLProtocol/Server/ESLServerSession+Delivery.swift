/// Which events and log lines this listener gets (docs/protocol.md, "Subscriptions" and "Log frames").
extension ESLServerSession {
    /// Whether a fired event is queued for this listener (`event_handler`): events must be on,
    /// then the subscription test, then the filters, then — with `myevents` — the event must
    /// belong to the controlled channel. Diverted session events bypass this test
    /// (docs/protocol.md, "divert_events").
    public func wantsEvent(_ event: ESLEvent) -> Bool {
        guard eventsEnabled, subscriptions.passesSubscription(event), subscriptions.passesFilters(event) else { return false }
        guard myEvents else { return true }
        if let uniqueID = event["Unique-ID"], controlledSession == nil || uniqueID == controlledSession {
            return true
        }
        // The BACKGROUND_JOB of a bgapi sent on this connection belongs to it too.
        if let owner = event["Job-Owner-UUID"], let session = controlledSession, owner == session {
            return true
        }
        return false
    }

    /// Whether a log line at `level` (0–7) is queued for this listener: logging is on and the
    /// listener's level is at least the line's; `log disable` (-1) passes nothing.
    public func wantsLogLine(level: Int) -> Bool {
        guard let listenerLevel = subscriptions.logLevel else { return false }
        return listenerLevel >= level
    }
}
