import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

@Suite struct EventPlainTests {
    @Test func capturesContainPlainEvents() {
        #expect(EventCaptures.frames(ofType: "text/event-plain").count >= 90)
    }

    @Test(arguments: EventCaptures.frames(ofType: "text/event-plain"))
    func capturedPlainEventsRoundTripByteForByte(_ frame: CapturedEventFrame) throws {
        let event = try ESLEvent.decodePlain(frame.buffer)
        var out = ByteBuffer()
        event.encodePlain(into: &out)
        #expect(Array(out.readableBytesView) == frame.body, "\(frame)")
        // divert_events hands a `sendevent` to the channel's session as the client wrote it: its
        // `Command` header, no Event-Name (capture 75). Every other event names itself.
        let diverted = event["Command"]?.hasPrefix("sendevent ") == true
        #expect(event.name != nil || diverted, "\(frame)")
    }
}

@Suite struct EventPlainUnitTests {
    @Test func encodesBodyWithFramingContentLength() throws {
        let event = ESLEvent(headers: [(name: "Event-Name", value: "BACKGROUND_JOB"), (name: "Job-Command", value: "status now")],
                             body: ByteBuffer(string: "+OK\n"))
        var out = ByteBuffer()
        event.encodePlain(into: &out)
        #expect(String(buffer: out) == "Event-Name: BACKGROUND_JOB\nJob-Command: status%20now\nContent-Length: 4\n\n+OK\n")
        #expect(try ESLEvent.decodePlain(out) == event)
    }

    @Test func noOrEmptyBodyEndsWithBlankLine() {
        var out = ByteBuffer()
        ESLEvent(headers: [(name: "A", value: "b")]).encodePlain(into: &out)
        #expect(String(buffer: out) == "A: b\n\n")
        out.clear()
        ESLEvent(headers: [(name: "A", value: "b")], body: ByteBuffer()).encodePlain(into: &out)
        #expect(String(buffer: out) == "A: b\n\n")
        out.clear()
        ESLEvent().encodePlain(into: &out)
        #expect(String(buffer: out) == "\n")
    }

    @Test func emptyValueIsWrittenUndefAndReadBackLiterally() throws {
        let event = ESLEvent(headers: [(name: "Empty", value: "")])
        var out = ByteBuffer()
        event.encodePlain(into: &out)
        #expect(String(buffer: out) == "Empty: _undef_\n\n")
        #expect(try ESLEvent.decodePlain(out)["empty"] == "_undef_")
    }

    @Test func arrayHeaderIsWrittenOnceEncoded() throws {
        var event = ESLEvent()
        event.addArrayHeader("variable_DP_MATCH", ["DELAYED NEGOTIATION", "DELAYED NEGOTIATION"])
        var out = ByteBuffer()
        event.encodePlain(into: &out)
        #expect(String(buffer: out) == "variable_DP_MATCH: ARRAY%3A%3ADELAYED%20NEGOTIATION%7C%3ADELAYED%20NEGOTIATION\n\n")
        let decoded = try ESLEvent.decodePlain(out)
        #expect(decoded.arrayValues(named: "variable_dp_match") == ["DELAYED NEGOTIATION", "DELAYED NEGOTIATION"])
        #expect(decoded == event)
    }

    /// Values keep their escapes until read; every way of reading one, comparing or hashing the
    /// event must see the decoded value.
    @Test func escapedValuesReadDecodedEverywhere() throws {
        let wire = "Event-Name: CUSTOM\r\nCaller-ID: %22Ann%22%20%3C1000%3E\r\nBad: 100%\nHex: %41%4\nCR: a%0D\r\nCaller-ID: b%7Cc\n\n"
        let event = try ESLEvent.decodePlain(ByteBuffer(string: wire))
        let expected = ESLEvent(headers: [
            (name: "Event-Name", value: "CUSTOM"), (name: "Caller-ID", value: "\"Ann\" <1000>"), (name: "Bad", value: "100%"),
            (name: "Hex", value: "A%4"), (name: "CR", value: "a\r"), (name: "Caller-ID", value: "b|c"),
        ])
        #expect(event == expected)
        #expect(event.hashValue == expected.hashValue)
        #expect(event.headers == expected.headers)
        #expect(event["caller-id"] == "\"Ann\" <1000>")
        #expect(event.values(named: "Caller-ID") == ["\"Ann\" <1000>", "b|c"])
        #expect(event.firstValues(ESLHeaderNames(["Hex", "CR", "Missing"])) == ["A%4", "a\r", nil])
        #expect(event.wireText(.json) == expected.wireText(.json))
        #expect(event.wireText(.plain) == expected.wireText(.plain))
        let short = try ESLEvent.decodePlain(ByteBuffer(string: "Event-Name: CUSTOM\nCaller-ID: %22Ann%22\n\n"))
        #expect(short != ESLEvent(headers: [(name: "Event-Name", value: "CUSTOM"), (name: "Caller-ID", value: "%22Ann%22")]))
        #expect(short == ESLEvent(headers: [(name: "Event-Name", value: "CUSTOM"), (name: "Caller-ID", value: "\"Ann\"")]))
    }

