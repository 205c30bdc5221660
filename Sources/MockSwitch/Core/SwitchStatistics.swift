/// The session and CPU figures of `status` and HEARTBEAT (docs/events.md, "Core events";
/// docs/api-output.md, "status"). Plain values: the core keeps one and updates it as simulated calls come and go.
public struct SwitchStatistics: Sendable, Hashable {
    /// Sessions up now.
    public var sessionCount: Int = 0
    /// Sessions created since start-up.
    public var sessionsSinceStartup: Int = 0
    /// Most sessions up at once.
    public var sessionPeak: Int = 0
    /// Most sessions up at once in the last five minutes.
    public var sessionPeakFiveMinutes: Int = 0
    /// `max-sessions` (default 1000).
    public var maxSessions: Int = 1000
    /// `sessions-per-second` limit (default 30).
    public var sessionsPerSecondLimit: Int = 30
    /// Sessions created in the last second.
    public var sessionsPerSecondLast: Int = 0
    /// Highest sessions-per-second seen.
    public var sessionsPerSecondPeak: Int = 0
    /// Highest sessions-per-second in the last five minutes.
    public var sessionsPerSecondPeakFiveMinutes: Int = 0
    /// Current idle CPU percentage (HEARTBEAT `Idle-CPU`, log line prefix).
    public var idleCPU: Double = 99.6
    /// `min-idle-cpu` setting shown by `status` (0 = off).
    public var minimumIdleCPU: Double = 0
    /// `Current Stack Size/Max` in KiB, as Linux reports it for the switch's threads.
    public var stackSizeKiB: Int = 240
    /// The stack limit in KiB.
    public var stackMaxKiB: Int = 8192

    /// The figures of a switch with no calls yet.
    public init() {}

    /// Sessions created so far in the second `window` (epoch seconds).
    private var createdThisSecond = 0
    private var window: Int64 = 0
    /// When the five-minute peaks were last reset (epoch seconds).
    private var fiveMinuteWindow: Int64 = 0

    /// Counts a new session, created at `second` (epoch seconds).
    mutating func sessionCounted(at second: Int64) {
        advance(to: second)
        createdThisSecond += 1
        sessionsSinceStartup += 1
    }

    /// A channel was added: `up` are up now.
    mutating func channelAdded(up: Int) {
        sessionCount = up
        sessionPeak = max(sessionPeak, up)
        sessionPeakFiveMinutes = max(sessionPeakFiveMinutes, up)
    }

    /// Moves the per-second figures on to `second`, as the switch's once-a-second tick does: the
    /// last full second's count becomes `sessionsPerSecondLast` (zero after a quiet second), and
    /// the five-minute peaks start again every five minutes.
    mutating func advance(to second: Int64) {
        if fiveMinuteWindow == 0 { fiveMinuteWindow = second }
        if second - fiveMinuteWindow >= 300 {
            fiveMinuteWindow = second
            sessionPeakFiveMinutes = sessionCount
            sessionsPerSecondPeakFiveMinutes = 0
        }
        guard second > window else { return }
        sessionsPerSecondLast = second == window + 1 ? createdThisSecond : 0
        sessionsPerSecondPeak = max(sessionsPerSecondPeak, sessionsPerSecondLast)
        sessionsPerSecondPeakFiveMinutes = max(sessionsPerSecondPeakFiveMinutes, sessionsPerSecondLast)
        createdThisSecond = 0
        window = second
    }
}
