/// The pane's status line: where the console is connected, how, and how busy the stream is.
///
/// `127.0.0.1:8021 freeswitch | connected | events plain ALL, log debug (7) | 12 events/s | 0 dropped`
struct StatusLine: Sendable, Equatable {
    /// The connection's state as the status line names it.
    enum LinkState: String, Sendable {
        case connected, reconnecting, disconnected
    }

    var address: String
    var switchName: String
    var link: LinkState
    /// ``SubscriptionReport/summary(_:)``.
    var subscriptions: String
    var eventsPerSecond: Int
    /// Lines and events the console could not show (the terminal's and the connection's).
    var dropped: Int

    /// The line's text.
    var text: String {
        "\(address) \(switchName) | \(link.rawValue) | \(subscriptions) | \(eventsPerSecond) event\(eventsPerSecond == 1 ? "" : "s")/s | \(dropped) dropped"
    }
}

/// Events per second from a running count sampled about once a second.
struct EventRate: Sendable {
    private var lastCount = 0
    private var lastTime: ContinuousClock.Instant?

    /// The rate since the previous sample (0 for the first), rounded.
    mutating func sample(count: Int, at time: ContinuousClock.Instant) -> Int {
        defer {
            lastCount = count
            lastTime = time
        }
        guard let lastTime else { return 0 }
        let elapsed = time - lastTime
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds > 0 else { return 0 }
        return Int((Double(count - lastCount) / seconds).rounded())
    }
}
