import ESLClient
import ESLProtocol
import NIOCore
import NIOPosix
import TestSupport
import Testing

/// Connecting and authenticating against scripted switches: every way it can go wrong.
@Suite(.timeLimit(.minutes(3))) struct ConnectTests {
    private static var quick: ESLConnection.Configuration {
        var configuration = ESLConnection.Configuration()
        configuration.connectTimeout = .seconds(2)
        configuration.handshakeTimeout = .milliseconds(300)
        return configuration
    }

    @Test func authenticatesRunsAPIAndExitsLikeCapture04() async throws {
        let records = try Captures.records("04_api_status")
        let server = try await ScriptedSwitch(replaying: records)
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        let status = try await connection.api("status")
        let captured = try #require(records.first { $0.label.hasPrefix("(api/response") }).data
        #expect(captured.hasSuffix(status.text))
        #expect(status.text.hasPrefix("UP 0 years"))
        #expect(!status.isError)
        await connection.exit()
        #expect(await server.mismatches == [])
        await server.stop()
    }

    @Test func wrongPasswordIsAuthenticationFailedWithTheServersText() async throws {
        let server = try await ScriptedSwitch(replaying: try Captures.records("02_auth_bad"))
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "wrong", configuration: .patientForTests)
        }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.serverText == "-ERR invalid")
        #expect(error?.message.contains("127.0.0.1:\(server.port)") == true)
        #expect(await server.received == ["auth wrong\n\n"])
        await server.stop()
    }

    @Test func aclRejectionCarriesTheServersText() async throws {
        let server = try await ScriptedSwitch(replaying: try Captures.records("32_acl_rude_rejection"))
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(error?.code == .aclRejected)
        #expect(error?.serverText == "Access Denied, go away.\n")
        await server.stop()
    }

    @Test func userauthSendsUserAndDomain() async throws {
        let server = try await ScriptedSwitch(script: [
            .send("Content-Type: auth/request\n\n"),
            .expect("userauth 1000@default:secret\n\n"),
            .send("Content-Type: command/reply\nReply-Text: +OK accepted\nAllowed-Events: all\nAllowed-API: all\nAllowed-LOG: true\n\n"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "secret", user: "1000@default", configuration: .patientForTests)
        #expect(connection.isActive)
        await connection.close()
        #expect(await server.mismatches == [])
        await server.stop()
    }

    @Test func refusedPortSaysRefusedWithTheAddress() async throws {
        let reserved = try ReservedPort()
        let port = reserved.port
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
        withExtendedLifetime(reserved) {}
    }

    @Test func silentServerFailsWithNoGreetingInsteadOfHanging() async throws {
        let server = try await ScriptedSwitch(script: [.hang])
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: Self.quick)
        }
        #expect(error?.code == .noGreeting)
        await server.stop()
    }

    @Test func serverThatNeverAnswersAuthFailsWithNoGreeting() async throws {
        let server = try await ScriptedSwitch(script: [.send("Content-Type: auth/request\n\n"), .hang])
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: Self.quick)
        }
        #expect(error?.code == .noGreeting)
        await server.stop()
    }

    @Test func somethingOtherThanAGreetingIsAProtocolError() async throws {
        let server = try await ScriptedSwitch(script: [.send("HTTP/1.1 400 Bad Request\nServer: nginx\n\n"), .hang])
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(error?.code == .protocolError)
        await server.stop()
    }

    @Test func serverClosingBeforeGreetingIsConnectionClosed() async throws {
        let server = try await ScriptedSwitch(script: [.close])
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(error?.code == .connectionClosed)
        await server.stop()
    }

    @Test func unknownHostSaysSo() async throws {
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "no-such-host.invalid", port: 8021, password: "ClueCon", configuration: Self.quick)
        }
        #expect(error?.code == .unknownHost)
        #expect(error?.message.contains("no-such-host.invalid") == true)
    }

    @Test func localhostReachesAnIPv4OnlyServerWhateverItResolvesToFirst() async throws {
        let server = try await ScriptedSwitch(replaying: try Captures.records("01_auth_ok"))
        let connection = try await ESLConnection.connect(host: "localhost", port: server.port, password: "ClueCon", configuration: .patientForTests)
        await connection.exit()
        #expect(await server.mismatches == [])
        await server.stop()
    }

    @Test func connectsOverIPv6() async throws {
        guard let server = try? await ScriptedSwitch(host: "::1", script: [
            .send("Content-Type: auth/request\n\n"), .expect("auth ClueCon\n\n"),
            .send("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"), .hang,
        ]) else {
            // No IPv6 loopback on this machine: nothing to test.
            return
        }
        let connection = try await ESLConnection.connect(host: "::1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        #expect(connection.address == "[::1]:\(server.port)")
        await connection.close()
        await server.stop()
    }

}
