/// The `Content-Type` values a switch sends (docs/protocol.md, "Server frames").
public enum ESLContentType {
    /// The greeting of an inbound connection.
    public static let authRequest = Wire.authRequest.description
    /// The reply to any command except `api`.
    public static let commandReply = Wire.commandReply.description
    /// The output of `api`.
    public static let apiResponse = Wire.apiResponse.description
    /// An event serialized as plain text.
    public static let eventPlain = Wire.eventPlain.description
    /// An event serialized as JSON.
    public static let eventJSON = Wire.eventJSON.description
    /// An event serialized as XML.
    public static let eventXML = Wire.eventXML.description
    /// A log line (after `log <level>`).
    public static let logData = Wire.logData.description
    /// The switch is ending the connection (or, with `Content-Disposition: linger`, the channel hung up).
    public static let disconnectNotice = Wire.disconnectNotice.description
    /// The ACL rejected the client.
    public static let rudeRejection = Wire.rudeRejection.description

    /// The same values as `StaticString`s, for matching a header's bytes without building a `String`.
    enum Wire {
        static let authRequest: StaticString = "auth/request"
        static let commandReply: StaticString = "command/reply"
        static let apiResponse: StaticString = "api/response"
        static let eventPlain: StaticString = "text/event-plain"
        static let eventJSON: StaticString = "text/event-json"
        static let eventXML: StaticString = "text/event-xml"
        static let logData: StaticString = "log/data"
        static let disconnectNotice: StaticString = "text/disconnect-notice"
        static let rudeRejection: StaticString = "text/rude-rejection"
    }
}
