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
    /// `--events-json`: every event and log line as a ``FollowRecord`` line, whatever `view` says,
    /// and what is neither (a linger notice, an undecodable event, an unknown frame) set aside for
    /// stderr, so that the output holds nothing but records.
    var records = false
    /// The switch's name in a fleet, which each record then carries (`name`).
    var recordName: String?

    /// What a burst (or part of one) came to.
    struct Rendered: Sendable {
        var output = ""
        var lines = 0
        var events = 0
        var summaries: [(ReceivedEvent, EventSummary)] = []
        /// For stderr: what the records leave out (``BatchRenderer/records``); empty otherwise.
        var aside = ""

        /// This, followed by what came after it.
        mutating func append(_ next: Rendered) {
            output += next.output
            lines += next.lines
            events += next.events
            summaries += next.summaries
            aside += next.aside
        }
    }

    func render(_ batch: ArraySlice<ESLNotification>) -> Rendered {
        // Made here, not held: a compiled regex cannot be shared between the two tasks.
        let shows = filters.matcher()
        var rendered = Rendered()
        rendered.summaries.reserveCapacity(batch.count)
        if records { return renderRecords(batch, shows: shows, into: &rendered) }
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

    /// The `--events-json` rendering: one ``FollowRecord`` a line.
    private func renderRecords(_ batch: ArraySlice<ESLNotification>, shows: (ESLLogLine) -> Bool, into rendered: inout Rendered) -> Rendered {
        func add(_ event: ESLEvent, _ received: ReceivedEvent, _ summary: EventSummary) {
            rendered.summaries.append((received, summary))
            rendered.output += FollowRecord.event(event, name: recordName)
            rendered.events += 1
            rendered.lines += 1
        }
        for notification in batch {
            switch notification {
            case .log(let line):
                guard shows(line) else { continue }
                rendered.output += FollowRecord.log(line, name: recordName)
                rendered.lines += 1
            case .event(let event):
                add(event, .decoded(event), EventSummary(event))
            case .eventFrame(let frame):
                do throws(ESLProtocolError) {
                    add(try frame.decode(), .frame(frame), try EventSummary(frame))
                } catch {
                    rendered.aside += events.renderUndecodable(frame, error) + "\n"
                }
            case .undecodableEvent(let frame, let error):
                rendered.aside += events.renderUndecodable(frame, error) + "\n"
            case .linger(let notice):
                rendered.aside += "the switch lingers: \(notice.message.trimmingBlanks)\n"
            case .other(let frame):
                rendered.aside += "unexpected \(frame.contentType ?? "frame without Content-Type"):\n" + (frame.bodyString ?? "") + "\n"
            case .disconnected:
                continue
            }
        }
        return rendered
    }
}
