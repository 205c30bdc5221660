import ESLProtocol
import MockSwitch
import NIOCore
import Testing

/// event_sink over real HTTP: every command, every error text, the quirks (docs/http-face.md).
@Suite(.timeLimit(.minutes(3))) struct EventSinkTests {
    typealias W = SinkWrapper

    @Test func xmlListenerIsCreatedCheckedAndEmptied() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        #expect(try await http.sink("command=create-listener&events=HEARTBEAT") == W.xml(W.created(1, "xml")))
        #expect(try await http.sink("command=check-listener&listen-id=1") == W.xml(W.follows(1, "xml") + "<events>\n </events>\n</data>\n"))

        let beat = http.core.heartbeat()[0]
        http.mock.publish(events: [beat])
        var xml = ByteBuffer()
        beat.encodeXML(into: &xml)
        let full = try await http.sink("command=check-listener&listen-id=1")
        #expect(full == W.xml(W.follows(1, "xml") + "<events>\n" + String(buffer: xml) + "\n </events>\n</data>\n"))
        #expect(full.contains("<Event-Date-GMT>Thu,%2026%20Nov%202026%2014%3A45%3A30%20GMT</Event-Date-GMT>"))
        // The read emptied the queue.
        #expect(try await http.sink("command=check-listener&listen-id=1") == W.xml(W.follows(1, "xml") + "<events>\n </events>\n</data>\n"))
    }

    @Test func plainListenerWrapsEachEventWithoutANewline() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        #expect(try await http.sink("command=create-listener&events=HEARTBEAT&format=plain") == W.xml(W.created(1, "plain")))
        let beats = [http.core.heartbeat()[0], http.core.heartbeat()[0]]
        http.mock.publish(events: beats)
        let plain = beats.map { event -> String in
            var buffer = ByteBuffer()
            event.encodePlain(into: &buffer)
            return "<event type=\"plain\">\n" + String(buffer: buffer) + "</event>"
        }
        #expect(try await http.sink("command=check-listener&listen-id=1")
            == W.xml(W.follows(1, "plain") + "<events>\n" + plain.joined() + " </events>\n</data>\n"))
    }

    @Test func replyShapeFollowsTheListenerAndTheWrapperTheRequest() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        // Without events the listener stays plain, whatever format says; the reply is XML in the JSON wrapper.
        #expect(try await http.sink("command=create-listener&format=json&loglevel=debug") == W.json(W.created(1, "plain")))
        #expect(try await http.sink("command=create-listener&events=HEARTBEAT&format=json") == W.json(W.jsonListener(2)))
        // A json listener polled without format=json: JSON inside the XML wrapper.
        #expect(try await http.sink("command=check-listener&listen-id=2") == W.xml(W.jsonListener(2, events: "[]")))
        // An xml listener polled with format=json: the XML fragment alone.
        #expect(try await http.sink("command=create-listener&events=HEARTBEAT") == W.xml(W.created(3, "xml")))
        #expect(try await http.sink("command=check-listener&listen-id=3&format=json") == W.json(W.follows(3, "xml") + "<events>\n </events>\n</data>\n"))
        // Commands and their values are read in any case; `7x` is 7 to atol.
        #expect(try await http.sink("COMMAND=Check-Listener&Listen-ID=3x") == W.xml(W.follows(3, "xml") + "<events>\n </events>\n</data>\n"))
    }

    @Test func createErrorsAndTheIdsTheyUseUp() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        #expect(try await http.sink("command=create-listener") == W.xml("<data><reply type=\"error\">Missing parameter!</reply></data>\n"))
        #expect(try await http.sink("command=create-listener&format=json&events=") == W.json("{\"reply\": \"error\", \"reply_text\":\"Missing parameter!\"}"))
        // No id used so far; "No keywords supplied" uses one, in the listener's format.
        #expect(try await http.sink("command=create-listener&events=NOPE") == W.xml("<data><reply type=\"error\">No keywords supplied</reply></data>\n"))
        #expect(try await http.sink("command=create-listener&events=NOPE&format=json") == W.json("{\"reply\": \"error\", \"reply_text\":\"No keywords supplied\"}"))
        #expect(try await http.sink("command=create-listener&events=NOPE&format=plain")
            == W.xml("<data><reply type=\"error\">No keywords supplied</reply></data>\n"))
        // A space splits on spaces, so `HEARTBEAT,` is unknown and only CHANNEL_CREATE counts.
        #expect(try await http.sink("command=create-listener&events=HEARTBEAT,+CHANNEL_CREATE") == W.xml(W.created(4, "xml")))
        #expect(try await http.sink("command=create-listener&events=SWITCH_EVENT_HEARTBEAT,api") == W.xml(W.created(5, "xml")))
        #expect(http.core.eventSinkListeners.ids == [4, 5])
        #expect(try await http.sink("command=check-listener&listen-id=3") == W.xml("<data><reply type=\"error\">Can't find listener</reply></data>\n"))
    }

    @Test func commandErrors() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let cases: [(String, String)] = [
            ("x=1", W.xml("<data><reply type=\"error\">Missing command parameter!</reply></data>\n")),
            ("command=&format=json", W.json("<data><reply type=\"error\">Missing command parameter!</reply></data>\n")),
            ("command=nope", W.xml("<data><reply type=\"error\">INVALID COMMAND!</reply></data\n")),
            ("command=nope&format=json", W.json("<data><reply type=\"error\">INVALID COMMAND!</reply></data\n")),
            ("command=check-listener&listen-id=abc", W.xml("<data><reply type=\"error\">Can't find listener</reply></data>\n")),
            ("command=check-listener&listen-id=9&format=json", W.json("{\"reply\": \"error\", \"reply_text\":\"Can't find listener\"}")),
            ("command=destroy-listener&listen-id=9&format=json", W.json("<data><reply type=\"error\">Can't find listener</reply></data>\n")),
            ("command=filter&listen-id=9&action=add", W.xml("<data><reply type=\"error\">Invalid Listen-ID</reply></data>\n")),
            ("command=set-loglevel&listen-id=9&loglevel=info", W.xml("<data><reply type=\"error\">Invalid Listen-ID</reply></data>\n")),
            ("command=stop-logging&listen-id=9", W.xml("<data><reply type=\"error\">Invalid Listen-ID</reply></data>\n")),
            ("command=exec-fsapi", W.xml("<data><reply type=\"error\">INVALID API COMMAND!</reply></data>\n")),
        ]
        for (query, expected) in cases {
            #expect(try await http.sink(query) == expected, "\(query)")
        }
    }

    @Test func destroyAnswersInXMLAndForgetsTheListener() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        _ = try await http.sink("command=create-listener&events=ALL&format=json")
        http.heartbeat()
        #expect(try await http.sink("command=destroy-listener&listen-id=1&format=json")
            == W.json("<data>\n <reply type=\"success\">listener 1 destroyed</reply>\n" + W.listener(1, "json") + "</data>\n"))
        #expect(try await http.sink("command=check-listener&listen-id=1&format=json") == W.json("{\"reply\": \"error\", \"reply_text\":\"Can't find listener\"}"))
        #expect(try await http.sink("command=filter&listen-id=1&action=add&header-name=a&header-val=b")
            == W.xml("<data><reply type=\"error\">Invalid Listen-ID</reply></data>\n"))
    }

    @Test func filtersApplyWhenEventsAreQueued() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        _ = try await http.sink("command=create-listener&events=ALL&format=json")
        let syntax = W.xml("<data><reply type=\"error\">Invalid Syntax</reply></data>\n")
        #expect(try await http.sink("command=filter&listen-id=1") == syntax)
        #expect(try await http.sink("command=filter&listen-id=1&action=add&header-name=Event-Name") == syntax)
        #expect(try await http.sink("command=filter&listen-id=1&action=delete&header-name=Event-Name") == syntax)
        #expect(try await http.sink("command=filter&listen-id=1&action=sideways&header-name=a&header-val=b") == syntax)
        // Queued before the filter: the API events of the calls so far stay.
        let before = try await http.sink("command=check-listener&listen-id=1&format=json")
        #expect(before.contains("\"API-Command\":\t\"event_sink\""))

        #expect(try await http.sink("command=filter&listen-id=1&action=ADD&header-name=Event-Name&header-val=HEARTBEAT")
            == W.xml("<data>\n <reply type=\"success\">filter added.</reply>\n<api-command>\n"))
        http.heartbeat()
        http.mock.publish(events: [ESLEvent(headers: [("Event-Name", "CUSTOM"), ("Event-Subclass", "demo::x")])])
        let filtered = try await http.sink("command=check-listener&listen-id=1&format=json")
        // The API event of the check before the filter was queued; nothing after it but the HEARTBEAT.
        #expect(filtered.components(separatedBy: "\"Event-Name\"").count == 3, "\(filtered)")
        #expect(filtered.contains("\"Event-Name\":\t\"HEARTBEAT\""))
        #expect(!filtered.contains("demo::x"))
        #expect(!filtered.contains("command=filter"))

        // delete names the header in header-val; the reply is the same whether anything went.
        #expect(try await http.sink("command=filter&listen-id=1&action=delete&header-val=event-name&format=json")
            == W.json("<data>\n <reply type=\"success\">filter deleted.</reply>\n<api-command>\n"))
        #expect(try await http.sink("command=filter&listen-id=1&action=delete&header-val=all")
            == W.xml("<data>\n <reply type=\"success\">filter deleted.</reply>\n<api-command>\n"))
        http.heartbeat()
        let open = try await http.sink("command=check-listener&listen-id=1&format=json")
        #expect(open.contains("\"API-Command\":\t\"event_sink\""))
    }

    @Test func logLinesComeFirstAsXMLEvenForAJSONListener() async throws {
        let clock = ManualClock(1_795_706_654_069_301)  // 2026-11-26 15:24:14.069301
        let http = try await HTTPFixture.start(clock: clock)
        defer { Task { await http.mock.stop() } }
        http.core.updateStatistics { $0.idleCPU = 98.4 }
        #expect(try await http.sink("command=create-listener&loglevel=info") == W.xml(W.created(1, "plain")))
        _ = try await HTTPWire.get("/api/log?INFO%20hello%20%3Cworld%3E%20%26%20more", port: http.port)
        http.mock.publish(logLines: [http.core.log(level: 7, "not at info", source: .init(file: "a.c", function: "f", line: 1))])
        let captured = "<log log-level=\"6\" text-channel=\"3\" log-file=\"mod_commands.c\" log-func=\"log_function\" log-line=\"7227\" user-data=\"\">"
            + "2026-11-26%2015%3A24%3A14.069301%2098.40%25%20%5BINFO%5D%20mod_commands.c%3A7227%20hello%20%3Cworld%3E%20%26%20more%0A</log>\n"
        #expect(try await http.sink("command=check-listener&listen-id=1")
            == W.xml(W.follows(1, "plain") + "<log_data>\n" + captured + "</log_data>\n<events>\n </events>\n</data>\n"))

        #expect(try await http.sink("command=create-listener&events=HEARTBEAT&format=json&loglevel=bogus") == W.json(W.jsonListener(2)))
        let levels: [(String, String)] = [
            ("command=set-loglevel&listen-id=2", W.xml("<data><reply type=\"error\">Invalid Syntax</reply></data>\n")),
            ("command=set-loglevel&listen-id=2&loglevel=loud", W.xml("<data><reply type=\"error\">Invalid Level</reply></data>\n")),
            ("command=set-loglevel&listen-id=2&loglevel=INFO", W.xml("<data><reply type=\"success\">Log Level INFO</reply></data>\n")),
        ]
        for (query, expected) in levels {
            #expect(try await http.sink(query) == expected, "\(query)")
        }
        _ = try await HTTPWire.get("/api/log?INFO%20hello%20%3Cworld%3E%20%26%20more", port: http.port)
        #expect(try await http.sink("command=check-listener&listen-id=2&format=json")
            == W.json("<log_data>\n" + captured + "</log_data>\n" + W.jsonListener(2, events: "[]")))

        #expect(try await http.sink("command=stop-logging&listen-id=2") == W.xml("<data><reply type=\"success\">Not Logging</reply></data>\n"))
        #expect(try await http.sink("command=stop-logging&listen-id=2") == W.xml("<data><reply type=\"error\">Not Logging</reply></data>\n"))
        #expect(try await http.sink("command=check-listener&listen-id=2&format=json") == W.json(W.jsonListener(2, events: "[]")))
    }

    @Test func execFSAPIRunsAnyCommandWithAnEmptyParamEvent() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let head = "<data>\n <reply type=\"success\">Execute API Command</reply>\n<api-command>\n"
        let tail = " </api-command>\n</data>"
        let cases: [(String, String)] = [
            ("fsapi-command=echo&fsapi-args=hello+world", "Content-Type: text/plain\r\n\r\nhello world"),
            ("fsapi-command=version", "Content-Type: text/plain\r\n\r\nFreeSWITCH Version 1.11.1-release~64bit ( 64bit)\n"),
            ("fsapi-command=nosuch", "Content-Type: text/plain\r\n\r\nINVALID COMMAND!\n"),
            // The empty param event has no HTTP-HOST.
            ("fsapi-command=event_sink&fsapi-args=command%3Dcreate-listener", "Content-Type: text/plain\r\n\r\nThis is a web application!\n"),
        ]
        for (query, output) in cases {
            #expect(try await http.sink("command=exec-fsapi&" + query) == W.xml(head + output + tail), "\(query)")
        }
        #expect(try await http.sink("command=exec-fsapi&format=json&fsapi-command=echo&fsapi-args=hi") == W.json(head + "Content-Type: text/plain\r\n\r\nhi" + tail))
        #expect(http.core.eventSinkListeners.ids.isEmpty)
    }

    @Test func idleListenersExpireWhenAnEventPassesAfterSixtySeconds() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        _ = try await http.sink("command=create-listener&events=HEARTBEAT")                 // 1: never polled
        _ = try await http.sink("command=create-listener&events=HEARTBEAT&loglevel=crit")   // 2: polled at +40 s
        _ = try await http.sink("command=create-listener&events=HEARTBEAT")                 // 3: filtered, then never polled
        _ = try await http.sink("command=filter&listen-id=3&action=add&header-name=a&header-val=b")
        _ = try await http.sink("command=create-listener&events=HEARTBEAT")                 // 4: idle exactly 60 s
        http.clock.advance(microseconds: 40_000_000)
        _ = try await http.sink("command=check-listener&listen-id=2")
        http.clock.advance(microseconds: 20_000_000)
        http.heartbeat()
        #expect(http.core.eventSinkListeners.ids == [1, 2, 3, 4], "60 s is not yet more than 60 s")
        http.clock.advance(microseconds: 1_000_000)
        // check-listener does not test the timeout itself: with no event since, 61 s idle is still found.
        #expect(try await http.sink("command=check-listener&listen-id=4").contains("Current Events Follow"))
        http.heartbeat()
        #expect(http.core.eventSinkListeners.ids == [2, 4])
        let notFound = W.xml("<data><reply type=\"error\">Can't find listener</reply></data>\n")
        #expect(try await http.sink("command=check-listener&listen-id=1") == notFound)
        #expect(try await http.sink("command=check-listener&listen-id=3") == notFound)
        // Listener 2 logs at CRIT: it got the expiry line of 1 but not of 3, whose lock was never released.
        let survivor = try await http.sink("command=check-listener&listen-id=2")
        #expect(survivor.contains("%5BCRIT%5D%20mod_event_socket.c%3A406%20Stateful%20Listener%201%20has%20expired%0A</log>"))
        #expect(!survivor.contains("Listener%203"))
        #expect(survivor.contains("<Event-Name>HEARTBEAT</Event-Name>"))
    }

    @Test func currentReleasesQueueNothing() async throws {
        let http = try await HTTPFixture.start(.current)
        defer { Task { await http.mock.stop() } }
        #expect(try await http.sink("command=create-listener&events=ALL&format=json&loglevel=debug") == W.json(W.jsonListener(1)))
        http.heartbeat()
        _ = try await HTTPWire.get("/api/log?INFO%20hello", port: http.port)
        #expect(try await http.sink("command=check-listener&listen-id=1&format=json")
            == W.json("<log_data>\n</log_data>\n" + W.jsonListener(1, events: "[]")))
        // Expiry still works.
        http.clock.advance(microseconds: 61_000_000)
        http.heartbeat()
        #expect(try await http.sink("command=check-listener&listen-id=1&format=json") == W.json("{\"reply\": \"error\", \"reply_text\":\"Can't find listener\"}"))
    }
}
