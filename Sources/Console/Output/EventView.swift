/// How events are shown (`/view`).
public enum EventView: String, Sendable, Hashable, CaseIterable {
    /// One line per event: time, name, short channel UUID and the fields that matter for its kind.
    case compact
    /// Every header once, names aligned, then the body.
    case full
    /// The event as it came over the wire (in the subscribed format).
    case raw
    /// One JSON object a line, as FreeSWITCH serializes an event for `event json` (docs/events.md,
    /// "JSON format"): each header a key, its value decoded, `_body` the body. For `jq` and log
    /// shippers, whatever format the events arrive in.
    case json

    /// The views as `/view` takes them: `compact|full|raw|json`.
    static var choices: String {
        allCases.map(\.rawValue).joined(separator: "|")
    }
}
