import Foundation
import TestSupport
import Testing

/// The test support that starts programs: what a child inherits, and that no wait is unbounded.
/// A CI run once hung for 90 minutes because a tmux server kept descriptors it had inherited.
@Suite struct ChildProcessTests {
    /// A pipe made without close-on-exec, as other code in the test process may make them.
    private static func leakablePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        try #require(pipe(&fds) == 0)
        return (fds[0], fds[1])
    }

    /// Whether all writers of `fd`'s pipe are gone, waiting at most `seconds` for it.
    private static func writersGone(_ fd: Int32, within seconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, seconds * 1000) == 1 else { return false }
        var byte: UInt8 = 0
        return read(fd, &byte, 1) == 0
    }

    @Test func aChildInheritsOnlyItsStandardDescriptors() throws {
        let leak = try Self.leakablePipe()
        defer { close(leak.read); close(leak.write) }
        let output = try ChildProcess.run("/bin/sh", ["-c", "ls /proc/$$/fd"])
        #expect(output.status == 0, "\(output.stderr)")
        let descriptors = Set(output.stdout.split(separator: "\n").compactMap { Int32($0) })
        #expect(descriptors.isSuperset(of: [0, 1, 2]), "\(output.stdout)")
        #expect(!descriptors.contains(leak.read) && !descriptors.contains(leak.write), "\(descriptors)")
    }

    @Test(.enabled(if: TmuxServer.executable != nil, "tmux is not installed"))
    func aTmuxServerKeepsNoDescriptorOfTheTestProcess() throws {
        let leak = try Self.leakablePipe()
        defer { close(leak.read) }
        let server = try TmuxServer(label: "fd", width: 40, height: 5) { _ in "cat" }
        defer { server.close() }
        close(leak.write)
        #expect(Self.writersGone(leak.read, within: 10), "the tmux server holds the pipe's write end")
    }

    @Test func aChildThatOutlivesItsDeadlineIsKilledAndReported() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "echo started; exec sleep 600"])
        #expect(throws: ChildProcessError.self) { try child.finish(within: 0.5) }
        let ended = try child.finish(within: 30)
        #expect(ended.status == 128 + SIGKILL)
        #expect(ended.stdout == "started\n")
    }

    @Test func droppingAChildKillsIt() async throws {
        var pid: pid_t = 0
        do {
            let child = try ChildProcess("/bin/sleep", ["600"])
            pid = child.pid
        }
        // Gone once reaped (a killed child is a zombie until its waiter collects it).
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func inputIsWrittenAndOutputCollected() throws {
        let text = String(repeating: "0123456789abcdef\n", count: 40_000)
        let output = try ChildProcess.run("/bin/cat", [], input: .text(text))
        #expect(output.status == 0)
        #expect(output.stdout == text)
    }
}