    @Test func toleratesCRLFTabsAndMissingBlankLine() throws {
        let event = try ESLEvent.decodePlain(ByteBuffer(string: "A:\t  x%20y\r\nB:z\r\n\r\n"))
        #expect(event.headers == [.init(name: "A", value: "x y"), .init(name: "B", value: "z")])
        let connectReply = try ESLEvent.decodePlain(ByteBuffer(string: "Event-Name: CHANNEL_DATA\nUnique-ID: abc"))
        #expect(connectReply.name == "CHANNEL_DATA")
        #expect(connectReply["unique-id"] == "abc")
        #expect(try ESLEvent.decodePlain(ByteBuffer(string: "Event-Name: X\n")).headerCount == 1)
        #expect(try ESLEvent.decodePlain(ByteBuffer()) == ESLEvent())
        #expect(try ESLEvent.decodePlain(ByteBuffer(string: "A: 1+1\n\n"))["A"] == "1+1")
    }

    @Test func crlfBodyFraming() throws {
        let event = try ESLEvent.decodePlain(ByteBuffer(string: "A: b\r\nContent-Length: 3\r\n\r\nxyz"))
        #expect(event.bodyString == "xyz")
        #expect(event.headerCount == 1)
    }

    /// Capture 20: the client's own Content-Length stays a header; the final one frames the body.
    @Test func sendeventKeepsTheClientContentLengthHeader() throws {
        let frame = try #require(EventCaptures.frames(ofType: "text/event-plain").first { $0.file.hasPrefix("20_") })
        let event = try ESLEvent.decodePlain(frame.buffer)
        #expect(event.values(named: "content-length") == ["23"])
        #expect(event.headers[4] == .init(name: "Content-Length", value: "23"))
        #expect(event.bodyString == "hello world\nsecond line")
        #expect(event["Content-Type"] == "text/plain")
        #expect(event.subclass == "capture::test")
        #expect(event["Event-Date-GMT"] == "Thu, 26 Nov 2026 14:47:18 GMT")
    }

    @Test func contentLengthNotLastFramesTrailingBytesLikeLibESL() throws {
        let event = try ESLEvent.decodePlain(ByteBuffer(string: "Content-Length: 5\nA: b\n\nhello"))
        #expect(event.bodyString == "hello")
        #expect(event.headers == [.init(name: "A", value: "b")])
        let zero = try ESLEvent.decodePlain(ByteBuffer(string: "A: b\nContent-Length: 0\n\n"))
        #expect(zero.headers.count == 2)
        #expect(zero.body == nil)
    }

    @Test(arguments: [
        "no colon here\n\n", ": empty name\n\n", "A: b\nContent-Length: 10\n\nshort",
        "A: b\nContent-Length: 2\n\ntoo long", "A: b\nContent-Length: x\n\nabc", "A: b\n\ntrailing bytes",
        "A: b\nContent-Length: 99999999999999999999\n\nabc",
    ])
    func rejectsMalformedPlain(_ text: String) {
        #expect(throws: ESLProtocolError.self) { try ESLEvent.decodePlain(ByteBuffer(string: text)) }
    }

    @Test func decodesTheOutboundConnectReplyHeaderBlock() throws {
        let records = EventCaptures.serverRecords("27_outbound_socket.json")
        let reply = try #require(records.first { String(decoding: $0.prefix(40), as: UTF8.self).hasPrefix("Event-Name: CHANNEL_DATA") })
        let event = try ESLEvent.decodePlain(ByteBuffer(bytes: reply))
        #expect(event.name == "CHANNEL_DATA")
        #expect(event["Content-Type"] == "command/reply")
        #expect(event["Channel-Caller-ID-Name"] == "Outbound Call")
    }
}
