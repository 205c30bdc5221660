import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// The captures hold no single event in two formats, so: every captured event is carried through the
/// other two formats and must come back equal, and events of the same kind captured in different
/// formats must have the same header names in the same order.
@Suite struct EventCrossFormatTests {
    @Test(arguments: EventCaptures.frames)
    func everyCapturedEventSurvivesTheOtherFormats(_ frame: CapturedEventFrame) throws {
        let event = try decode(frame)
        var json = ByteBuffer()
        event.encodeJSON(into: &json)
        #expect(try ESLEvent.decodeJSON(json) == event, "\(frame) via json")
        var xml = ByteBuffer()
        event.encodeXML(into: &xml)
        #expect(try ESLEvent.decodeXML(xml) == event, "\(frame) via xml")
        var plain = ByteBuffer()
        event.encodePlain(into: &plain)
        #expect(try ESLEvent.decodePlain(plain) == event, "\(frame) via plain")
    }

    @Test func heartbeatHasTheSameHeadersInPlainJSONAndXML() throws {
        let plain = try event(named: "HEARTBEAT", in: "13_", type: "text/event-plain")
        let json = try event(named: "HEARTBEAT", in: "14_", type: "text/event-json")
        let xml = try event(named: "HEARTBEAT", in: "15_", type: "text/event-xml")
        #expect(plain.headers.map(\.name) == json.headers.map(\.name))
        #expect(plain.headers.map(\.name) == xml.headers.map(\.name))
        for event in [plain, json, xml] {
            #expect(event["Event-Info"] == "System Ready")
            #expect(event["FreeSWITCH-IPv6"] == "fd00::2")
            #expect(event["Event-Date-GMT"]?.hasSuffix(" GMT") == true)
            #expect(event.body == nil)
        }
    }

    @Test func backgroundJobHasTheSameShapeInPlainAndJSON() throws {
        let plain = try event(named: "BACKGROUND_JOB", in: "12_", type: "text/event-plain")
        let json = try event(named: "BACKGROUND_JOB", in: "12_", type: "text/event-json")
        #expect(plain.headers.map(\.name) == json.headers.map(\.name))
        #expect(plain["Job-Command"] == "status")
        #expect(json["Job-Command"] == "status")
        #expect(plain.values(named: "Content-Length").isEmpty)
        #expect(json.values(named: "Content-Length").isEmpty)
        #expect(plain.bodyString?.hasPrefix("UP 0 years") == true)
        #expect(json.bodyString?.hasPrefix("UP 0 years") == true)
    }

    @Test func sendeventHasTheSameContentLengthHeaderAndBodyInPlainAndJSON() throws {
        let plain = try event(named: "CUSTOM", in: "20_", type: "text/event-plain")
        let json = try event(named: "CUSTOM", in: "20_", type: "text/event-json")
        #expect(plain.values(named: "Content-Length") == ["23"])
        #expect(json.values(named: "Content-Length") == ["23"])
        #expect(plain.body == json.body)
        #expect(plain["X-Capture"] == "plain")
        #expect(json["X-Capture"] == "json")
    }

    @Test func channelCreateHasTheSameLeadingHeadersInPlainAndJSON() throws {
        let plain = try event(named: "CHANNEL_CREATE", in: "21_", type: "text/event-plain")
        let json = try event(named: "CHANNEL_CREATE", in: "22_", type: "text/event-json")
        #expect(Array(plain.headers.map(\.name).prefix(40)) == Array(json.headers.map(\.name).prefix(40)))
        #expect(plain["Caller-Destination-Number"] == json["Caller-Destination-Number"])
        #expect(plain["Channel-Name"]?.hasPrefix("loopback/") == true)
    }

    private func decode(_ frame: CapturedEventFrame) throws -> ESLEvent {
        switch frame.contentType {
        case "text/event-plain": return try ESLEvent.decodePlain(frame.buffer)
        case "text/event-json": return try ESLEvent.decodeJSON(frame.buffer)
        default: return try ESLEvent.decodeXML(frame.buffer)
        }
    }

    private func event(named name: String, in prefix: String, type: String) throws -> ESLEvent {
        for frame in EventCaptures.frames(ofType: type) where frame.file.hasPrefix(prefix) {
            let event = try decode(frame)
            if event.name == name { return event }
        }
        throw CaptureMissing(description: "\(name) in \(prefix)* \(type)")
    }
}

private struct CaptureMissing: Error, CustomStringConvertible {
    var description: String
}

/// `ESLEventFrame.firstValues` reads a plain frame without decoding it, and must agree with the
/// decoded event in every format.
@Suite struct FrameFirstValuesTests {
    private static let names = ESLHeaderNames([
        "Event-Name", "Unique-ID", "Caller-Caller-ID-Number", "Channel-State", "Job-UUID", "Event-Date-Local",
        "variable_sip_from_user", "Core-UUID", "Absent-Header",
    ])

    @Test(arguments: EventCaptures.frames(ofType: "text/event-plain") + EventCaptures.frames(ofType: "text/event-json")
        + EventCaptures.frames(ofType: "text/event-xml"))
    func agreesWithTheDecodedEvent(_ captured: CapturedEventFrame) throws {
        let format: ESLEventFormat = captured.contentType.hasSuffix("plain") ? .plain : captured.contentType.hasSuffix("json") ? .json : .xml
        let frame = ESLEventFrame(format: format, body: captured.buffer)
        #expect(try frame.firstValues(Self.names) == frame.decode().firstValues(Self.names), "\(captured)")
    }

    @Test func aMalformedPlainLineIsRefusedLikeDecode() {
        let frame = ESLEventFrame(format: .plain, body: ByteBuffer(string: "Event-Name: HEARTBEAT\nno colon here\n\n"))
        #expect(throws: ESLProtocolError.self) { try frame.firstValues(Self.names) }
        #expect(throws: ESLProtocolError.self) { try frame.decode() }
    }
}
