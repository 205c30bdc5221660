/// The serialization a client asks events in (`event plain|json|xml …`, docs/protocol.md, "Subscriptions").
public enum ESLEventFormat: String, Sendable, Hashable, CaseIterable {
    /// URL-encoded `Name: value` lines (docs/events.md, "Plain format"), the default.
    case plain
    /// One flat JSON object (docs/events.md, "JSON format").
    case json
    /// An `<event>` document (docs/events.md, "XML format").
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
