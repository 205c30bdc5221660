import ESLClient
import ESLProtocol
import MockSwitch
import TestSupport
import Testing

/// Server behaviours no capture shows, over real sockets: userauth permissions, oversized packets,
/// the first-packet timeout, console_execute lists.
@Suite(.timeLimit(.minutes(3))) struct ServerBehaviourTests {
    static func start(_ configure: (inout MockSwitchConfiguration) -> Void = { _ in }) async throws -> MockSwitchServer {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.heartbeatInterval = .seconds(3600)
        configure(&configuration)
        return try await MockSwitchServer.start(configuration, logger: ConformanceTests.quiet)
    }

    @Test func userauthLoginIsLimitedToItsAllowedAPIAndEvents() async throws {
        let mock = try await Self.start {
            $0.users = [MockSwitchConfiguration.User(specification: "1000@default:pw:HEARTBEAT:status:false")!]
        }
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "pw", user: "1000@default", configuration: .patientForTests)
        #expect(try await connection.api("status").text.contains("is ready"))
        let refused = try await connection.api("version")
        #expect(refused.isError, "\(refused.text)")
        #expect(try await connection.command(.event(["CHANNEL_CREATE"])).text == "-ERR permission denied")
        #expect(try await connection.command(.event(["HEARTBEAT"])).isOK)
        #expect(try await connection.command(.log(.debug)).text == "-ERR permission denied")
        await connection.close()
        let wrong = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "nope", user: "1000@default", configuration: .patientForTests)
        }
        #expect(wrong?.code == .authenticationFailed)
        await mock.stop()
    }

    @Test func contentLengthOver16MiBDropsTheConnectionWithTheGoodbye() async throws {
        let mock = try await Self.start()
        let client = try await WireClient(port: mock.port)
        _ = try await client.next()
        try await client.send("auth ClueCon\n\n")
        #expect(try await client.next()?.headers["Reply-Text"] == "+OK accepted")
        try await client.send("sendevent CUSTOM\nContent-Length: 16777217\n\n")
        let notice = try #require(try await client.next())
        #expect(notice.contentType == ESLContentType.disconnectNotice)
        #expect(notice.bodyString == ESLDisconnectNotice.goodbye)
        #expect(try await client.next() == nil)
        await mock.stop()
    }

    @Test func silentClientGetsTheGoodbyeAfterTheFirstPacketTimeout() async throws {
        let mock = try await Self.start { $0.firstPacketTimeout = .milliseconds(200) }
        let client = try await WireClient(port: mock.port)
        #expect(try await client.next()?.contentType == ESLContentType.authRequest)
        let notice = try #require(try await client.next())
        #expect(notice.bodyString == ESLDisconnectNotice.goodbye)
        #expect(try await client.next() == nil)
        await mock.stop()
    }

    @Test func consoleExecuteRunsEachCommandOfADoubleSemicolonList() async throws {
        let mock = try await Self.start { $0.switchname = "listy" }
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        let output = try await connection.api("switchname;;echo hello", consoleExecute: true).text
        #expect(output.contains("listy"))
        #expect(output.contains("hello"))
        await connection.close()
        await mock.stop()
    }

    @Test func apiCallsFireAPIEvents() async throws {
        let mock = try await Self.start()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command(.event(.json, ["API"])).isOK)
        _ = try await connection.api("echo", "ping")
        var iterator = connection.notifications.makeAsyncIterator()
        guard case .event(let event) = await iterator.next() else { Issue.record("no API event"); return }
        #expect(event.name == "API")
        #expect(event["API-Command"] == "echo")
        #expect(event["API-Command-Argument"] == "ping")
        await connection.close()
        await mock.stop()
    }
}
