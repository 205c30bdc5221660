import ESLClient
import ESLProtocol

/// Turns a burst of notifications into one text, and summarises each event once, for the compact
/// line and for what completion learns. A value with no state of its own, so two halves of a
/// burst can be rendered at once.
struct BatchRenderer: Sendable {
    /// Bursts at least this long are worth splitting between two tasks.
    static let parallelThreshold = 256

    let logs: LogRenderer
    let events: EventRenderer
    let palette: Palette
    let filters: LogFilters
    let view: EventView
    let format: ESLEventFormat

    /// What a burst (or part of one) came to.
    struct Rendered: Sendable {
        var output = ""
        var lines = 0
        var events = 0
        var summaries: [(ReceivedEvent, EventSummary)] = []

        /// This, followed by what came after it.
        mutating func append(_ next: Rendered) {
            output += next.output
            lines += next.lines
            events += next.events
            summaries += next.summaries
        }
    }

    func render(_ batch: ArraySlice<ESLNotification>) -> Rendered {
        // Made here, not held: a compiled regex cannot be shared between the two tasks.
        let shows = filters.matcher()
        var rendered = Rendered()
        rendered.summaries.reserveCapacity(batch.count)
        for notification in batch {
            switch notification {
            case .log(let line):
                guard shows(line), logs.append(line, to: &rendered.output) else { continue }
                rendered.lines += 1
                continue
            case .event(let event):
                let summary = EventSummary(event)
                rendered.summaries.append((.decoded(event), summary))
                rendered.output += view == .compact ? events.compact(summary) : events.render(event, view: view, format: format)
                rendered.events += 1
            case .eventFrame(let frame):
                rendered.events += 1
                do throws(ESLProtocolError) {
                    let summary = try EventSummary(frame)
                    rendered.summaries.append((.frame(frame), summary))
                    rendered.output += try events.render(frame, summary: summary, view: view)
                } catch {
                    rendered.output += events.renderUndecodable(frame, error)
                }
            case .undecodableEvent(let frame, let error):
                rendered.output += events.renderUndecodable(frame, error)
            case .linger(let notice):
                rendered.output += palette.notice("the switch lingers: \(notice.message.trimmingBlanks)")
            case .other(let frame):
                rendered.output += palette.notice("unexpected \(frame.contentType ?? "frame without Content-Type"):") + "\n"
                rendered.output += frame.bodyString ?? ""
            case .disconnected:
                continue
            }
            rendered.output += "\n"
            rendered.lines += 1
        }
        return rendered
    }
}
