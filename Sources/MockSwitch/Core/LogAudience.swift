import NIOConcurrencyHelpers

/// Which log levels some listener takes (`log N` on any connection): the call engine asks before
/// it formats a line, so a switch nobody logs from makes none of a call's ~250 lines.
public final class LogAudience: Sendable {
    private struct Levels: Sendable {
        var byListener: [UInt64: Int] = [:]
        /// The highest level any listener takes, -1 when none logs.
        var highest = -1
    }

    private let levels = NIOLockedValueBox(Levels())

    /// An audience with nobody logging.
    public init() {}

    /// The highest level some listener takes (0–7), or -1 when nobody logs: one uncontended lock,
    /// read once per change to the calls.
    public var highestLevel: Int {
        levels.withLockedValue { $0.highest }
    }

    /// A listener's level changed (`log N`, `nolog`: `nil`, or it left).
    func set(_ level: Int?, for listener: UInt64) {
        levels.withLockedValue { levels in
            levels.byListener[listener] = level
            levels.highest = levels.byListener.values.max() ?? -1
        }
    }
}
