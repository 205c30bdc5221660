import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct EventXMLTests {
    @Test(arguments: EventCaptures.frames(ofType: "text/event-xml"))
    func capturedXMLEventsRoundTripByteForByte(_ frame: CapturedEventFrame) throws {
        let event = try ESLEvent.decodeXML(frame.buffer)
        var out = ByteBuffer()
        event.encodeXML(into: &out)
        #expect(String(buffer: out) == String(decoding: frame.body, as: UTF8.self), "\(frame)")
        #expect(event.name == "HEARTBEAT")
        #expect(event["Up-Time"]?.hasPrefix("0 years, 0 days, 0 hours, 1 minute, ") == true)
    }

    @Test func capturesContainAnXMLEvent() {
        #expect(EventCaptures.frames(ofType: "text/event-xml").count >= 1)
    }

    @Test func encodesBodyWithEntitiesAndArraysAsRepeatedElements() throws {
        var event = ESLEvent()
        event.addHeader("Event-Name", "CUSTOM")
        event.addArrayHeader("list", ["a b", "c:d"])
        event.addHeader("Last", "x")
        event.body = ByteBuffer(string: "a&b <c> \"q\"\r\n\té€😀")
        var out = ByteBuffer()
        event.encodeXML(into: &out)
        let expected = """
            <event>
              <headers>
                <Event-Name>CUSTOM</Event-Name>
                <list>a%20b</list>
                <list>c%3Ad</list>
                <Last>x</Last>
              </headers>
              <Content-Length>23</Content-Length>
              <body>a&amp;b &lt;c&gt; "q"&#xD;\n\t&#xE9;&#x20AC;&#x1F600;</body>
            </event>

            """
        #expect(String(buffer: out) == expected)
        #expect(try ESLEvent.decodeXML(out) == event)
    }

    @Test func noHeadersPrintsSelfClosingHeaders() throws {
        var out = ByteBuffer()
        ESLEvent().encodeXML(into: &out)
        #expect(String(buffer: out) == "<event>\n  <headers/>\n</event>\n")
        #expect(try ESLEvent.decodeXML(out) == ESLEvent())
    }

    @Test func emptyBodyIsAbsentInXML() {
        let event = ESLEvent(headers: [(name: "A", value: "b")], body: ByteBuffer())
        var out = ByteBuffer()
        event.encodeXML(into: &out)
        #expect(String(buffer: out) == "<event>\n  <headers>\n    <A>b</A>\n  </headers>\n</event>\n")
    }

    @Test func decodesLenientlyAndUnescapes() throws {
        let xml = """
            <?xml version="1.0"?><event><headers><A>x%20y&amp;z</A><Empty/><Content-Length>3</Content-Length></headers>
            <Content-Length>9</Content-Length><body>&lt;&#65;&#x42;&apos;&quot;&unknown;</body></event>
            """
        let event = try ESLEvent.decodeXML(ByteBuffer(string: xml))
        #expect(event.headers == [.init(name: "A", value: "x y&z"), .init(name: "Empty", value: ""), .init(name: "Content-Length", value: "3")])
        #expect(event.bodyString == "<AB'\"&unknown;")
    }

    @Test(arguments: [
        "", "<event>", "<event><headers>", "<event><headers></headers>", "<event><headers><A>x</B></headers></event>",
        "<event><headers/></event>junk", "<evnt><headers/></evnt>", "<event><headers><>x</></headers></event>",
        "<event><headers/><body>x</event>",
    ])
    func rejectsMalformedXML(_ text: String) {
        #expect(throws: ESLProtocolError.self) { try ESLEvent.decodeXML(ByteBuffer(string: text)) }
    }
}
