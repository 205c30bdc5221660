/// The waits between reconnection attempts after the switch went away (`-R`): short at first, so a
/// switch that only dropped the connection is back at once, doubling up to a cap of one second, so
/// a restarted switch is found within a second of listening again however long it was down (an
/// attempt on a closed port costs the switch nothing). fs_cli waits 1 s between each of its 119
/// attempts and then gives up; fscli keeps trying until the operator leaves.
public struct ReconnectBackoff: Sendable, Equatable {
    /// The first wait.
    public var initial: Duration
    /// The longest wait.
    public var maximum: Duration
    private var nextWait: Duration

    /// A backoff from `initial`, doubling up to `maximum`.
    public init(initial: Duration = .milliseconds(250), maximum: Duration = .seconds(1)) {
        self.initial = initial
        self.maximum = maximum
        self.nextWait = initial
    }

    /// The wait before the next attempt.
    public mutating func next() -> Duration {
        let wait = nextWait
        nextWait = min(maximum, nextWait * 2)
        return wait
    }
}
