import ESLClient
import ESLProtocol
import Foundation
import TestSupport
import Testing

/// `fscli mock` as a user runs it: a real process, a real client, a real signal.
@Suite(.timeLimit(.minutes(3))) struct MockCommandTests {
    /// Starts `fscli mock` on a free port and returns the process and the port it logged.
    static func startMock(_ arguments: [String]) throws -> (ChildProcess, Int) {
        let child = try MockProcess.launch(["--listen-port", "0"] + arguments)
        return (child, try MockProcess.boundPort(of: child).port)
    }

    @Test func servesClientsAndSaysGoodbyeOnSIGTERM() async throws {
        let (process, port) = try await offPool { try Self.startMock(["--switchname", "e2e-switch", "--password", "s3cret"]) }
        defer { process.send(SIGKILL) }
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "s3cret", configuration: .patientForTests)
        #expect(try await connection.api("switchname").text == "e2e-switch")
        #expect(try await connection.api("status").text.contains("is ready"))
        process.send(SIGTERM)
        try await Self.expectShutdownNoticeAndExitZero(connection, process)
    }

    /// `api shutdown` (and `fsctl shutdown`) stop the switch: every client gets the notice, and
    /// the process ends with status 0, as FreeSWITCH's does.
    @Test(arguments: ["shutdown", "fsctl shutdown"])
    func shutdownEndsTheProcess(_ command: String) async throws {
        let (process, port) = try await offPool { try Self.startMock([]) }
        defer { process.send(SIGKILL) }
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: .patientForTests)
        let words = command.split(separator: " ", maxSplits: 1).map(String.init)
        #expect(try await connection.api(words[0], words.count > 1 ? words[1] : nil).text == "+OK\n")
        try await Self.expectShutdownNoticeAndExitZero(connection, process)
    }

    /// `fsctl shutdown restart`: clients get the shutdown notice, then the process runs itself
    /// anew with the same options: a fresh switch (another Core-UUID) listening again.
    @Test func restartRunsTheMockAnew() async throws {
        let (process, port) = try await offPool { try Self.startMock([]) }
        defer { process.send(SIGKILL) }
        let first = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: .patientForTests)
        let firstCore = try await first.api("global_getvar", "core_uuid").text
        #expect(try await first.api("fsctl", "shutdown restart").text == "+OK\n")
        let ending = await ConnectionEnding.read(first)
        #expect(ending.end?.serverText == ESLDisconnectNotice.shutdown)
        // `--listen-port 0` again: the new switch logs the port it took.
        let log = try await offPool { try process.waitForStderr { $0.matches(of: /listening on 127\.0\.0\.1:(\d+)/).count == 2 } }
        let newPort = try #require(log.matches(of: /listening on 127\.0\.0\.1:(\d+)/).last.flatMap { Int($0.1) })
        let second = try await ESLConnection.connect(host: "127.0.0.1", port: newPort, password: "ClueCon", configuration: .patientForTests)
        #expect(try await second.api("status").text.contains("is ready"))
        #expect(try await second.api("global_getvar", "core_uuid").text != firstCore)
        process.send(SIGTERM)
        try await Self.expectShutdownNoticeAndExitZero(second, process)
    }

    /// The client gets the switch's shutdown notice as its connection ends, and the process then
    /// exits with status 0.
    static func expectShutdownNoticeAndExitZero(_ connection: ESLConnection, _ process: ChildProcess,
                                                sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let ending = await ConnectionEnding.read(connection)
        #expect(ending.end?.serverText == ESLDisconnectNotice.shutdown, "\(String(describing: ending.end))", sourceLocation: sourceLocation)
        let exit = try await offPool { try process.finish(within: 30) }
        #expect(exit.status == 0, "\(exit.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aclRejectsPeersOutsideTheList() async throws {
        let (process, port) = try await offPool { try Self.startMock(["--acl", "10.0.0.0/8"]) }
        defer { process.send(SIGKILL) }
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(error?.code == .aclRejected)
        #expect(error?.serverText == "Access Denied, go away.\n")
    }

    @Test func wrongPasswordIsRefused() async throws {
        let (process, port) = try await offPool { try Self.startMock([]) }
        defer { process.send(SIGKILL) }
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "guess", configuration: .patientForTests)
        }
        #expect(error?.code == .authenticationFailed)
    }

    @Test func servesTheHTTPAPIWithItsOwnAccount() async throws {
        let (process, _) = try await offPool { try Self.startMock(["--http-port", "0", "--http-user", "web", "--http-password", "pw"]) }
        defer { process.send(SIGKILL) }
        let port = try await offPool { () throws -> Int? in
            let pattern = /HTTP \(mod_xml_rpc\) on 127\.0\.0\.1:(\d+)/
            let log = try process.waitForStderr { $0.firstMatch(of: pattern) != nil }
            return log.firstMatch(of: pattern).flatMap { Int($0.1) }
        }
        let httpPort = try #require(port)
        let request = "GET /api/event_sink?command=create-listener&events=HEARTBEAT&format=json HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\nAuthorization: Basic d2ViOnB3\r\n\r\n"  // web:pw
        let response = try await offPool { try HTTPExchange.send(request, port: httpPort) }
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\nfreeswitch-user: web\r\nfreeswitch-domain: 127.0.0.1\r\n"), "\(response)")
        #expect(response.hasSuffix("Content-Type: application/json\n\n{\n\t\"listener\":\t{\n\t\t\"listen-id\":\t1,\n\t\t\"format\":\t\"json\",\n\t\t\"timeout\":\t60\n\t}\n}"))
        let refused = try await offPool { try HTTPExchange.send("GET /api/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: httpPort) }
        #expect(refused.hasPrefix("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"freeswitch\"\r\n"))
    }

    @Test func badOptionsAreOneLineUsageErrors() throws {
        for arguments in [["mock", "--acl", "office"], ["mock", "--listen-port", "70000"], ["mock", "--user", "bob"],
                          ["mock", "--http-port", "70000"], ["mock", "--http-user", "web"],
                          ["mock", "--http-port", "0", "--event-sink-compat", "old"]] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("fscli: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
    }
}
