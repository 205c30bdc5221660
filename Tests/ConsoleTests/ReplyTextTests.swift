@testable import Console
import ESLProtocol
import NIOCore
import Testing

@Suite struct ReplyTextTests {
    private func api(_ text: String) -> ReplyText {
        ReplyText(.api(ESLAPIResponse(text: text)))
    }

    private func command(_ text: String) -> ReplyText {
        ReplyText(.command(ESLCommandReply(text: text)))
    }

    @Test func apiBodyIsPrintedAsSent() {
        #expect(api("UP 0 years\nFreeSWITCH is ready\n") == ReplyText(text: "UP 0 years\nFreeSWITCH is ready\n", isError: false))
        #expect(api("ends with a blank line\n\n").text == "ends with a blank line\n\n")
        #expect(api("  spaced  \n").text == "  spaced  \n")
    }

    @Test func lineEndIsAddedOnlyWhenMissing() {
        // `api switchname` and `api msleep` answer without a line end.
        #expect(api("vm").text == "vm\n")
        #expect(api("+OK").text == "+OK\n")
        #expect(api("two\nlines").text == "two\nlines\n")
        #expect(api("windows\r\n").text == "windows\r\n", "a CRLF already ends the line")
    }

    @Test func emptyOutputShowsNothing() {
        #expect(api("") == ReplyText(text: "", isError: false))
        #expect(command("").text == "")
    }

    @Test func errAndUsageAreErrors() {
        #expect(api("-ERR no reply\n") == ReplyText(text: "-ERR no reply\n", isError: true))
        #expect(api("-ERR status Command not found!").isError)
        #expect(api("-USAGE: <uuid> <var>\n").isError)
        #expect(!api("+OK -ERR later in the text\n").isError)
        #expect(!api(" -ERR indented\n").isError)
    }

    @Test func commandReplyText() {
        #expect(command("+OK event listener enabled plain") == ReplyText(text: "+OK event listener enabled plain\n", isError: false))
        #expect(command("-ERR invalid syntax") == ReplyText(text: "-ERR invalid syntax\n", isError: true))
        #expect(!command("-USAGE is only special in api output").isError)
    }

    @Test func commandReplyWithMoreHeadersShowsItsReplyText() {
        let job = "86605b97-7a13-426a-a94b-139f4554c41a"
        let reply = ESLCommandReply(headers: [
            ("Content-Type", "command/reply"), ("Reply-Text", "+OK Job-UUID: \(job)"), ("Job-UUID", job),
        ])
        #expect(ReplyText(.command(reply)).text == "+OK Job-UUID: \(job)\n")
    }

    @Test func channelDataShowsItsReplyTextAndIsNeverAnError() {
        let frame = ESLFrame(headers: [("Content-Type", "command/reply"), ("Reply-Text", "+OK"), ("Channel-Name", "loopback/1")])
        #expect(ReplyText(.channelData(frame)) == ReplyText(text: "+OK\n", isError: false))
    }
}
