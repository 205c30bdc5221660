import ESLProtocol
import ESLRecording

/// A recording's events and log lines, ready to be played to a switch's listeners at their
/// original pace (docs/recording.md, "Playing one back"): `fscli mock --replay`.
///
/// Events and log lines are published through the switch's own event bus, so each listener gets
/// them as it gets the switch's own: in the format it subscribed with, through its filters, log
/// lines by its level. Every other frame (the replies the recording console got) is skipped.
public struct RecordingReplay: Sendable {
    /// One frame to publish, `offset` microseconds after the first.
    enum Item: Sendable {
        case event(ESLEvent, offset: Int64)
        case logLine(ESLLogLine, offset: Int64)

        var offset: Int64 {
            switch self {
            case .event(_, let offset), .logLine(_, let offset): offset
            }
        }
    }

    let items: [Item]
    /// How many of the recording's frames are events, log lines, and neither (skipped).
    public let eventCount: Int
    public let logLineCount: Int
    public let skippedCount: Int

    /// The playable frames of `records`, in the file's order; `source` names the file in errors.
    /// An event frame whose body does not decode is refused, naming its record.
    public init(_ records: [RecordedFrame], source: String) throws(RecordingError) {
        var items: [Item] = []
        var (events, logLines, skipped) = (0, 0, 0)
        // Offsets from the first record, never going back: a clock set back while recording
        // plays the later frames at once rather than out of order.
        var last: Int64 = 0
        let first = records.first?.time ?? 0
        for (index, record) in records.enumerated() {
            let offset = max(last, record.time - first)
            last = offset
            switch ESLMessage(frame: record.frame) {
            case .event(let frame):
                do {
                    items.append(.event(try frame.decode(), offset: offset))
                } catch {
                    throw RecordingError("\(source): record \(index + 1) (@\(Self.timeText(record.time))): the event does not decode: \(error.message)")
                }
                events += 1
            case .log(let line):
                items.append(.logLine(line, offset: offset))
                logLines += 1
            default:
                skipped += 1
            }
        }
        self.items = items
        (eventCount, logLineCount, skippedCount) = (events, logLines, skipped)
    }

    /// How long one pass takes at `speed`.
    public func duration(speed: Double) -> Duration {
        .microseconds(Double(items.last?.offset ?? 0) / speed)
    }

    /// Plays the recording on `server` (`speed` 2 plays twice as fast), once or, with `loop`, until
    /// cancelled; `passFinished` hears the number of each pass that ends. Returns the task playing.
    public func start(on server: MockSwitchServer, speed: Double, loop: Bool,
                      passFinished: @escaping @Sendable (Int) -> Void = { _ in }) -> Task<Void, Never> {
        let items = self.items
        return Task {
            guard !items.isEmpty else { return }
            let clock = ContinuousClock()
            var pass = 0
            repeat {
                pass += 1
                let start = clock.now
                var index = 0
                while index < items.count {
                    let due = start + .microseconds(Double(items[index].offset) / speed)
                    if due > clock.now {
                        guard (try? await clock.sleep(until: due)) != nil else { return }
                    }
                    // Everything due by now goes out together, a run of one kind per publication
                    // (the bus hands a listener a publication's log lines before its events).
                    index = Self.publishDue(items, from: index, start: start, speed: speed, now: clock.now, on: server)
                }
                passFinished(pass)
            } while loop && !Task.isCancelled
        }
    }

    /// Publishes the items from `index` that are due at `now`, the first one always; returns the
    /// index after the last published.
    private static func publishDue(_ items: [Item], from index: Int, start: ContinuousClock.Instant, speed: Double,
                                   now: ContinuousClock.Instant, on server: MockSwitchServer) -> Int {
        var index = index
        var events: [ESLEvent] = []
        var logLines: [ESLLogLine] = []
        func flush() {
            if !events.isEmpty { server.publish(events: events) }
            if !logLines.isEmpty { server.publish(logLines: logLines) }
            events.removeAll()
            logLines.removeAll()
        }
        repeat {
            switch items[index] {
            case .event(let event, _):
                if !logLines.isEmpty { flush() }
                events.append(event)
            case .logLine(let line, _):
                if !events.isEmpty { flush() }
                logLines.append(line)
            }
            index += 1
        } while index < items.count && start + .microseconds(Double(items[index].offset) / speed) <= now
        flush()
        return index
    }

    /// `1764769126.081933`, as the recording writes times.
    static func timeText(_ time: Int64) -> String {
        let micros = String(time % 1_000_000)
        return "\(time / 1_000_000).\(String(repeating: "0", count: 6 - micros.count))\(micros)"
    }
}
