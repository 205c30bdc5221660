/// The pane's status line: where the console is connected, how, and how busy the stream is.
///
/// `127.0.0.1:8021 freeswitch | connected | events plain ALL, log debug (7) | 12 events/s | 0 dropped`
/// (with `| rec` after `connected` while recording)
/// While a command runs, it is named with how long it has taken: `… | connected | msleep 3000 · 2.1 s | …`.
struct StatusLine: Sendable, Equatable {
    var address: String
    var switchName: String
    /// `connected`, `disconnected`, `reconnecting (3 attempts failed: …)`.
    var link: String
    /// ``SubscriptionReport/summary(_:)``.
    var subscriptions: String
    var eventsPerSecond: Int
    /// Lines and events the console could not show (the terminal's and the connection's).
    var dropped: Int
    /// The command in flight and for how long, if any.
    var running: String?
    /// A recording is on (`--record`, `/record`): shown as `rec` after the link state.
    var recording = false

    /// The line's text.
    var text: String {
        // The running command comes early: a narrow terminal cuts the line's end.
        "\(address) \(switchName) | \(link)\(recording ? " | rec" : "") | " + (running.map { $0 + " | " } ?? "")
            + "\(subscriptions) | \(eventsPerSecond) event\(eventsPerSecond == 1 ? "" : "s")/s | \(dropped) dropped"
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
