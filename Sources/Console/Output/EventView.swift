/// How events are shown (`/view`).
public enum EventView: String, Sendable, Hashable, CaseIterable {
    /// One line per event: time, name, short channel UUID and the fields that matter for its kind.
    case compact
    /// Every header once, names aligned, then the body.
    case full
    /// The event as it came over the wire (in the subscribed format).
    case raw
}
