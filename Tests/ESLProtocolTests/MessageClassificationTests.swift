import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

@Suite struct MessageClassificationTests {
    /// The case name a message should have for a server record, from the capture's label and,
    /// for the outbound `connect` reply, from the record being a CHANNEL_DATA header block.
    private func expectedCase(of record: CaptureRecord) -> String? {
        if record.data.hasPrefix("Event-Name: CHANNEL_DATA\n") { return "channelData" }
        switch record.labelContentType {
        case "auth/request": return "authRequest"
        case "command/reply": return "commandReply"
        case "api/response": return "apiResponse"
        case "text/event-plain", "text/event-json", "text/event-xml": return "event"
        case "log/data": return "log"
        case "text/disconnect-notice": return "disconnectNotice"
        case "text/rude-rejection": return "rudeRejection"
        default: return nil
        }
    }

    private func caseName(_ message: ESLMessage) -> String {
        switch message {
        case .authRequest: "authRequest"
        case .commandReply: "commandReply"
        case .apiResponse: "apiResponse"
        case .event: "event"
        case .log: "log"
        case .disconnectNotice: "disconnectNotice"
        case .rudeRejection: "rudeRejection"
        case .channelData: "channelData"
        case .other: "other"
        }
    }

    private func messages(_ name: String) throws -> [(CaptureRecord, ESLMessage)] {
        let capture = try Captures.load(name)
        let (frames, _) = try Feed.whole(capture.serverBytes)
        try #require(frames.count == capture.serverRecords.count)
        return zip(capture.serverRecords, frames.map(ESLMessage.init(frame:))).map { ($0, $1) }
    }

    @Test(arguments: Captures.names)
    func everyServerRecordClassifiesAndReencodes(_ name: String) throws {
        for (index, (record, message)) in try messages(name).enumerated() {
            let expected = try #require(expectedCase(of: record), "\(name) #\(index): unknown label \(record.label)")
            #expect(caseName(message) == expected, "\(name) #\(index) \(record.label)")
            // Rebuilding the frame from the typed value reproduces the switch's bytes, header order included.
            #expect(message.frame.encodedBytes == record.bytes, "\(name) #\(index) \(record.label)")
            if case .event(let event) = message {
                #expect(event.format.contentType == record.labelContentType)
            }
        }
    }

    @Test(arguments: ["27", "27a", "28", "28a"])
    func outboundConnectReplyIsChannelData(_ name: String) throws {
        let all = try messages(name)
        let channelData = all.compactMap { record, message -> (CaptureRecord, ESLFrame)? in
            if case .channelData(let frame) = message { return (record, frame) }
            return nil
        }
        try #require(channelData.count == 1)
        let (record, frame) = channelData[0]
        #expect(record.connection == "O")
        #expect(frame.headers["Event-Name"] == "CHANNEL_DATA")
        #expect(frame.contentType == "command/reply")
        #expect(frame.headers["Reply-Text"] == "%2BOK%0A")
        #expect(frame.body == nil)
        let single = name.hasSuffix("a")
        #expect(frame.headers["Socket-Mode"] == (single ? "static" : "async"))
        #expect(frame.headers["Control"] == (single ? "single-channel" : "full"))
        // No other command/reply in the capture is mistaken for it.
        #expect(all.filter { caseName($0.1) == "commandReply" }.allSatisfy { !$0.0.data.contains("Event-Name:") })
    }

    @Test func logLinesOfCapture19() throws {
        let logs = try messages("19").compactMap { _, message -> ESLLogLine? in
            if case .log(let line) = message { return line }
            return nil
        }
        try #require(logs.count == 3)
        #expect(logs[0].level == 6)
        #expect(logs[0].textChannel == 0)
        #expect(logs[0].file == "switch_time.c")
        #expect(logs[0].function == "switch_load_timezones")
        #expect(logs[0].line == 1436)
        #expect(logs[0].userData == "")
        #expect(logs[0].text.hasSuffix("[INFO] switch_time.c:1436 Timezone reloaded 597 definitions\n"))
        #expect(logs[1].level == 5)
        #expect(logs[1].textChannel == 3)
        #expect(logs[1].function == "log_function")
        #expect(logs[1].text.hasSuffix("capture-test notice line\n"))
        #expect(logs[2].level == 3)
        #expect(logs[2].text.hasSuffix("[ERR] mod_commands.c:7227 capture-test err line\n"))
        #expect(logs.map(\.body.readableBytes) == [94, 88, 82])
    }

