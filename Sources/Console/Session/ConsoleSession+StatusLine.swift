extension ConsoleSession {
    /// Keeps the pane's status line up to date: now, then about once a second until the session ends
    /// (connection changes also update it at once, see ``updateStatusLine()``).
    func startStatusLine() {
        let ticker = Task {
            var rate = EventRate()
            while !Task.isCancelled {
                let perSecond = rate.sample(count: eventCount.current, at: .now)
                statusRate.withLock { $0 = perSecond }
                updateStatusLine()
                do {
                    try await Task.sleep(for: .seconds(1))
                } catch {
                    return
                }
            }
        }
        statusLineEnabled.withLock { $0 = true }
        track(ticker)
    }

    /// Sends the status line's current text to the terminal (when the pane is in use).
    func updateStatusLine() {
        guard statusLineEnabled.current else { return }
        queue.setStatus(statusLine.text)
    }

    /// The status line as things stand.
    var statusLine: StatusLine {
        let (connection, identity, subscriptions, reconnecting) = state.withLock {
            ($0.connection, $0.identity, $0.subscriptions, $0.isReconnecting)
        }
        let link: StatusLine.LinkState = connection != nil ? .connected : reconnecting ? .reconnecting : .disconnected
        return StatusLine(
            address: self.link.address, switchName: identity.switchName, link: link,
            subscriptions: SubscriptionReport.summary(subscriptions), eventsPerSecond: statusRate.current,
            dropped: queue.droppedTotal + (connection?.droppedCount ?? 0))
    }
}
