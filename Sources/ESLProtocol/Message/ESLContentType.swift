/// The `Content-Type` values a switch sends (esl-protocol.md §1.3).
public enum ESLContentType {
    /// The greeting of an inbound connection.
    public static let authRequest = "auth/request"
    /// The reply to any command except `api`.
    public static let commandReply = "command/reply"
    /// The output of `api`.
    public static let apiResponse = "api/response"
    /// An event serialized as plain text.
    public static let eventPlain = "text/event-plain"
    /// An event serialized as JSON.
    public static let eventJSON = "text/event-json"
    /// An event serialized as XML.
    public static let eventXML = "text/event-xml"
    /// A log line (after `log <level>`).
    public static let logData = "log/data"
    /// The switch is ending the connection (or, with `Content-Disposition: linger`, the channel hung up).
    public static let disconnectNotice = "text/disconnect-notice"
    /// The ACL rejected the client.
    public static let rudeRejection = "text/rude-rejection"
}
