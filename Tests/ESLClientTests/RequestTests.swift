import ESLClient
import ESLProtocol
import NIOCore
import TestSupport
import Testing

/// Requests, notifications and disconnects on an established connection.
@Suite(.timeLimit(.minutes(3))) struct RequestTests {
    private static let greeting = ScriptedSwitch.greeting

    private static func connect(_ server: ScriptedSwitch, configure: (inout ESLConnection.Configuration) -> Void = { _ in }) async throws -> ESLConnection {
        var configuration = ESLConnection.Configuration.patientForTests
        configure(&configuration)
        return try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: configuration)
    }

    @Test func myeventsLingerAndSessionDisconnectLikeCapture29() async throws {
        let records = try Captures.records("29_myevents_uuid_json_linger", connection: "A")
        let server = try await ScriptedSwitch(replaying: records)
        let connection = try await Self.connect(server)
        let uuid = "d4cd163c-1acf-4820-87f3-df74d174bef6"
        #expect(try await connection.command("myevents \(uuid) json").text == "+OK Events Enabled")
        #expect(try await connection.command("myevents \(uuid) json").errorText == "aready enabled.")
        #expect(try await connection.command(.linger(seconds: 3)).text == "+OK will linger 3 seconds")

        var names: [String] = []
        var lingered: ESLDisconnectNotice?
        var final: ESLClientError?
        for await notification in connection.notifications {
            switch notification {
            case .event(let event): names.append(event.name ?? "?")
            case .linger(let notice): lingered = notice
            case .disconnected(let error): final = error
            default: Issue.record("unexpected \(notification)")
            }
        }
        let capturedEvents = records.filter { $0.label.hasPrefix("(text/event-plain") }.count
        #expect(names.count == capturedEvents)
        #expect(names.first == "CHANNEL_HANGUP")
        #expect(names.last == "CHANNEL_HANGUP_COMPLETE")
        #expect(lingered?.isLinger == true)
        #expect(lingered?.controlledSessionUUID == uuid)
        #expect(final?.code == .disconnected)
        #expect(final?.serverText?.hasPrefix("Disconnected, goodbye.") == true)
        #expect(await server.mismatches == [])
        await server.stop()
    }

    @Test func eventsAndLogsBeforeAReplyDoNotTakeItsPlace() async throws {
        let log = "Content-Type: log/data\nContent-Length: 6\nLog-Level: 7\nText-Channel: 0\nLog-File: a.c\nLog-Func: f\nLog-Line: 1\nUser-Data: \n\nhello\n"
        let event = "Content-Length: 41\nContent-Type: text/event-plain\n\nEvent-Name: HEARTBEAT\nEvent-Sequence: 1\n\n"
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("api switchname\n\n"),
            .send(log + event + "Content-Type: api/response\nContent-Length: 2\n\nvm"),
            .expect("event plain ALL\n\n"),
            .send(event + "Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n"),
            .hang,
        ])
        let connection = try await Self.connect(server)
        #expect(try await connection.api("switchname").text == "vm")
        #expect(try await connection.command(.event(.plain, ["ALL"])).isOK)
        var iterator = connection.notifications.makeAsyncIterator()
        guard case .log(let line) = await iterator.next() else { Issue.record("no log line"); return }
        #expect(line.text == "hello\n")
        #expect(line.level == 7)
        for _ in 0..<2 {
            guard case .event(let received) = await iterator.next() else { Issue.record("no event"); return }
            #expect(received.name == "HEARTBEAT")
        }
        #expect(await connection.subscriptions().isAllEnabled)
        await connection.close()
        await server.stop()
    }

    @Test func disconnectNoticeFailsThePendingRequestWithTheReason() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("api status\n\n"),
            .send("Content-Type: text/disconnect-notice\nContent-Length: 31\n\nThe system is being shut down.\n"),
            .close,
        ])
        let connection = try await Self.connect(server)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("status") }
        #expect(error?.code == .disconnected)
        #expect(error?.serverText == ESLDisconnectNotice.shutdown)
        var last: ESLNotification?
        for await notification in connection.notifications { last = notification }
        guard case .disconnected(let final) = last else { Issue.record("stream did not end with the disconnect"); return }
        #expect(final.serverText == ESLDisconnectNotice.shutdown)
        await server.stop()
    }

    @Test func serverClosingWithoutNoticeFailsPendingRequests() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [.expect("api status\n\n"), .close])
        let connection = try await Self.connect(server)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("status") }
        #expect(error?.code == .connectionClosed)
        #expect(!connection.isActive)
        let afterwards = await #expect(throws: ESLClientError.self) { _ = try await connection.api("status") }
        #expect(afterwards?.code == .connectionClosed)
        await server.stop()
    }

    @Test(arguments: [
        ("Content-Type: api/response\nContent-Length: -5\n\n", ESLProtocolError.Code.invalidContentLength),
        ("Content-Type: api/response\nContent-Length: 99999999999\n\n", .bodyTooLarge),
        ("Content-Type: api/response\nContent-Length: twelve\n\n", .invalidContentLength),
    ])
    func badFramesEndTheConnectionWithAProtocolError(frame: String, expected: ESLProtocolError.Code) async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [.expect("api status\n\n"), .send(frame), .hang])
        let connection = try await Self.connect(server)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("status") }
        #expect(error?.code == .protocolError)
        #expect(error?.context.isEmpty == false)
        #expect(error?.message.contains("Content-Length") == true)
        await server.stop()
    }

    @Test func oversizedBodyRespectsConfiguredLimit() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("api status\n\n"), .send("Content-Type: api/response\nContent-Length: 2048\n\n"), .hang,
        ])
        let connection = try await Self.connect(server) { $0.limits.maxBodyBytes = 1024 }
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("status") }
        #expect(error?.message.contains("2048") == true)
        await server.stop()
    }

    @Test func requestTimeoutLeavesTheConnectionUsable() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("api slow\n\n"),
            .expect("api fast\n\n"),
            .send("Content-Type: api/response\nContent-Length: 4\n\nlate"),
            .send("Content-Type: api/response\nContent-Length: 4\n\nfast"),
            .hang,
        ])
        let connection = try await Self.connect(server)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("slow", timeout: .milliseconds(100)) }
        #expect(error?.code == .requestTimeout)
        #expect(try await connection.api("fast").text == "fast")
        await connection.close()
        await server.stop()
    }

    @Test func cancellingAWaitingRequestThrowsCancelled() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [.expect("api sleep\n\n"), .hang])
        let connection = try await Self.connect(server)
        let task = Task { try await connection.api("sleep") }
        // Wait until the switch has the request, so cancellation hits a request in flight.
        await server.waitForPackets(2)
        task.cancel()
        let result = await task.result
        guard case .failure(let error as ESLClientError) = result else { Issue.record("not cancelled: \(result)"); return }
        #expect(error.code == .cancelled)
        await connection.close()
        await server.stop()
    }

    @Test func slowReaderDropsOldestNotificationsAndCountsThem() async throws {
        let line = "Content-Type: log/data\nContent-Length: 2\nLog-Level: 6\nText-Channel: 0\nLog-File: a.c\nLog-Func: f\nLog-Line: 1\nUser-Data: \n\nx\n"
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("api status\n\n"),
            .send(String(repeating: line, count: 100) + "Content-Type: api/response\nContent-Length: 2\n\nok"),
            .hang,
        ])
        let connection = try await Self.connect(server) { $0.notificationBufferSize = 10 }
        #expect(try await connection.api("status").text == "ok")
        #expect(connection.droppedCount == 90)
        var iterator = connection.notifications.makeAsyncIterator()
        var kept = 0
        while kept < 10, case .log = await iterator.next() { kept += 1 }
        #expect(kept == 10)
        await connection.close()
        await server.stop()
    }

    @Test func lineBreakInACommandIsRefusedBeforeSending() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [.expect("api status\n\n"), .send("Content-Type: api/response\nContent-Length: 2\n\nok"), .hang])
        let connection = try await Self.connect(server)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("status\n\nexit") }
        #expect(error?.code == .invalidCommand)
        #expect(try await connection.api("status").text == "ok")
        #expect(await server.received.count == 2)
        await connection.close()
        await server.stop()
    }
}

extension RequestTests {
    @Test func aWrongContentLengthThatDesynchronisesTheStreamIsAProtocolErrorNotAHang() async throws {
        // The event declares 43 bytes but has 41, so the next frame starts two bytes late.
        let event = "Content-Length: 43\nContent-Type: text/event-plain\n\nEvent-Name: HEARTBEAT\nEvent-Sequence: 1\n\n"
        let server = try await ScriptedSwitch(script: [
            .send("Content-Type: auth/request\n\n"), .expect("auth ClueCon\n\n"),
            .send("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"),
            .expect("api switchname\n\n"),
            .send(event + "Content-Type: api/response\nContent-Length: 2\n\nvm"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.api("switchname") }
        #expect(error?.code == .protocolError)
        #expect(error?.message.contains("out of step") == true)
        await server.stop()
    }
}
