extension ConsoleStateMachine {
    /// The status line as things stand.
    var statusLine: StatusLine {
        let linkText: String
        switch link {
        case .connected: linkText = "connected"
        case .disconnected: linkText = "disconnected"
        case .reconnecting(let attempts, let lastError):
            linkText = attempts == 0 ? "reconnecting" : "reconnecting (\(attempts) attempt\(attempts == 1 ? "" : "s") failed\(lastError.map { ": " + $0 } ?? ""))"
        }
        var running: String?
        if let inFlight {
            running = "\(inFlight.line) · \(Self.seconds(now - inFlight.started))"
        }
        return StatusLine(
            address: configuration.address, switchName: identity.switchName, link: linkText,
            subscriptions: SubscriptionReport.summary(subscriptions), eventsPerSecond: eventsPerSecond,
            dropped: dropped, running: running, recording: recording != nil)
    }

    /// `2.1 s`: one decimal, as the status line and the reconnect line show durations.
    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let tenths = (Double(parts.seconds) + Double(parts.attoseconds) / 1e18) * 10
        let rounded = Int(tenths.rounded())
        return "\(rounded / 10).\(rounded % 10) s"
    }
}
