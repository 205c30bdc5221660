import ESLClient
import ESLProtocol
import Testing

/// A bgapi given up before the switch even answered must leave nothing pending (a promise leaked
/// this way crashed debug builds).
@Suite(.timeLimit(.minutes(1))) struct AbandonedJobTests {
    @Test func aBgapiThatTimesOutBeforeItsReplyLeavesTheConnectionUsable() async throws {
        let mock = try await ServerBehaviourTests.start()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon")
        // The switch is busy with msleep, so the bgapi's reply cannot come within its timeout.
        async let busy = connection.api("msleep", "400")
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await connection.bgapi("status", timeout: .milliseconds(50))
        }
        #expect(error?.code == .requestTimeout)
        #expect(try await busy.text == "+OK")
        // The late reply is discarded; the next request gets its own.
        #expect(try await connection.api("echo", "still fine").text == "still fine")
        await connection.close()
        await mock.stop()
    }
}
