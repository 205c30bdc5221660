import ESLClient
import ESLProtocol
import Foundation
import MockSwitch
import Testing

/// ESLBlockingConnection (the `fscli -x` client) against the mock switch over real sockets.
@Suite(.timeLimit(.minutes(3))) struct BlockingClientTests {
    /// The blocking client must not hold one of the cooperative pool's threads while it waits.
    private func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    private static func api(_ line: String) -> ESLCommand {
        ESLCommand(line: "api \(line)", replyKind: .apiResponse)
    }

    @Test func authenticatesAndRunsCommandsInOrder() async throws {
        let mock = try await ServerBehaviourTests.start()
        let port = mock.port
        let texts: [String] = try await blocking {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
            defer { connection.close() }
            return try ["switchname", "echo one", "no_such_command"].map { line in
                guard case .api(let response) = try connection.send(Self.api(line)) else { return "not an api/response" }
                return response.text
            }
        }
        #expect(texts[0] == mock.core.identity.switchname)
        #expect(texts[1] == "one")
        #expect(texts[2] == "-ERR no_such_command Command not found!\n")
        await mock.stop()
    }

    @Test func wrongPasswordIsAuthenticationFailed() async throws {
        let mock = try await ServerBehaviourTests.start()
        let port = mock.port
        let code = try await blocking { () -> ESLClientError.Code? in
            do {
                _ = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "wrong")
                return nil
            } catch {
                return (error as? ESLClientError)?.code
            }
        }
        #expect(code == .authenticationFailed)
        await mock.stop()
    }

    @Test func aSlowReplyTimesOutAndTheTimeoutIsReported() async throws {
        let mock = try await ServerBehaviourTests.start()
        let port = mock.port
        let code = try await blocking { () -> ESLClientError.Code? in
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
            defer { connection.close() }
            do {
                _ = try connection.send(Self.api("msleep 10000"), timeout: .milliseconds(100))
                return nil
            } catch {
                return (error as? ESLClientError)?.code
            }
        }
        #expect(code == .requestTimeout)
        await mock.stop()
    }

    @Test func eventsArriveBeforeAReplyAreSkipped() async throws {
        // `log` makes the switch send log lines; the next api reply is still matched to its request.
        let mock = try await ServerBehaviourTests.start()
        let port = mock.port
        let text: String = try await blocking {
            let connection = try ESLBlockingConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon")
            defer { connection.close() }
            _ = try connection.send(ESLCommand(line: "log debug"))
            _ = try connection.send(Self.api("log info a line the client must skip"))
            guard case .api(let response) = try connection.send(Self.api("echo after")) else { return "" }
            return response.text
        }
        #expect(text == "after")
        await mock.stop()
    }
}
