import ESLClient
import ESLProtocol

/// How a reply is shown: the `api/response` body as the switch sent it (a line end added only
/// when missing), a `command/reply`'s text, and whether it counts as a failure.
struct ReplyText: Sendable, Equatable {
    /// The text, ending in a line end (or empty: nothing to show).
    var text: String
    /// The switch answered `-ERR` (or `-USAGE`): shown as an error, exit status 1.
    var isError: Bool

    init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }

    init(_ reply: ESLReply) {
        switch reply {
        case .api(let response):
            self.init(text: Self.terminated(response.text), isError: response.isError || response.isUsage)
        case .command(let reply):
            self.init(text: Self.terminated(reply.text), isError: reply.isError)
        case .channelData(let frame):
            self.init(text: Self.terminated(ESLCommandReply(headers: frame.headers).text), isError: false)
        }
    }

    /// `text` with a line end unless it is empty or already has one.
    static func terminated(_ text: String) -> String {
        text.isEmpty || text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n"
    }
}