    @Test func logLinesOfCapture31CarryTheCallUUID() throws {
        let logs = try messages("31").compactMap { _, message -> ESLLogLine? in
            if case .log(let line) = message { return line }
            return nil
        }
        #expect(logs.count == 243)
        let withUUID = logs.filter { !$0.userData.isEmpty }
        #expect(!withUUID.isEmpty)
        // Lines that belong to a call carry a channel UUID (either leg of the loopback call).
        #expect(withUUID.allSatisfy { $0.userData.count == 36 && $0.userData.split(separator: "-").count == 5 })
        #expect(withUUID.contains { $0.userData == "5575a5f2-e49a-4336-8abb-cea20219a953" })
        #expect(Set(logs.map(\.textChannel)).isSubset(of: [0, 1, 3]))
        #expect(logs.allSatisfy { (0...7).contains($0.level) && !$0.file.isEmpty && $0.line > 0 })
        let channelName = try #require(logs.first { $0.function == "switch_channel_set_name" })
        #expect(channelName.userData == "5575a5f2-e49a-4336-8abb-cea20219a953")
        #expect(channelName.textChannel == 3)
        #expect(channelName.level == ESLLogLevel.notice.rawValue)
        #expect(channelName.text.contains("New Channel loopback/7000/default-a"))
    }

    private func notices(_ name: String) throws -> [(CaptureRecord, ESLDisconnectNotice)] {
        try messages(name).compactMap { record, message in
            if case .disconnectNotice(let notice) = message { return (record, notice) }
            return nil
        }
    }

    @Test func inboundGoodbyeOfCapture25() throws {
        let all = try notices("25")
        try #require(all.count == 1)
        let notice = all[0].1
        #expect(notice.disposition == nil)
        #expect(!notice.isLinger)
        #expect(notice.message == ESLDisconnectNotice.goodbye)
        #expect(notice.message.utf8.count == 67)
        #expect(notice.controlledSessionUUID == nil)
    }

    @Test(arguments: [("27", 5, "16669004-c15e-4033-ba69-95256d8b2444"), ("29", 3, "d4cd163c-1acf-4820-87f3-df74d174bef6")])
    func lingerThenDisconnect(_ name: String, _ seconds: Int, _ uuid: String) throws {
        let session = try notices(name).filter { $0.0.connection == (name == "27" ? "O" : "A") }.map(\.1)
        try #require(session.count == 2)
        let linger = session[0]
        #expect(linger.isLinger)
        #expect(linger.disposition == "linger")
        #expect(linger.lingerTime == seconds)
        #expect(linger.channelName == "loopback/7000-a")
        #expect(linger.controlledSessionUUID == uuid)
        #expect(linger.message == "")
        let goodbye = session[1]
        #expect(!goodbye.isLinger)
        #expect(goodbye.disposition == "disconnect")
        #expect(goodbye.controlledSessionUUID == uuid)
        #expect(goodbye.channelName == nil)
        #expect(goodbye.lingerTime == nil)
        #expect(goodbye.message == ESLDisconnectNotice.goodbye)
    }

    @Test func shutdownNoticeOfCapture50() throws {
        let all = try notices("50")
        #expect(all.map(\.1.message) == [ESLDisconnectNotice.shutdown])
    }

    @Test func isLingerIgnoresCase() {
        #expect(ESLDisconnectNotice(disposition: "LINGER", message: "").isLinger)
        #expect(!ESLDisconnectNotice(disposition: "disconnect", message: "x").isLinger)
        #expect(!ESLDisconnectNotice(message: "x").isLinger)
    }

