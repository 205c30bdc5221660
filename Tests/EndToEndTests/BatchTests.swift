import Foundation
import Testing

/// Lines on a pipe (or `-b`): each line is a command, no prompt, and the run ends at the end of
/// input with the exit status rules (fs_cli spins forever at EOF).
@Suite(.timeLimit(.minutes(3))) struct BatchTests {
    @Test func linesRunInOrderAndTheRunEndsAtEndOfInput() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let input = "echo first\n/event plain HEARTBEAT\n/subs\necho last\n"
        let result = try await FscliRun.run(["-q", "-P", String(mock.port)], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("freeswitch@"), "no prompt on a pipe: \(result.stdout)")
        let expected = ["first", "+OK event listener enabled plain", "events: plain HEARTBEAT", "last"]
        var rest = Substring(result.stdout)
        for line in expected {
            let found = try #require(rest.range(of: line + "\n"), "\(line) in order in: \(result.stdout)")
            rest = rest[found.upperBound...]
        }
    }

    @Test func anErrorExitsOneAfterTheRemainingLines() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-q", "-b", "-P", String(mock.port)], input: "no_such_command\necho after\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("-ERR no_such_command Command not found!"), "\(result.stdout)")
        #expect(result.stdout.contains("after\n"))
    }

    @Test func errorsGoToStandardErrorAsWithX() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-q", "-b", "-P", String(mock.port)], input: "/bogus\nbgapi\necho after\n")
        #expect(result.status == 1)
        #expect(result.stdout == "after\n", "\(result.stdout)")
        #expect(result.stderr == "fscli: unknown command /bogus; type /help for the list\nfscli: usage: bgapi <command> [<arguments>]\n", "\(result.stderr)")
    }

    @Test func exitStopsBeforeTheFollowingLines() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-q", "-P", String(mock.port)], input: "echo before\n/exit\necho never\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("before\n"))
        #expect(!result.stdout.contains("never"))
    }

    @Test func aTimeoutExits254() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-q", "-t", "200", "-P", String(mock.port)], input: "msleep 20000\n")
        #expect(result.status == 254)
        #expect(result.stderr.hasPrefix("fscli: ") && result.stderr.contains("no reply"), "\(result.stderr)")
    }

    @Test func backgroundJobsFinishBeforeTheRunEnds() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-q", "-P", String(mock.port)], input: "bgapi msleep 300\nbgapi echo job output\n")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "+OK Job-UUID: ").count == 3, "\(result.stdout)")
        #expect(result.stdout.contains("job output\n"))
        #expect(result.stdout.contains("(msleep 300):\n+OK\n"), "\(result.stdout)")
    }

    @Test func theLogStreamIsSubscribedUnlessQuiet() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-l", "info"], input: "echo done\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("+OK log level info [6]\n"), "\(result.stdout)")
    }
}
