import Foundation
import TestSupport
import Testing

/// `fscli --json` with `-x` and in batch mode: one JSON object a line, parsed here with
/// JSONSerialization, every key checked, against the real mock over real sockets.
@Suite(.timeLimit(.minutes(3))) struct JSONOutputTests {
    /// Each line of `stdout` parsed as a JSON object (a line that is not one fails the test).
    static func records(_ stdout: String) throws -> [[String: Any]] {
        try #require(stdout.hasSuffix("\n") || stdout.isEmpty, "every record ends in a line end: \(stdout.debugDescription)")
        return try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(object as? [String: Any], "not an object: \(line)")
        }
    }

    static let commandKeys: Set<String> = ["host", "switch", "command", "ok", "body", "ms"]

    @Test func eachCommandIsOneRecordWithEveryKey() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let result = try await FscliRun.run([
            "--json", "-P", String(mock.port), "-x", "echo say \"hi\"\\ there", "-x", "no_such_command", "-x", "bgapi echo from the job",
        ])
        #expect(result.status == 1, "a -ERR makes the status 1: \(result.stderr)")
        let records = try Self.records(result.stdout)
        try #require(records.count == 3, "\(result.stdout)")
        let host = "127.0.0.1:\(mock.port)"

        let echo = records[0]
        #expect(Set(echo.keys) == Self.commandKeys, "\(echo)")
        #expect(echo["host"] as? String == host)
        #expect(echo["switch"] as? String == "e2e")
        #expect(echo["command"] as? String == "echo say \"hi\"\\ there")
        #expect(echo["ok"] as? Bool == true)
        #expect(echo["body"] as? String == "say \"hi\"\\ there\n", "quotes and backslashes survive the escaping")
        let ms = try #require(echo["ms"] as? Int)
        #expect(ms >= 0 && ms < 10_000)

        let error = records[1]
        #expect(Set(error.keys) == Self.commandKeys, "a -ERR is an answer, not an error object: \(error)")
        #expect(error["ok"] as? Bool == false)
        #expect(error["body"] as? String == "-ERR no_such_command Command not found!\n")
        #expect(error["command"] as? String == "no_such_command")

        let job = records[2]
        #expect(Set(job.keys) == Self.commandKeys.union(["job"]), "\(job)")
        #expect(job["ok"] as? Bool == true)
        #expect(job["body"] as? String == "from the job\n")
        #expect(job["command"] as? String == "bgapi echo from the job")
        let uuid = try #require(job["job"] as? String)
        #expect(UUID(uuidString: uuid) != nil, "\(uuid)")
        #expect(job["switch"] as? String == "e2e" && job["host"] as? String == host)
    }

    @Test func aRefusedConnectionIsOneErrorRecord() async throws {
        let reserved = try ReservedPort()
        let port = reserved.port
        let result = try await FscliRun.run(["--json", "-P", String(port), "-x", "status"])
        withExtendedLifetime(reserved) {}
        #expect(result.status == 255)
        let records = try Self.records(result.stdout)
        try #require(records.count == 1, "\(result.stdout)")
        let record = records[0]
        #expect(Set(record.keys) == ["host", "ok", "error"], "\(record)")
        #expect(record["host"] as? String == "127.0.0.1:\(port)")
        #expect(record["ok"] as? Bool == false)
        let error = try #require(record["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "message"])
        #expect(error["code"] as? String == "connectionRefused")
        #expect((error["message"] as? String)?.contains("refused") == true, "\(error)")
    }

    @Test func aWrongPasswordIsAnAuthenticationFailedRecord() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        var environment = FscliRun.cleanEnvironment()
        environment["FSCLI_PASSWORD"] = "not-the-password"
        let result = try await FscliRun.run(["--json", "-P", String(mock.port), "-x", "bgapi status"], environment: environment)
        #expect(result.status == 255)
        let records = try Self.records(result.stdout)
        try #require(records.count == 1, "\(result.stdout)")
        #expect((records[0]["error"] as? [String: Any])?["code"] as? String == "authenticationFailed", "\(records[0])")
        #expect(!result.stdout.contains("not-the-password"))
    }

    @Test func aTimeoutIsAFailedRecordAndEndsTheRun() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let result = try await FscliRun.run(["--json", "-P", String(mock.port), "-t", "200", "-x", "echo first", "-x", "msleep 20000", "-x", "echo never"])
        #expect(result.status == 254)
        let records = try Self.records(result.stdout)
        try #require(records.count == 2, "\(result.stdout)")
        #expect(records[0]["ok"] as? Bool == true)
        let timedOut = records[1]
        #expect(Set(timedOut.keys) == ["host", "switch", "command", "ok", "ms", "error"], "\(timedOut)")
        #expect(timedOut["command"] as? String == "msleep 20000")
        #expect(timedOut["ok"] as? Bool == false)
        #expect(try #require(timedOut["ms"] as? Int) >= 200)
        let error = try #require(timedOut["error"] as? [String: Any])
        #expect(error["code"] as? String == "requestTimeout")
        #expect((error["message"] as? String)?.contains("msleep 20000") == true, "\(error)")
    }

    @Test func aLostConnectionIsAFailedRecordForThatCommand() async throws {
        let server = try await ScriptedSwitch(script: ScriptedSwitch.greeting + [
            .expect("api switchname\n\n"), .send("Content-Type: api/response\nContent-Length: 3\n\nfs1"),
            .expect(nil), .send(FaultMatrixTests.halfAReply), .close,
        ])
        defer { Task { await server.stop() } }
        let result = try await FscliRun.run(["--json", "-P", String(server.port), "-x", "status", "-x", "echo never"] + FaultMatrixTests.patient)
        #expect(result.status == 255)
        let records = try Self.records(result.stdout)
        try #require(records.count == 1, "\(result.stdout)")
        #expect(records[0]["switch"] as? String == "fs1")
        #expect(records[0]["command"] as? String == "status")
        #expect(records[0]["ok"] as? Bool == false)
        #expect((records[0]["error"] as? [String: Any])?["code"] as? String == "connectionClosed", "\(records[0])")
    }

    @Test func batchLinesEachGiveARecordAndSlashCommandsAreRefused() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let input = "echo one\n\nbgapi echo two\n/event plain ALL\nno_such_command\necho three\n"
        let result = try await FscliRun.run(["--json", "-b", "-P", String(mock.port)], input: input)
        #expect(result.status == 1, "\(result.stderr)")
        let records = try Self.records(result.stdout)
        try #require(records.count == 5, "one record per non-blank line, and nothing else (no log lines): \(result.stdout)")
        #expect(records.map { $0["command"] as? String } == ["echo one", "bgapi echo two", "/event plain ALL", "no_such_command", "echo three"])
        #expect(records.map { $0["ok"] as? Bool } == [true, true, false, false, true])
        #expect(records[0]["body"] as? String == "one\n")
        #expect(records[1]["body"] as? String == "two\n" && records[1]["job"] is String)
        #expect((records[2]["error"] as? [String: Any])?["code"] as? String == "unsupportedInput", "\(records[2])")
        #expect(records[4]["body"] as? String == "three\n")
        for record in records { #expect(record["switch"] as? String == "e2e" && record["ms"] is Int) }
    }
}