    @Test func rudeRejectionOfCapture32() throws {
        let all = try messages("32")
        try #require(all.count == 2)
        guard case .rudeRejection(let text) = all[0].1 else {
            Issue.record("expected a rude rejection, got \(all[0].1)")
            return
        }
        #expect(text == "Access Denied, go away.\n")
        guard case .disconnectNotice(let notice) = all[1].1 else {
            Issue.record("expected the goodbye notice")
            return
        }
        #expect(notice.message == ESLDisconnectNotice.goodbye)
    }

    @Test func commandRepliesOfCapture12() throws {
        let replies = try messages("12").compactMap { _, message -> ESLCommandReply? in
            if case .commandReply(let reply) = message { return reply }
            return nil
        }
        let chosen = try #require(replies.first { $0.jobUUID == "11111111-2222-3333-4444-555555555555" })
        #expect(chosen.text == "+OK Job-UUID: 11111111-2222-3333-4444-555555555555")
        #expect(chosen.isOK)
        #expect(!chosen.isError)
        #expect(chosen.errorText == nil)
        #expect(replies.filter { $0.jobUUID != nil }.count == 4)
        #expect(replies.first?.text == "+OK accepted")
    }

    @Test func errorRepliesAndAPIErrors() throws {
        let reply = ESLCommandReply(text: "-ERR invalid log level")
        #expect(reply.isError)
        #expect(!reply.isOK)
        #expect(reply.errorText == "invalid log level")
        #expect(reply.frame.encodedBytes == Array("Content-Type: command/reply\nReply-Text: -ERR invalid log level\n\n".utf8))
        #expect(ESLCommandReply(headers: [("Content-Type", "command/reply")]).text == "")

        let api = try messages("11").compactMap { _, message -> ESLAPIResponse? in
            if case .apiResponse(let response) = message { return response }
            return nil
        }
        #expect(api.first?.text == "-ERR foobar Command not found!\n")
        #expect(api.first?.isError == true)
        #expect(api.contains { !$0.isError })
        #expect(ESLAPIResponse(text: "-USAGE: <uuid>\n").isUsage)
        #expect(!ESLAPIResponse(text: "+OK").isUsage)
    }

    @Test func switchnameBodyHasNoFinalNewline() throws {
        let api = try messages("43").compactMap { _, message -> ESLAPIResponse? in
            if case .apiResponse(let response) = message { return response }
            return nil
        }
        #expect(api.prefix(2).map(\.text) == ["vm", "vm"])
    }

    @Test func unknownAndMissingContentTypesAreKept() throws {
        for text in ["Content-Type: text/something-new\nContent-Length: 2\n\nhi", "X-Thing: 1\n\n", "content-type: AUTH/REQUEST\n\n"] {
            var decoder = ESLFrameDecoder()
            var buffer = ByteBuffer(string: text)
            let frame = try #require(try decoder.decode(&buffer))
            let message = ESLMessage(frame: frame)
            #expect(caseName(message) == "other", "\(text.debugDescription)")
            #expect(message.frame.encodedBytes == Array(text.utf8))
        }
    }

    @Test func contentTypeMatchIsOnTheExactValue() throws {
        // The header name is case-insensitive; the value is not (the switch sends it in lower case).
        let frame = ESLFrame(headers: [("CONTENT-TYPE", "api/response"), ("Content-Length", "0")], body: ByteBuffer())
        #expect(caseName(ESLMessage(frame: frame)) == "apiResponse")
    }

    @Test func eventFormatsMapToContentTypes() {
        for format in ESLEventFormat.allCases {
            #expect(ESLEventFormat(contentType: format.contentType) == format)
            #expect(format.contentType == "text/event-" + format.rawValue)
        }
        #expect(ESLEventFormat(contentType: "text/event-yaml") == nil)
    }
}
