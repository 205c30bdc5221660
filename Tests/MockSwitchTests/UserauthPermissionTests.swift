import ESLClient
import ESLProtocol
import MockSwitch
import TestSupport
import Testing

/// A `userauth` login gets exactly what its directory entry allows (`esl-allowed-api`,
/// `esl-allowed-events`, `esl-allowed-log`), checked against every command the switch has, every
/// event type and every log level, over real sockets.
@Suite(.timeLimit(.minutes(3))) struct UserauthPermissionTests {
    static func connect(_ specification: String, events: [String]? = nil) async throws -> (MockSwitchServer, ESLConnection) {
        var user = try #require(MockSwitchConfiguration.User(specification: specification))
        if let events { user.allowedEvents = events }
        let mock = try await ServerBehaviourTests.start { $0.users = [user] }
        let connection = try await ESLConnection.connect(
            host: "127.0.0.1", port: mock.port, password: "pw", user: "1000@default", configuration: .patientForTests)
        return (mock, connection)
    }

    @Test func everyCommandButTheAllowedOnesIsRefusedByApiAndBgapi() async throws {
        let (mock, connection) = try await Self.connect("1000@default:pw:all:status,echo:false")
        let names = mock.core.modules.apiCommands.map(\.name)
        #expect(names.count > 150)
        for name in names {
            let reply = try await connection.api(name)
            let job = try await connection.command("bgapi \(name)")
            if ["status", "echo"].contains(name) {
                #expect(!reply.text.hasPrefix("-ERR permission denied"), "api \(name)")
                #expect(job.text.hasPrefix("+OK Job-UUID: "), "bgapi \(name)")
            } else {
                #expect(reply.text == "-ERR permission denied", "api \(name): \(reply.text)")
                #expect(job.text == "-ERR permission denied", "bgapi \(name): \(job.text)")
            }
        }
        // Wrapped commands are checked too: the wrapper and what it runs must both be allowed.
        #expect(try await connection.api("echo", "fine").text == "fine")
        #expect(try await connection.command("bgapi echo fine").isOK)
        #expect(try await connection.command("bgapi version").text == "-ERR permission denied")
        await connection.close()
        await mock.stop()
    }

    @Test func everyEventTypeButTheAllowedOnesIsRefused() async throws {
        let (mock, connection) = try await Self.connect("1000@default:pw:all:status:false", events: ["HEARTBEAT", "CUSTOM", "fscli::ok"])
        for name in ESLEventName.all {
            let reply = try await connection.command(.event([name]))
            if ["HEARTBEAT", "CUSTOM"].contains(name) {
                #expect(reply.isOK, "event plain \(name): \(reply.text)")
            } else {
                #expect(reply.text == "-ERR permission denied", "event plain \(name): \(reply.text)")
            }
        }
        #expect(try await connection.command(.event(["ALL"])).text == "-ERR permission denied")
        #expect(try await connection.command("event plain CUSTOM fscli::ok").isOK)
        #expect(try await connection.command("event plain CUSTOM fscli::other").text == "-ERR permission denied")
        // Only what was allowed arrives: a CHANNEL_CREATE fired by the switch is not delivered.
        mock.publish(events: [
            ESLEvent(headers: [("Event-Name", "CHANNEL_CREATE")]),
            ESLEvent(headers: [("Event-Name", "CUSTOM"), ("Event-Subclass", "fscli::ok")]),
        ])
        for await notification in connection.notifications {
            guard case .event(let event) = notification else { continue }
            #expect(event.name == "CUSTOM", "\(event.name ?? "?") was delivered")
            break
        }
        await connection.close()
        await mock.stop()
    }

    @Test(arguments: [false, true])
    func everyLogLevelFollowsTheLogPermission(allowed: Bool) async throws {
        let (mock, connection) = try await Self.connect("1000@default:pw:all:status:\(allowed)")
        for level in ["0", "1", "2", "3", "4", "5", "6", "7", "console", "alert", "crit", "err", "warning", "notice", "info", "debug"] {
            let reply = try await connection.command("log \(level)")
            if allowed {
                #expect(reply.text.hasPrefix("+OK log level \(level) ["), "log \(level): \(reply.text)")
            } else {
                #expect(reply.text == "-ERR permission denied", "log \(level): \(reply.text)")
            }
        }
        await connection.close()
        await mock.stop()
    }
}
