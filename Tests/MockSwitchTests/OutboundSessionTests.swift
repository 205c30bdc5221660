import ESLClient
import ESLProtocol
import Logging
import MockSwitch
import TestSupport
import Testing

/// The `socket` application end to end: the mock's call connects out to the library's
/// ``ESLOutboundListener``, which drives it as an event socket application would.
@Suite(.timeLimit(.minutes(3))) struct OutboundSessionTests {
    private static func startMock() async throws -> MockSwitchServer {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.heartbeatInterval = .seconds(3600)
        return try await MockSwitchServer.start(configuration, logger: Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    private static func inbound(_ mock: MockSwitchServer) async throws -> ESLConnection {
        try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
    }

    /// Events until one named `name` (included), or the end of the stream.
    private static func events(on connection: ESLConnection, until name: String, where test: (ESLEvent) -> Bool = { _ in true }) async -> [ESLEvent] {
        var seen: [ESLEvent] = []
        for await notification in connection.notifications {
            guard case .event(let event) = notification else { continue }
            seen.append(event)
            if event.name == name, test(event) { break }
        }
        return seen
    }

    @Test func asyncFullSessionRunsAPlaybackHangsUpAndLingers() async throws {
        let mock = try await Self.startMock()
        let listener = try await ESLOutboundListener.bind(host: "127.0.0.1", port: 0)
        let control = try await Self.inbound(mock)
        #expect(try await control.command(.bgapi("originate", "loopback/7000/default '&socket(127.0.0.1:\(listener.port) async full)'")).isOK)
        var connections = listener.connections.makeAsyncIterator()
        let call = try #require(await connections.next())

        let channel = try await call.connect()
        #expect(channel.name == "CHANNEL_DATA")
        #expect(channel["Socket-Mode"] == "async")
        #expect(channel["Control"] == "full")
        #expect(channel["Channel-Name"] == "loopback/7000-a")
        #expect(channel["Channel-Channel-Name"] == "loopback/7000-a")
        #expect(channel["variable_current_application"] == "socket")
        #expect(channel["variable_socket_host"] == "127.0.0.1")
        let uuid = try #require(channel["Unique-ID"])

        #expect(try await call.command(.myevents()).text == "+OK Events Enabled")
        #expect(try await call.command(.linger(seconds: 1)).text == "+OK will linger 1 seconds")
        #expect(try await call.command(.getvar("channel_name")).text == "loopback/7000-a")
        #expect(try await call.command(.getvar("no_such_variable")).text == "-ERR command not found")
        #expect(try await call.api("uuid_getvar", "\(uuid) socket_host").text == "127.0.0.1")
        // async: the message is queued, so +OK comes before the playback has played.
        #expect(try await call.command(.execute("playback", "tone_stream://%(100,0,600)", eventLock: true)).text == "+OK")
        let played = await Self.events(on: call, until: "CHANNEL_EXECUTE_COMPLETE") { $0["Application"] == "playback" }
        #expect(played.last?["variable_current_application_response"] == "FILE PLAYED")
        #expect(try await call.command(.hangup(cause: "NORMAL_CLEARING")).text == "+OK")

        let ending = await ConnectionEnding.read(call)
        #expect(ending.unexpected.isEmpty, "\(ending.unexpected)")
        #expect(ending.events.allSatisfy { $0["Unique-ID"] == uuid })
        #expect(ending.names.first == "CHANNEL_HANGUP")
        #expect(ending.names.last == "CHANNEL_HANGUP_COMPLETE")
        // The channel parked on its timer tick after `connect` (before or after `myevents`, so its
        // PARK may not have been sent) and leaves park as it hangs up.
        #expect(ending.names.contains("CHANNEL_UNPARK"))
        #expect(ending.linger?.channelName == "loopback/7000-a")
        #expect(ending.linger?.lingerTime == 1)
        #expect(ending.end?.code == .disconnected)
        await control.close()
        await listener.close()
        await mock.stop()
    }

    @Test func staticSingleChannelRefusesFullCommandsAndRunsMessagesInline() async throws {
        let mock = try await Self.startMock()
        let listener = try await ESLOutboundListener.bind(host: "127.0.0.1", port: 0)
        let control = try await Self.inbound(mock)
        #expect(try await control.command(.bgapi("originate", "loopback/7000/default &socket(127.0.0.1:\(listener.port))")).isOK)
        var connections = listener.connections.makeAsyncIterator()
        let call = try #require(await connections.next())
        let channel = try await call.connect()
        #expect(channel["Socket-Mode"] == "static")
        #expect(channel["Control"] == "single-channel")
        #expect(try await call.command(.myevents()).text == "+OK Events Enabled")
        #expect(try await call.command(.linger(seconds: 5)).text == "-ERR command not found")
        #expect(try await call.command(.event(.plain, ["ALL"])).text == "-ERR command not found")
        #expect(try await call.api("status").text == "-ERR command not found")
        // static: the listener runs the message on the channel's thread and replies when it is done,
        // so both of its events follow the reply.
        #expect(try await call.command(.execute("playback", "tone_stream://%(100,0,600)", eventLock: true)).text == "+OK")
        let played = await Self.events(on: call, until: "CHANNEL_EXECUTE_COMPLETE")
        #expect(played.map(\.name) == ["CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE"])
        #expect(try await call.command(.hangup(cause: "NORMAL_CLEARING")).text == "+OK")
        var rest: [ESLNotification] = []
        for await notification in call.notifications { rest.append(notification) }
        // The listener notices the hangup it ran before any of its events.
        #expect(rest.count == 1)
        guard case .disconnected(let error)? = rest.first else { return #expect(Bool(false), "\(rest)") }
        #expect(error.code == .disconnected)
        await control.close()
        await listener.close()
        await mock.stop()
    }

    @Test func theDialplanGoesOnWhenTheApplicationLeaves() async throws {
        let mock = try await Self.startMock()
        let listener = try await ESLOutboundListener.bind(host: "127.0.0.1", port: 0)
        mock.core.calls.dialplan.extensions["4242"] = [
            Dialplan.Step("answer"), Dialplan.Step("socket", "127.0.0.1:\(listener.port) async full"),
            Dialplan.Step("set", "after_socket=yes"), Dialplan.Step("hangup", "NORMAL_UNSPECIFIED"),
        ]
        let control = try await Self.inbound(mock)
        #expect(try await control.command(.event(.plain, ["CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HANGUP"])).isOK)
        #expect(try await control.api("originate", "loopback/4242/default &park()").text.hasPrefix("+OK "))
        var connections = listener.connections.makeAsyncIterator()
        let call = try #require(await connections.next())
        let channel = try await call.connect()
        #expect(channel["Caller-Destination-Number"] == "4242")
        #expect(try await call.command(.resume).text == "+OK")
        #expect(try await call.command(.exit).text == "+OK bye")
        let seen = await Self.events(on: control, until: "CHANNEL_EXECUTE_COMPLETE") { $0["Application"] == "hangup" }
        let completed = seen.filter { $0.name == "CHANNEL_EXECUTE_COMPLETE" && $0["Channel-Name"] == "loopback/4242-b" }.compactMap { $0["Application"] }
        // In business hours the stock dialplan sets `open=true` first.
        #expect(Array(completed.drop { $0 != "answer" }) == ["answer", "socket", "set", "hangup"])
        #expect(seen.last?["variable_after_socket"] == "yes")
        #expect(seen.last?["variable_socket_resume"] == "true")
        await call.close()
        await control.close()
        await listener.close()
        await mock.stop()
    }

    @Test func withNothingListeningTheSwitchLogsASocketErrorAndTheCallEnds() async throws {
        let mock = try await Self.startMock()
        let nothing = try ReservedPort()
        let control = try await Self.inbound(mock)
        #expect(try await control.command(.log(.debug)).isOK)
        #expect(try await control.command(.event(.plain, ["CHANNEL_HANGUP_COMPLETE"])).isOK)
        #expect(try await control.command(.bgapi("originate", "loopback/7000/default '&socket(127.0.0.1:\(nothing.port) async full)'")).isOK)
        var error: ESLLogLine?
        var hangup: ESLEvent?
        for await notification in control.notifications {
            switch notification {
            case .log(let line) where line.text.contains("Socket Error!"): error = line
            case .event(let event) where event.name == "CHANNEL_HANGUP_COMPLETE" && event["Channel-Name"] == "loopback/7000-a": hangup = event
            default: break
            }
            if error != nil, hangup != nil { break }
        }
        #expect(error?.level == 3)
        #expect(error?.file == "mod_event_socket.c")
        #expect(error?.function == "socket_function")
        #expect(hangup?["variable_last_app"] == "socket")
        #expect(hangup?["Hangup-Cause"] == "NORMAL_CLEARING")
        await control.close()
        await mock.stop()
    }
}
