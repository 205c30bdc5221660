import Foundation
import TestSupport
import Testing

/// `-X COMMAND` (background jobs, in the typed order with `-x`) and `--job-timeout`, against the
/// real mock over real sockets.
@Suite(.timeLimit(.minutes(3))) struct BackgroundJobOptionTests {
    @Test func jobsAndCommandsRunInTheOrderTyped() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let result = try await FscliRun.run([
            "-P", String(mock.port), "-x", "echo one", "-X", "echo two", "--execute", "echo three", "--bgapi=echo four", "-X", "msleep 50",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "one\ntwo\nthree\nfour\n+OK\n", "\(result.stdout)")
    }

    @Test func aJobThatOutlivesTheJobTimeoutExits254NamingTheCommand() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let started = ContinuousClock.now
        let result = try await FscliRun.run(["-P", String(mock.port), "-X", "msleep 20000", "--job-timeout", "300", "-x", "echo never"])
        #expect(result.status == 254)
        #expect(result.stderr.contains("bgapi msleep 20000"), "\(result.stderr)")
        #expect(result.stderr.contains("the result of"), "the job, not its bgapi reply, was late: \(result.stderr)")
        #expect(result.stdout == "")
        #expect(ContinuousClock.now - started < .seconds(15), "the job's 20 s were not waited for")
    }

    @Test func theJobTimeoutLeavesAJobThatFinishesInTimeAlone() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let result = try await FscliRun.run(["-P", String(mock.port), "--job-timeout", "5000", "-X", "msleep 100", "-X", "echo done"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "+OK\ndone\n", "\(result.stdout)")
    }

    @Test func aJobThatFailsExitsOneAndTheRestRuns() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-X", "no_such_command", "-x", "echo after"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("Command not found"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("after\n"))
    }

    @Test func jsonRecordsNameTheJobCommand() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stopInBackground() }
        let result = try await FscliRun.run(["--json", "-P", String(mock.port), "-X", "echo in the background", "-x", "echo in front"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try JSONOutputTests.records(result.stdout)
        try #require(records.count == 2)
        #expect(records[0]["command"] as? String == "bgapi echo in the background")
        #expect(records[0]["body"] as? String == "in the background\n")
        #expect(records[0]["job"] is String)
        #expect(records[1]["command"] as? String == "echo in front")
    }

    @Test func anEmptyJobIsAUsageError() async throws {
        let result = try await FscliRun.run(["-X", " "])
        #expect(result.status == 2)
        #expect(result.stderr.contains("-X/--bgapi needs a command"), "\(result.stderr)")
    }
}
