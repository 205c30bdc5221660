import ESLProtocol
import NIOCore
import Testing
import TestSupport

/// What `print` and `debugPrint` show for the values a client receives, on frames of the real captures.
@Suite struct PrintingTests {
    /// The message carried by record `index` of capture `name`.
    static func message(_ name: String, _ index: Int) throws -> ESLMessage {
        var bytes = try Captures.records(name)[index].buffer
        var decoder = ESLFrameDecoder()
        let frames = try decoder.decodeAll(&bytes)
        try #require(frames.count == 1)
        return ESLMessage(frame: frames[0])
    }

    static func event(_ name: String, _ index: Int) throws -> ESLEvent {
        guard case .event(let frame) = try message(name, index) else {
            Issue.record("record \(index) of \(name) is not an event")
            return ESLEvent()
        }
        return try frame.decode()
    }

    @Test func backgroundJobEvent() throws {
        let event = try Self.event("12_bgapi_status", 10)
        #expect(event.description == "BACKGROUND_JOB (15 headers, 31-byte body)")
        #expect(event.debugDescription == """
            BACKGROUND_JOB (15 headers, 31-byte body)
            Event-Name: BACKGROUND_JOB
            Core-UUID: 4939d807-9850-4fa3-9371-a73ec1146b39
            FreeSWITCH-Hostname: vm
            FreeSWITCH-Switchname: vm
            FreeSWITCH-IPv4: 192.0.2.2
            FreeSWITCH-IPv6: fd00::2
            Event-Date-Local: 2026-11-26 14:45:40
            Event-Date-GMT: Thu, 26 Nov 2026 14:45:40 GMT
            Event-Date-Timestamp: 1795704340321215
            Event-Calling-File: mod_event_socket.c
            Event-Calling-Function: api_exec
            Event-Calling-Line-Number: 1569
            Event-Sequence: 423
            Job-UUID: 9d0b698b-b888-4b5c-bda5-ae943b3d2292
            Job-Command: foobar

            -ERR foobar Command not found!

            """)
        #expect(String(describing: event) == event.description, "print uses the short form")
    }

    @Test func eventsWithoutBodyOrNameOrWithSubclass() {
        var custom = ESLEvent()
        custom.addHeader("Event-Name", "CUSTOM")
        custom.addHeader("Event-Subclass", "sofia::register")
        #expect(custom.description == "CUSTOM sofia::register (2 headers)")
        #expect(custom.debugDescription == "CUSTOM sofia::register (2 headers)\nEvent-Name: CUSTOM\nEvent-Subclass: sofia::register")
        #expect(ESLEvent().description == "event (0 headers)")
        #expect(ESLEvent(headers: [("A", "b")], body: ByteBuffer(string: "x")).description == "event (1 header, 1-byte body)")
    }

    @Test func eventFrameIsNotDecodedToPrint() throws {
        guard case .event(let frame) = try Self.message("12_bgapi_status", 10) else {
            Issue.record("not an event")
            return
        }
        #expect(frame.description == "text/event-plain (566 bytes)")
        #expect(frame.debugDescription.hasPrefix("text/event-plain (566 bytes)\nEvent-Name: BACKGROUND_JOB\nCore-UUID: "))
        #expect(ESLMessage.event(frame).description == "text/event-plain (566 bytes)")
    }

    @Test func commandReplies() throws {
        let accepted = try Self.message("12_bgapi_status", 2)
        #expect(accepted.description == "command/reply: +OK accepted")
        guard case .commandReply(let reply) = accepted else {
            Issue.record("not a command reply")
            return
        }
        #expect(reply.description == "+OK accepted")
        #expect(ESLReply.command(reply).description == "+OK accepted")
        #expect(reply.debugDescription == "command/reply\nContent-Type: command/reply\nReply-Text: +OK accepted")

        guard case .commandReply(let job) = try Self.message("12_bgapi_status", 9) else {
            Issue.record("not a command reply")
            return
        }
        #expect(job.description == "+OK Job-UUID: 9d0b698b-b888-4b5c-bda5-ae943b3d2292")
        #expect(job.debugDescription == """
            command/reply
            Content-Type: command/reply
            Reply-Text: +OK Job-UUID: 9d0b698b-b888-4b5c-bda5-ae943b3d2292
            Job-UUID: 9d0b698b-b888-4b5c-bda5-ae943b3d2292
            """)
        #expect(try Self.message("02_auth_bad", 2).description == "command/reply: -ERR invalid")
    }

    @Test func apiResponses() throws {
        let message = try Self.message("11_api_unknown", 4)
        #expect(message.description == "api/response (31 bytes)")
        guard case .apiResponse(let response) = message else {
            Issue.record("not an api response")
            return
        }
        // An api reply prints its output as sent: that is what a caller of `api` wants to see.
        #expect(response.description == "-ERR foobar Command not found!\n")
        #expect(ESLReply.api(response).description == "-ERR foobar Command not found!\n")
        #expect(response.debugDescription == "api/response (31 bytes)\n-ERR foobar Command not found!\n")
        #expect(message.debugDescription == "api/response (2 headers, 31-byte body)\nContent-Type: api/response\nContent-Length: 31\n\n-ERR foobar Command not found!\n")
    }

    @Test func logLine() throws {
        let record = try #require(Captures.records("19_log").firstIndex { $0.label.contains("log/data") })
        let message = try Self.message("19_log", record)
        #expect(message.description == "[INFO] switch_time.c:1436 2026-11-26 14:47:12.241198 99.63% [INFO] switch_time.c:1436 Timezone reloaded 597 definitions")
        guard case .log(let line) = message else {
            Issue.record("not a log line")
            return
        }
        #expect(line.debugDescription == """
            log/data (8 headers, 94-byte body)
            Content-Type: log/data
            Content-Length: 94
            Log-Level: 6
            Text-Channel: 0
            Log-File: switch_time.c
            Log-Func: switch_load_timezones
            Log-Line: 1436
            User-Data: 

            2026-11-26 14:47:12.241198 99.63% [INFO] switch_time.c:1436 Timezone reloaded 597 definitions

            """)
    }

    @Test func disconnectAndLingerNotices() throws {
        #expect(try Self.message("02_auth_bad", 3).description == "disconnect: Disconnected, goodbye. (+1 line)")
        #expect(try Self.message("29_myevents_uuid_json_linger", 17).description == "linger: loopback/7000-a (3 s)")
        let forever = ESLDisconnectNotice(disposition: "linger", channelName: "loopback/7000-a", lingerTime: -1, message: "")
        #expect(forever.description == "linger: loopback/7000-a (until the client leaves)")
        #expect(ESLMessage.authRequest.description == "auth/request")
        #expect(ESLMessage.rudeRejection("Access Denied, go away.\n").description == "text/rude-rejection: Access Denied, go away.")
    }

    @Test func framesAndHeaders() {
        let frame = ESLFrame(headers: [("Content-Type", "text/x-unknown"), ("Content-Length", "2")], body: ByteBuffer(string: "hi"))
        #expect(frame.description == "text/x-unknown (2 headers, 2-byte body)")
        #expect(frame.debugDescription == "text/x-unknown (2 headers, 2-byte body)\nContent-Type: text/x-unknown\nContent-Length: 2\n\nhi")
        #expect(ESLFrame(headers: [("A", "b")]).description == "frame (1 header)")
        #expect(ESLEvent.Header(name: "Unique-ID", value: "abc").description == "Unique-ID: abc")
        #expect(ESLReply.channelData(ESLFrame(headers: [("Event-Name", "CHANNEL_DATA"), ("Reply-Text", "+OK")])).description == "CHANNEL_DATA (2 headers)")
    }

    /// Commands print without their passwords (already their description; checked here with the rest).
    @Test func commandsHideThePassword() {
        #expect(ESLCommand.auth(password: "ClueCon").description == "auth ********")
        #expect(ESLCommand.api("status").description == "api status")
        #expect(ESLCommand.auth(password: "ClueCon").debugDescription == "auth ********")
        let message = ESLCommand.sendmsg(uuid: "abc", headers: [("call-command", "execute"), ("execute-app-name", "playback")], body: ByteBuffer(string: "x"))
        #expect(message.debugDescription == "sendmsg abc\ncall-command: execute\nexecute-app-name: playback\n\nx")
        let headers: ESLHeaders = [("Content-Type", "command/reply"), ("Reply-Text", "+OK accepted")]
        #expect(headers.debugDescription == "Content-Type: command/reply\nReply-Text: +OK accepted")
    }
}
