import Console
import ESLProtocol
import NIOCore
import TestSupport
import Testing

@Suite struct EventRendererTests {
    struct MissingEvent: Error, CustomStringConvertible {
        var description: String
    }

    let renderer = EventRenderer(palette: Palette(isEnabled: false))

    /// A `text/event-plain` event from a capture, decoded.
    static func captured(_ capture: String, named name: String) throws -> ESLEvent {
        for record in try Captures.records(capture) where record.dir == "S->C" && record.label.hasPrefix("(text/event-plain") {
            guard let split = record.data.range(of: "\n\n") else { continue }
            let event = try ESLEvent.decodePlain(ByteBuffer(string: String(record.data[split.upperBound...])))
            if event.name == name { return event }
        }
        throw MissingEvent(description: "no plain \(name) event in \(capture)")
    }

    /// An event built here, with values each format has to escape and a body.
    static let built = ESLEvent(
        headers: [
            ("Event-Name", "CUSTOM"), ("Event-Subclass", "fscli::test"),
            ("X-Markup", "<b>a & \"c\"</b> 'd'"), ("X-Percent", "100% + 50%"), ("X-Unicode", "café ☎"),
            ("X-Spaces", "a  b"),
        ],
        body: ByteBuffer(string: "line 1\nline 2\n"))

    /// The captures hold no single event in all three formats (each capture's HEARTBEAT was sent at
    /// another time), so each event is carried through the plain, json and xml encoders and decoded
    /// back from each; all three must look the same.
    static func sameEventInEveryFormat(_ event: ESLEvent) throws -> [(format: String, event: ESLEvent)] {
        var plain = ByteBuffer()
        event.encodePlain(into: &plain)
        var json = ByteBuffer()
        event.encodeJSON(into: &json)
        var xml = ByteBuffer()
        event.encodeXML(into: &xml)
        return [
            ("plain", try ESLEvent.decodePlain(plain)),
            ("json", try ESLEvent.decodeJSON(json)),
            ("xml", try ESLEvent.decodeXML(xml)),
        ]
    }

    @Test(arguments: ["HEARTBEAT", "BACKGROUND_JOB", "CUSTOM capture", "built"])
    func sameEventRendersTheSameFromPlainJSONAndXML(_ which: String) throws {
        let event: ESLEvent = switch which {
        case "HEARTBEAT": try Self.captured("13_event_plain_all", named: "HEARTBEAT")
        case "BACKGROUND_JOB": try Self.captured("12_bgapi_status", named: "BACKGROUND_JOB")
        case "CUSTOM capture": try Self.captured("20_sendevent", named: "CUSTOM")
        default: Self.built
        }
        let expected = renderer.render(event)
        #expect(expected.hasPrefix("EVENT \(event.name ?? "")"))
        for (format, decoded) in try Self.sameEventInEveryFormat(event) {
            #expect(renderer.render(decoded) == expected, "via \(format)")
        }
    }

    @Test func builtEventRendersTitleHeadersBlankLineAndBody() {
        #expect(renderer.render(Self.built) == """
            EVENT CUSTOM fscli::test
            Event-Name:     CUSTOM
            Event-Subclass: fscli::test
            X-Markup:       <b>a & "c"</b> 'd'
            X-Percent:      100% + 50%
            X-Unicode:      café ☎
            X-Spaces:       a  b

            line 1
            line 2
            """)
    }

    @Test func eachHeaderAppearsOnce() throws {
        // sendevent keeps the client's Content-Length as a real header; the framing one is not a header.
        let event = try Self.captured("20_sendevent", named: "CUSTOM")
        let text = renderer.render(event)
        let parts = text.components(separatedBy: "\n\n")
        #expect(parts.count == 2)
        let lines = parts[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "EVENT CUSTOM capture::test")
        let headerLines = Array(lines.dropFirst())
        #expect(headerLines.count == event.headerCount)
        // Names are padded to one column: "Name:" then blanks, then the value.
        let unpadded = headerLines.map { line -> String in
            guard let colon = line.firstIndex(of: ":") else { return line }
            return String(line[...colon]) + " " + line[line.index(after: colon)...].drop { $0 == " " }
        }
        for header in event.headers {
            #expect(unpadded.filter { $0 == "\(header.name): \(header.value)" }.count == 1, "\(header.name)")
        }
        #expect(unpadded.filter { $0.hasPrefix("Content-Length:") } == ["Content-Length: 23"])
        #expect(unpadded.filter { $0.hasPrefix("Event-Name:") }.count == 1)
        #expect(parts[1] == "hello world\nsecond line")
    }

    @Test func bodyFollowsABlankLineWithoutItsFinalLineEnd() throws {
        let job = try Self.captured("12_bgapi_status", named: "BACKGROUND_JOB")
        let body = try #require(job.bodyString)
        #expect(body.hasSuffix("\n"))
        let text = renderer.render(job)
        #expect(text.hasSuffix("\n\n" + body.dropLast()))
        #expect(!text.hasSuffix("\n"))
    }

    @Test func bodyEndingInCRLFLosesItToo() {
        let event = ESLEvent(headers: [("Event-Name", "API")], body: ByteBuffer(string: "a\r\nb\r\n"))
        #expect(renderer.render(event) == "EVENT API\nEvent-Name: API\n\na\r\nb")
    }

    @Test func eventWithoutBodyHasNoBlankLine() throws {
        let heartbeat = try Self.captured("13_event_plain_all", named: "HEARTBEAT")
        #expect(heartbeat.body == nil)
        let text = renderer.render(heartbeat)
        #expect(!text.contains("\n\n"))
        #expect(text.split(separator: "\n").count == heartbeat.headerCount + 1)
        let emptyBody = ESLEvent(headers: [("Event-Name", "HEARTBEAT")], body: ByteBuffer())
        #expect(renderer.render(emptyBody) == "EVENT HEARTBEAT\nEvent-Name: HEARTBEAT")
    }

    @Test func titleWithoutNameOrWithEmptySubclass() {
        #expect(renderer.render(ESLEvent(headers: [("X", "1")])) == "EVENT ?\nX: 1")
        #expect(renderer.render(ESLEvent(headers: [("Event-Name", "CUSTOM"), ("Event-Subclass", "")]))
            == "EVENT CUSTOM\nEvent-Name:     CUSTOM\nEvent-Subclass: ")
    }

    @Test func titleIsColouredByKindWhenColourIsOn() {
        let renderer = EventRenderer(palette: Palette(isEnabled: true))
        #expect(renderer.render(ESLEvent(headers: [("Event-Name", "API")])) == "\u{1B}[35mEVENT API\u{1B}[m\nEvent-Name: API")
        #expect(renderer.render(ESLEvent(headers: [("Event-Name", "PRESENCE_IN")])) == "\u{1B}[1mEVENT PRESENCE_IN\u{1B}[m\nEvent-Name: PRESENCE_IN")
    }
}
