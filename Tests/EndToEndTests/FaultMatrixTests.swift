import Foundation
import TestSupport
import Testing

/// The real `fscli` against a switch that misbehaves in each of the ways issue 13 lists: every
/// fault ends in a clear message and its exit status, and a fault the session survives leaves it
/// usable. (A switch that never greets and an ACL rejection are in ``OneShotTests``; the library's
/// side of each fault is in ESLClientTests' `RequestTests` and `ConnectTests`.)
@Suite(.timeLimit(.minutes(3))) struct FaultMatrixTests {
    /// An `api` reply announcing 100 bytes that sends four.
    static let halfAReply = "Content-Type: api/response\nContent-Length: 100\n\nhalf"

    /// Generous connect and request limits: the scripted switch shares the test process with every
    /// other suite, and a busy machine must not turn a fault into a timeout.
    static let patient = ["-T", "60000"]

    /// Runs `fscli -x status` (or `arguments`) against a switch that logs in and then plays `fault`.
    static func run(_ fault: [ScriptedSwitch.Step], _ arguments: [String] = ["-x", "status"], requestTimeout: String = "60000") async throws -> FscliRun {
        let server = try await ScriptedSwitch(script: ScriptedSwitch.greeting + [.expect(nil)] + fault)
        defer { Task { await server.stop() } }
        return try await FscliRun.run(["-P", String(server.port), "-t", requestTimeout] + patient + arguments)
    }

    @Test func aSwitchThatClosesMidFrameIsALostConnection() async throws {
        let result = try await Self.run([.send(Self.halfAReply), .close])
        #expect(result.status == 255)
        #expect(result.stderr.contains("closed the connection"), "\(result.stderr)")
        #expect(result.stderr.contains("`status` did not finish"), "\(result.stderr)")
        #expect(result.stdout == "", "half a reply is not printed as if it were one")
    }

    @Test func aSwitchThatStallsMidFrameTimesOutWithStatus254() async throws {
        let result = try await Self.run([.send(Self.halfAReply), .hang], ["-x", "status", "-x", "echo never"], requestTimeout: "300")
        #expect(result.status == 254)
        #expect(result.stderr.contains("no reply from 127.0.0.1:"), "\(result.stderr)")
        #expect(result.stderr.contains("api status"), "\(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func aContentLengthOverTheLimitIsAProtocolError() async throws {
        let result = try await Self.run([.send("Content-Type: api/response\nContent-Length: 99999999999\n\n"), .hang])
        #expect(result.status == 255)
        #expect(result.stderr.contains("Content-Length 99999999999 exceeds the limit"), "\(result.stderr)")
    }

    @Test func garbageIsAProtocolErrorThatShowsTheBytes() async throws {
        let result = try await Self.run([.send("\u{1}garbage without a colon\n\n"), .hang])
        #expect(result.status == 255)
        #expect(result.stderr.contains("protocol error from the switch"), "\(result.stderr)")
        #expect(result.stderr.contains("garbage without a colon"), "\(result.stderr)")
    }

    /// An unknown frame is passed over with a word on stderr; the replies around it still arrive.
    @Test func anUnknownContentTypeIsReportedAndTheRunGoesOn() async throws {
        let result = try await Self.run([
            .send("Content-Type: text/x-mystery\nContent-Length: 5\n\nhello"),
            .send("Content-Type: api/response\nContent-Length: 6\n\nfirst\n"),
            .expect(nil),
            .send("Content-Type: api/response\nContent-Length: 7\n\nsecond\n"),
            .drain,
        ], ["-x", "status", "-x", "version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "first\nsecond\n")
        #expect(result.stderr.contains("ignored a frame the switch sent with Content-Type text/x-mystery (5-byte body)"), "\(result.stderr)")
    }

    /// The console (batch mode here, the same session as interactive) shows the unknown frame and
    /// goes on answering.
    @Test func theConsoleShowsAnUnknownFrameAndStaysUsable() async throws {
        let server = try await ScriptedSwitch(script: ScriptedSwitch.greeting + [
            // The console asks for the switch's names first (its prompt shows them).
            .expect("api switchname\n\n"), .send("Content-Type: api/response\nContent-Length: 3\n\nfs1"),
            .expect("api hostname\n\n"), .send("Content-Type: api/response\nContent-Length: 3\n\npbx"),
            .expect(nil),
            .send("Content-Type: text/x-mystery\nContent-Length: 5\n\nhello"),
            .send("Content-Type: api/response\nContent-Length: 6\n\nfirst\n"),
            .expect(nil),
            .send("Content-Type: api/response\nContent-Length: 7\n\nsecond\n"),
            .drain,
        ])
        defer { Task { await server.stop() } }
        let result = try await FscliRun.run(["-P", String(server.port), "-q", "-b"] + Self.patient, input: "status\nversion\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("unexpected text/x-mystery:"), "\(result.stdout)")
        let first = try #require(result.stdout.range(of: "first\n"))
        let second = try #require(result.stdout.range(of: "second\n"))
        #expect(first.upperBound <= second.lowerBound)
        #expect(await server.mismatches == [])
    }

    @Test func theDisconnectNoticeMidCommandSaysWhyAndWhatWasLost() async throws {
        let notice = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n"
        let result = try await Self.run([
            .send("Content-Type: text/disconnect-notice\nContent-Length: \(notice.utf8.count)\n\n\(notice)"), .close,
        ])
        #expect(result.status == 255)
        #expect(result.stderr.contains("disconnected: Disconnected, goodbye."), "\(result.stderr)")
        #expect(result.stderr.contains("`status` did not finish"), "\(result.stderr)")
    }

    /// The switch process killed outright while a background job runs: the job is reported lost
    /// and the run ends at once with status 255, instead of waiting for an event that cannot come.
    @Test func aSwitchKilledWhileABackgroundJobIsPendingEndsTheRun() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let console = try ChildProcess(
            CommandLineTests.binary.path, ["-P", String(mock.port), "-q", "-b"],
            environment: FscliRun.cleanEnvironment(), input: .text("bgapi msleep 30000\n"))
        _ = try await offPool { try console.waitForStdout(within: 20) { $0.contains("+OK Job-UUID: ") } }
        mock.child.send(SIGKILL)
        let result = try await offPool { try console.finish(within: 10) }
        #expect(result.status == 255)
        #expect(result.stderr.contains("closed the connection"), "\(result.stderr)")
        #expect(!result.stdout.contains("BACKGROUND_JOB"))
    }
}
