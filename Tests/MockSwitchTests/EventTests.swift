import ESLProtocol
import MockSwitch
import NIOCore
import TestSupport
import Testing

/// Events encoded with ESLEvent's encoders, compared with the captured bodies after normalising
/// dates, sequence numbers, uptime and CPU figures (captures 12–15, 20, 21).
@Suite struct EventTests {
    static func plain(_ event: ESLEvent) -> String {
        var buffer = ByteBuffer()
        event.encodePlain(into: &buffer)
        return String(buffer: buffer)
    }

    static func json(_ event: ESLEvent) -> String {
        var buffer = ByteBuffer()
        event.encodeJSON(into: &buffer)
        return String(buffer: buffer)
    }

    static func xml(_ event: ESLEvent) -> String {
        var buffer = ByteBuffer()
        event.encodeXML(into: &buffer)
        return String(buffer: buffer)
    }

    /// bgapi status / foobar / version with a client Job-UUID (capture 12, plain and json).
    @Test func backgroundJobsMatchCapture12() throws {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        core.updateStatistics { $0.idleCPU = 98.07 }
        let jobs = try Captures.load("12_bgapi_status").frames(labelled: "BACKGROUND_JOB")
        #expect(jobs.count == 4)
        clock.advance(microseconds: 9_754_036)
        let status = core.backgroundJob("status", "", jobUUID: "86605b97-7a13-426a-a94b-139f4554c41a")
        #expect(status.events.map(\.name) == ["API", "BACKGROUND_JOB"])
        #expect(Normalise.text(Self.plain(status.events[1])) == Normalise.text(jobs[0].body))
        let unknown = core.backgroundJob("foobar", "", jobUUID: "9d0b698b-b888-4b5c-bda5-ae943b3d2292")
        #expect(Normalise.text(Self.plain(unknown.events[1])) == Normalise.text(jobs[1].body))
        let version = core.backgroundJob("version", "", jobUUID: "11111111-2222-3333-4444-555555555555")
        #expect(Self.plain(version.events[1]).hasSuffix("Job-UUID: 11111111-2222-3333-4444-555555555555\nJob-Command: version\nContent-Length: 49\n\nFreeSWITCH Version 1.11.1-release~64bit ( 64bit)\n"))
        #expect(Normalise.text(Self.plain(version.events[1])) == Normalise.text(jobs[2].body))
        let json = core.backgroundJob("status", "", jobUUID: "10d1308e-7ac6-4a91-af55-d425494c044f")
        #expect(Normalise.text(Self.json(json.events[1])) == Normalise.text(jobs[3].body))
    }

    /// HEARTBEAT and RE_SCHEDULE in plain (capture 13), json (14) and xml (15).
    @Test func heartbeatsMatchCaptures13To15() throws {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        core.updateStatistics { $0.idleCPU = 98.7 }
        clock.advance(microseconds: 40_020_619)
        let plainFrames = try Captures.load("13_event_plain_all").frames(labelled: "text/event-plain")
        let forty = core.heartbeat()
        #expect(forty.count == 2)
        #expect(Normalise.text(Self.plain(forty[0])) == Normalise.text(plainFrames[0].body))
        #expect(Normalise.text(Self.plain(forty[1])) == Normalise.text(plainFrames[1].body))
        #expect(forty[1]["Task-Runtime"] == String((TestSwitch.start + 40_020_619) / 1_000_000 + 20))

        clock.advance(microseconds: 20_001_677)
        let jsonFrames = try Captures.load("14_event_json_all").frames(labelled: "text/event-json")
        let sixty = core.heartbeat()
        #expect(sixty.map { $0["Task-Desc"] ?? $0.name ?? "" } == ["HEARTBEAT", "heartbeat", "check_ip"])
        for (event, frame) in zip(sixty, jsonFrames) {
            #expect(Normalise.text(Self.json(event)) == Normalise.text(frame.body))
        }
        #expect(sixty[0]["Up-Time"] == "0 years, 0 days, 0 hours, 1 minute, 0 seconds, 22 milliseconds, 296 microseconds")

        clock.advance(microseconds: 20_002_404)
        let xmlFrames = try Captures.load("15_event_xml_heartbeat").frames(labelled: "text/event-xml")
        #expect(Normalise.text(Self.xml(core.heartbeat()[0])) == Normalise.text(xmlFrames[0].body))
    }

    /// Event-Sequence is global and increases by one per event.
    @Test func sequenceIsGlobalAndMonotonic() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start), firstSequence: 10)
        let first = core.heartbeat()
        let api = core.executeAPI("status", "").events
        #expect((first + api).compactMap { $0["Event-Sequence"] } == ["10", "11", "12"])
    }

    /// The API event of `show channels` (capture 21).
    @Test func apiEventMatchesCapture21() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let captured = try Captures.load("21_loopback_call_plain").frames(labelled: "text/event-plain")
            .first { $0.body.contains("API-Command: show\nAPI-Command-Argument: channels\n") }
        let expected = try #require(captured)
        let events = core.executeAPI("show", "channels").events
        #expect(events.count == 1)
        #expect(Normalise.text(Self.plain(events[0])) == Normalise.text(expected.body))
        #expect(core.executeAPI("status", "").events.first?["API-Command-Argument"] == nil)
    }

    /// sendevent CUSTOM with a body: client headers first, standard headers appended (capture 20).
    @Test func sendEventMatchesCapture20() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let frames = try Captures.load("20_sendevent").frames(labelled: "text/event")
        let body = ByteBuffer(string: "hello world\nsecond line")
        let plain = core.sendEvent(name: "CUSTOM", clientHeaders: [
            ("Event-Subclass", "capture::test"), ("X-Capture", "plain"), ("Content-Type", "text/plain"),
            ("Content-Length", "23"),
        ], body: body)
        #expect(Normalise.text(Self.plain(plain.event)) == Normalise.text(frames[0].body))
        #expect(plain.event["Event-UUID"] == plain.uuid)
        let json = core.sendEvent(name: "CUSTOM", clientHeaders: [
            ("Event-Subclass", "capture::test"), ("X-Capture", "json"), ("Content-Length", "23"),
        ], body: body)
        #expect(Normalise.text(Self.json(json.event)) == Normalise.text(frames[1].body))
    }
}
