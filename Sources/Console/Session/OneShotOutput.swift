/// Where a one-shot run's text goes: straight to stdout and stderr, or, for one switch of a fleet,
/// held until that switch's turn, so that each switch's replies are printed together and the
/// switches in the order given, whichever answers first (docs/console.md, "A fleet of switches").
final class OneShotOutput: Sendable {
    private enum Line {
        case out(String)
        case error(String)
    }

    /// Held lines; nil writes at once.
    private let held: Locked<[Line]>?
    /// The switch's name, put before its messages on stderr (a fleet's output interleaves there).
    let tag: String?
    /// The first failure's message, for the fleet's summary.
    private let failure = Locked<String?>(nil)

    private init(held: Bool, tag: String?) {
        self.held = held ? Locked([]) : nil
        self.tag = tag
    }

    /// Writes at once, untagged: one switch.
    static let immediate = OneShotOutput(held: false, tag: nil)

    /// Holds everything until ``flush()``; stderr messages name `tag`.
    static func held(tag: String) -> OneShotOutput {
        OneShotOutput(held: true, tag: tag)
    }

    /// Text for stdout, already terminated.
    func out(_ text: String) {
        guard let held else { return StandardStreams.out(text) }
        held.withLock { $0.append(.out(text)) }
    }

    /// Records why the switch's run failed, for the fleet's summary; the first reason is kept.
    func fail(_ reason: String) {
        failure.withLock { if $0 == nil { $0 = reason } }
    }

    /// A message for stderr (``StandardStreams/error(_:)`` adds `fscli: `).
    func error(_ message: String) {
        let text = tag.map { "\($0): \(message)" } ?? message
        guard let held else { return StandardStreams.error(text) }
        held.withLock { $0.append(.error(text)) }
    }

    /// The first failure recorded, if any.
    var firstFailure: String? { failure.current }

    /// A message for stderr now, even when the rest is held: progress (a retry) that a person
    /// waiting should see as it happens.
    func progress(_ message: String) {
        StandardStreams.error(tag.map { "\($0): \(message)" } ?? message)
    }

    /// Writes what is held, in the order it came, and forgets it.
    func flush() {
        guard let held else { return }
        let lines = held.withLock { lines in
            defer { lines.removeAll() }
            return lines
        }
        // Consecutive stdout texts go out in one write, so a pipe reader sees whole groups.
        var pending = ""
        for line in lines {
            switch line {
            case .out(let text):
                pending += text
            case .error(let message):
                if !pending.isEmpty { StandardStreams.out(pending); pending = "" }
                StandardStreams.error(message)
            }
        }
        if !pending.isEmpty { StandardStreams.out(pending) }
    }
}
