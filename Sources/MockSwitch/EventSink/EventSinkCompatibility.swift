/// Which FreeSWITCH's event_sink the mock plays (docs/http-face.md, "Two behaviours").
public enum EventSinkCompatibility: String, Sendable, CaseIterable {
    /// Up to 1.10.11: listeners queue the events and log lines they subscribed to, and
    /// check-listener hands them over. The bundled web portal expects this.
    case legacy
    /// 1.10.12 and later (1.11.x included): listeners are never marked running, so nothing is ever
    /// queued and check-listener always answers an empty list.
    case current
}
