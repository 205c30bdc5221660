@testable import Console
import ESLProtocol
import NIOCore
import Testing

/// The compact (default) and raw event views.
@Suite struct EventCompactViewTests {
    let renderer = EventRenderer(palette: Palette(isEnabled: false))

    @Test func heartbeatShowsTimeSessionsCPUAndUptime() throws {
        let heartbeat = try EventRendererTests.captured("13_event_plain_all", named: "HEARTBEAT")
        #expect(renderer.render(heartbeat, view: .compact) == "14:46:10.101 HEARTBEAT sessions=0 idle-cpu=98.7 up=40s")
    }

    @Test func backgroundJobShowsCommandAndFirstLineOfOutput() throws {
        let job = try EventRendererTests.captured("12_bgapi_status", named: "BACKGROUND_JOB")
        let line = renderer.render(job, view: .compact)
        #expect(line.contains("BACKGROUND_JOB status → UP 0 years"), "\(line)")
        #expect(!line.contains("\n"))
    }

    @Test func channelEventsShowStateCallerDestinationAndCause() {
        let hangup = ESLEvent(headers: [
            ("Event-Name", "CHANNEL_HANGUP"), ("Event-Date-Local", "2026-11-26 09:05:01"),
            ("Event-Date-Timestamp", "1795683901007000"), ("Unique-ID", "1a2b3c4d-0000-4000-8000-000000000001"),
            ("Channel-Call-State", "HANGUP"), ("Answer-State", "hangup"), ("Caller-Caller-ID-Number", "1000"),
            ("Caller-Destination-Number", "9196"), ("Hangup-Cause", "NORMAL_CLEARING"),
        ])
        #expect(renderer.render(hangup, view: .compact) == "09:05:01.007 CHANNEL_HANGUP 1a2b3c4d HANGUP hangup 1000 → 9196 NORMAL_CLEARING")
    }

    @Test func customEventsShowTheirSubclass() throws {
        let custom = try EventRendererTests.captured("20_sendevent", named: "CUSTOM")
        #expect(renderer.render(custom, view: .compact).hasSuffix("CUSTOM capture::test"))
    }

    @Test func anEventWithoutDateOrFieldsIsJustItsName() {
        #expect(renderer.render(ESLEvent(headers: [("Event-Name", "PRESENCE_IN")]), view: .compact) == "PRESENCE_IN")
    }

    @Test(arguments: ["HEARTBEAT", "BACKGROUND_JOB"])
    func compactViewIsTheSameFromEveryFormat(_ name: String) throws {
        let event = try name == "HEARTBEAT"
            ? EventRendererTests.captured("13_event_plain_all", named: name)
            : EventRendererTests.captured("12_bgapi_status", named: name)
        let expected = renderer.render(event, view: .compact)
        for (format, decoded) in try EventRendererTests.sameEventInEveryFormat(event) {
            #expect(renderer.render(decoded, view: .compact) == expected, "via \(format)")
        }
    }

    @Test func kindsHaveColours() {
        let coloured = EventRenderer(palette: Palette(isEnabled: true))
        let create = coloured.render(ESLEvent(headers: [("Event-Name", "CHANNEL_CREATE")]), view: .compact)
        let hangup = coloured.render(ESLEvent(headers: [("Event-Name", "CHANNEL_HANGUP")]), view: .compact)
        #expect(create.hasPrefix("\u{1B}[32mCHANNEL_CREATE"))
        #expect(hangup.hasPrefix("\u{1B}[31mCHANNEL_HANGUP"))
    }

    @Test(arguments: ESLEventFormat.allCases)
    func rawViewIsTheWireText(_ format: ESLEventFormat) throws {
        let heartbeat = try EventRendererTests.captured("13_event_plain_all", named: "HEARTBEAT")
        var buffer = ByteBuffer()
        switch format {
        case .plain: heartbeat.encodePlain(into: &buffer)
        case .json: heartbeat.encodeJSON(into: &buffer)
        case .xml: heartbeat.encodeXML(into: &buffer)
        }
        let wire = String(buffer: buffer)
        let raw = renderer.render(heartbeat, view: .raw, format: format)
        // The frame as sent: its envelope, then the event text; one line end after it, so that
        // with the line end every event gets, events are a blank line apart.
        let envelope = "Content-Length: \(wire.utf8.count)\nContent-Type: \(format.contentType)\n\n"
        #expect(raw.hasPrefix(envelope))
        let event = raw.dropFirst(envelope.count)
        #expect(wire.hasPrefix(event.dropLast()))
        #expect(wire.dropFirst(event.count - 1).allSatisfy { $0 == "\n" })
        #expect(raw.hasSuffix("\n") && !raw.hasSuffix("\n\n"))
        #expect(raw.contains("HEARTBEAT"))
    }

    @Test func durationsReadAtAGlance() {
        #expect(EventSummary.duration(milliseconds: 40_020) == "40s")
        #expect(EventSummary.duration(milliseconds: 303_000) == "5m3s")
        #expect(EventSummary.duration(milliseconds: 7_500_000) == "2h5m")
        #expect(EventSummary.duration(milliseconds: 277_200_000) == "3d5h")
    }
}
