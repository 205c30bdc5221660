import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

@Suite struct EventJSONTests {
    @Test(arguments: EventCaptures.frames(ofType: "text/event-json"))
    func capturedJSONEventsRoundTripByteForByte(_ frame: CapturedEventFrame) throws {
        let event = try ESLEvent.decodeJSON(frame.buffer)
        var out = ByteBuffer()
        event.encodeJSON(into: &out)
        #expect(String(buffer: out) == String(decoding: frame.body, as: UTF8.self), "\(frame)")
        #expect(event.name != nil)
    }

    @Test func capturesContainJSONEvents() {
        #expect(EventCaptures.frames(ofType: "text/event-json").count >= 50)
    }

    @Test func escapesLikeCJSON() {
        let event = ESLEvent(headers: [(name: "K", value: "q\" b\\ \u{8}\u{C}\n\r\t \u{1}\u{1F} / é \u{7F}")])
        var out = ByteBuffer()
        event.encodeJSON(into: &out)
        #expect(String(buffer: out) == #"{"K":"q\" b\\ \b\f\n\r\t \u0001\u001f / é "# + "\u{7F}" + #""}"#)
    }

    @Test func bodyEvenWhenEmptyAddsContentLengthAndBody() {
        var event = ESLEvent(headers: [(name: "Event-Name", value: "BACKGROUND_JOB")], body: ByteBuffer())
        var out = ByteBuffer()
        event.encodeJSON(into: &out)
        #expect(String(buffer: out) == #"{"Event-Name":"BACKGROUND_JOB","Content-Length":"0","_body":""}"#)
        event.body = nil
        out.clear()
        event.encodeJSON(into: &out)
        #expect(String(buffer: out) == #"{"Event-Name":"BACKGROUND_JOB"}"#)
        #expect(throws: Never.self) {
            let decoded = try ESLEvent.decodeJSON(ByteBuffer(string: #"{"A":"b","Content-Length":"0","_body":""}"#))
            #expect(decoded.body == ByteBuffer())
            #expect(decoded.headers == [.init(name: "A", value: "b")])
        }
    }

    @Test func emptyObjectAndNoHeaders() throws {
        var out = ByteBuffer()
        ESLEvent().encodeJSON(into: &out)
        #expect(String(buffer: out) == "{}")
        #expect(try ESLEvent.decodeJSON(ByteBuffer(string: " { } \n")) == ESLEvent())
        let bodyOnly = ESLEvent(headers: [], body: ByteBuffer(string: "x"))
        out.clear()
        bodyOnly.encodeJSON(into: &out)
        #expect(String(buffer: out) == #"{"Content-Length":"1","_body":"x"}"#)
    }

    @Test func arrayHeadersBecomeJSONArraysAndBack() throws {
        var event = ESLEvent()
        event.addHeader("Event-Name", "CUSTOM")
        event.addArrayHeader("variable_DP_MATCH", ["DELAYED NEGOTIATION", "x|y"])
        var out = ByteBuffer()
        event.encodeJSON(into: &out)
        #expect(String(buffer: out) == #"{"Event-Name":"CUSTOM","variable_DP_MATCH":["DELAYED NEGOTIATION","x|y"]}"#)
        let decoded = try ESLEvent.decodeJSON(out)
        #expect(decoded == event)
        #expect(decoded.arrayValues(named: "variable_dp_match") == ["DELAYED NEGOTIATION", "x|y"])
        #expect(try ESLEvent.decodeJSON(ByteBuffer(string: #"{"A":[],"B":"c"}"#)).headers == [.init(name: "B", value: "c")])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let json = #"{"K":"a\"\\\/\b\f\n\r\t\u00e9\u20AC\ud83d\ude00|\ud800x|\udc00"}"#
        let event = try ESLEvent.decodeJSON(ByteBuffer(string: json))
        #expect(event["k"] == "a\"\\/\u{8}\u{C}\n\r\té€😀|\u{FFFD}x|\u{FFFD}")
    }

    @Test func nonStringScalarsBecomeTheirText() throws {
        let event = try ESLEvent.decodeJSON(ByteBuffer(string: #"{"n":-12.5e3,"t":true,"f":false,"z":null,"a":[1,"b"]}"#))
        #expect(event.headers.map(\.value) == ["-12.5e3", "true", "false", "null", "ARRAY::1|:b"])
    }

    @Test(arguments: [
        "", "[]", "{", #"{"a""#, #"{"a":}"#, #"{"a":"b""#, #"{"a":"b",}"#, #"{"a":{"b":"c"}}"#,
        #"{"a":[["b"]]}"#, #"{"a":"\q"}"#, #"{"a":"\u12"}"#, #"{"a":"b"} x"#, #"{"a":bogus}"#, #"{a:"b"}"#,
    ])
    func rejectsMalformedJSON(_ text: String) {
        #expect(throws: ESLProtocolError.self) { try ESLEvent.decodeJSON(ByteBuffer(string: text)) }
    }

    /// Capture 20: `sendevent` with a body keeps the client's Content-Length among the headers, and
    /// FreeSWITCH adds its own framing Content-Length before `_body`.
    @Test func sendeventKeepsTheClientContentLengthHeader() throws {
        let frame = try #require(EventCaptures.frames(ofType: "text/event-json").first { $0.file.hasPrefix("20_") })
        let event = try ESLEvent.decodeJSON(frame.buffer)
        #expect(event.values(named: "Content-Length") == ["23"])
        #expect(event.headers[3] == .init(name: "Content-Length", value: "23"))
        #expect(event.bodyString == "hello world\nsecond line")
        #expect(event.subclass == "capture::test")
    }
}
