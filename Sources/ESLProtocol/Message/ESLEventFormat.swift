/// The serialization a client asks events in (`event plain|json|xml …`, esl-protocol.md §3).
public enum ESLEventFormat: String, Sendable, Hashable, CaseIterable {
    /// URL-encoded `Name: value` lines (§3.1), the default.
    case plain
    /// One flat JSON object (§3.2).
    case json
    /// An `<event>` document (§3.3).
    case xml

    /// The `Content-Type` of frames carrying events in this format.
    public var contentType: String {
        switch self {
        case .plain: ESLContentType.eventPlain
        case .json: ESLContentType.eventJSON
        case .xml: ESLContentType.eventXML
        }
    }

    /// The format of a `text/event-*` content type, or `nil` for any other content type.
    public init?(contentType: String) {
        switch contentType {
        case ESLContentType.eventPlain: self = .plain
        case ESLContentType.eventJSON: self = .json
        case ESLContentType.eventXML: self = .xml
        default: return nil
        }
    }
}
