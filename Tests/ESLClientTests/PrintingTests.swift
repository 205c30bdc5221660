import ESLClient
import ESLProtocol
import NIOCore
import Testing
import TestSupport

/// What `print` shows for a bgapi result and for notifications, on events of the real captures.
@Suite struct ClientPrintingTests {
    static func event(_ name: String, _ index: Int) throws -> ESLEvent {
        var bytes = try Captures.records(name)[index].buffer
        var decoder = ESLFrameDecoder()
        let frames = try decoder.decodeAll(&bytes)
        guard frames.count == 1, case .event(let frame) = ESLMessage(frame: frames[0]) else {
            Issue.record("record \(index) of \(name) is not one event")
            return ESLEvent()
        }
        return try frame.decode()
    }

    @Test func backgroundJobs() throws {
        let failed = ESLBackgroundJob(jobUUID: "9d0b698b-b888-4b5c-bda5-ae943b3d2292", event: try Self.event("12_bgapi_status", 10))
        #expect(failed.description == "bgapi foobar: -ERR foobar Command not found!")
        #expect(failed.debugDescription.hasPrefix("""
            bgapi job 9d0b698b-b888-4b5c-bda5-ae943b3d2292
            BACKGROUND_JOB (15 headers, 31-byte body)
            Event-Name: BACKGROUND_JOB

            """))
        #expect(failed.debugDescription.hasSuffix("Job-Command: foobar\n\n-ERR foobar Command not found!\n"))

        let status = ESLBackgroundJob(jobUUID: "86605b97-7a13-426a-a94b-139f4554c41a", event: try Self.event("12_bgapi_status", 7))
        let output = try #require(status.event.bodyString)
        let firstLine = try #require(output.split(separator: "\n").first)
        #expect(status.description == "bgapi status: \(firstLine) (+7 lines)")
        #expect(firstLine.hasPrefix("UP 0 years, 0 days"))

        var unnamed = ESLEvent()
        unnamed.addHeader("Event-Name", "BACKGROUND_JOB")
        unnamed.body = ByteBuffer(string: "+OK\n")
        #expect(ESLBackgroundJob(jobUUID: "j1", event: unnamed).description == "bgapi job j1: +OK")
    }

    @Test func notifications() throws {
        let event = try Self.event("12_bgapi_status", 10)
        #expect(ESLNotification.event(event).description == "BACKGROUND_JOB (15 headers, 31-byte body)")
        #expect(ESLNotification.event(event).debugDescription == event.debugDescription)
        let linger = ESLDisconnectNotice(disposition: "linger", channelName: "loopback/7000-a", lingerTime: 3, message: "")
        #expect(ESLNotification.linger(linger).description == "linger: loopback/7000-a (3 s)")
        let log = ESLLogLine(level: 7, file: "switch_cpp.cpp", function: "hangup", line: 1466, body: ByteBuffer(string: "cleanup\n"))
        #expect(ESLNotification.log(log).description == "[DEBUG] switch_cpp.cpp:1466 cleanup")
        let error = ESLClientError(.connectionRefused, "connection refused")
        #expect(ESLNotification.disconnected(error).description == "disconnected: \(error)")
    }
}
