import ESLClient
import ESLProtocol
import Foundation
import TestSupport
import Testing

/// `fscli mock` as a user runs it: a real process, a real client, a real signal.
@Suite(.timeLimit(.minutes(1))) struct MockCommandTests {
    /// Starts `fscli mock` on a free port and returns the process and the port it logged.
    static func startMock(_ arguments: [String]) throws -> (Process, Int, FileHandle) {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["mock", "--listen-port", "0"] + arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        // The first log line names the bound address; read until it has arrived.
        while !seen.contains("listening on") || !seen.contains("\n") {
            let chunk = err.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(seen.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) }, "\(seen)")
        return (process, port, err.fileHandleForReading)
    }

    @Test func servesClientsAndSaysGoodbyeOnSIGTERM() async throws {
        let (process, port, _) = try await offPool { try Self.startMock(["--switchname", "e2e-switch", "--password", "s3cret"]) }
        defer { if process.isRunning { process.terminate() } }
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "s3cret", configuration: .patientForTests)
        #expect(try await connection.api("switchname").text == "e2e-switch")
        #expect(try await connection.api("status").text.contains("is ready"))
        kill(process.processIdentifier, SIGTERM)
        var last: ESLNotification?
        for await notification in connection.notifications { last = notification }
        guard case .disconnected(let error) = last else { Issue.record("no disconnect: \(String(describing: last))"); return }
        #expect(error.serverText == ESLDisconnectNotice.shutdown)
        try await offPool { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
    }

    @Test func aclRejectsPeersOutsideTheList() async throws {
        let (process, port, _) = try await offPool { try Self.startMock(["--acl", "10.0.0.0/8"]) }
        defer { process.terminate() }
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(error?.code == .aclRejected)
        #expect(error?.serverText == "Access Denied, go away.\n")
    }

    @Test func wrongPasswordIsRefused() async throws {
        let (process, port, _) = try await offPool { try Self.startMock([]) }
        defer { process.terminate() }
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "guess", configuration: .patientForTests)
        }
        #expect(error?.code == .authenticationFailed)
    }

    @Test func badOptionsAreOneLineUsageErrors() throws {
        for arguments in [["mock", "--acl", "office"], ["mock", "--listen-port", "70000"], ["mock", "--user", "bob"]] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("fscli: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
    }
}
