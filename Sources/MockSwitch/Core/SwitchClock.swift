#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the simulated switch reads the time: every date it prints (event headers, log lines, uptime)
/// comes from here, so tests can pin it instead of sleeping.
public struct SwitchClock: Sendable {
    /// Microseconds since the Unix epoch, as FreeSWITCH's `switch_micro_time_now()`.
    public var microsecondsSinceEpoch: @Sendable () -> Int64
    /// The zone of `Event-Date-Local` and of log line stamps.
    public var timeZone: SwitchTimeZone

    /// A clock reading `now`, printing local times in `timeZone`.
    public init(timeZone: SwitchTimeZone = .current, microsecondsSinceEpoch: @escaping @Sendable () -> Int64) {
        self.timeZone = timeZone
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// The machine's wall clock and time zone.
    public static let system = SwitchClock {
        var value = timeval()
        gettimeofday(&value, nil)
        return Int64(value.tv_sec) * 1_000_000 + Int64(value.tv_usec)
    }

    /// The current time in microseconds since the epoch.
    public func now() -> Int64 { microsecondsSinceEpoch() }
}
