/// The fixed texts of event_sink's replies, byte for byte as FreeSWITCH writes them, quirks kept
/// (docs/http-face.md, "event_sink replies").
enum EventSinkReply {
    /// What the first write of a JSON-mode reply is.
    static let jsonHead = "Content-Type: application/json\n\n"
    /// What the first write of an XML-mode reply is; ``xmlTail`` always ends it.
    static let xmlHead = "Content-Type: text/xml\n\n<?xml version=\"1.0\"?>\n<root>\n"
    static let xmlTail = "</root>\n\n"

    /// Over the event socket or any request without a `Host` header.
    static let webApplication = "This is a web application!\n"

    /// `<data><reply type="error">TEXT</reply></data>\n`
    static func xmlError(_ text: String) -> String {
        "<data><reply type=\"error\">\(text)</reply></data>\n"
    }

    /// `{"reply": "error", "reply_text":"TEXT"}` (spacing sic).
    static func jsonError(_ text: String) -> String {
        "{\"reply\": \"error\", \"reply_text\":\"\(text)\"}"
    }

    /// `<data><reply type="success">TEXT</reply></data>\n`
    static func xmlSuccess(_ text: String) -> String {
        "<data><reply type=\"success\">\(text)</reply></data>\n"
    }

    /// The unknown-command reply: its `</data` has no `>`.
    static let invalidCommand = "<data><reply type=\"error\">INVALID COMMAND!</reply></data\n"

    /// filter's replies leave `<data>` and `<api-command>` open.
    static func filterDone(_ verb: String) -> String {
        "<data>\n <reply type=\"success\">filter \(verb).</reply>\n<api-command>\n"
    }

    /// exec-fsapi writes this, then the command's output, then ``execTail``.
    static let execHead = "<data>\n <reply type=\"success\">Execute API Command</reply>\n<api-command>\n"
    static let execTail = " </api-command>\n</data>"
}
