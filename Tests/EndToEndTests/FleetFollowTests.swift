import ESLClient
import ESLProtocol
import Foundation
import TestSupport
import Testing

/// `fscli --follow` with a fleet: every switch's stream at once, tagged, against real mocks, one
/// switch missing at the start and one going away.
@Suite(.timeLimit(.minutes(2))) struct FleetFollowTests {
    @Test func everySwitchIsFollowedAndNamedAndALostOneLeavesTheOthers() async throws {
        let north = try await MockProcess.start(port: 0, ["--switchname", "north"])
        defer { north.stopInBackground() }
        let south = try await MockProcess.start(port: 0, ["--switchname", "south"])
        let missing = try ReservedPort()
        let follow = try ChildProcess(CommandLineTests.binary.path, [
            "--follow", "--json", "-q", "--events", "CUSTOM", "-T", "60000",
            "-H", "n=127.0.0.1:\(north.port)", "-H", "s=127.0.0.1:\(south.port)", "-H", "gone=127.0.0.1:\(missing.port)",
        ], environment: FscliRun.cleanEnvironment())
        let started = try await offPool {
            try follow.waitForStderr(within: 30) { $0.contains("fscli: n: following ") && $0.contains("fscli: s: following ") }
        }
        #expect(started.contains("fscli: gone: connection refused by 127.0.0.1:\(missing.port)"), "\(started)")
        try await FollowTests.sendEvents(port: north.port, count: 3)
        try await FollowTests.sendEvents(port: south.port, count: 2)
        let shown = try await offPool { try follow.waitForStdout(within: 30) { $0.split(separator: "\n").count >= 5 } }
        let records = try JSONOutputTests.records(shown)
        // Each switch's events in its own order, named; which switch comes first is the network's.
        for (name, switchName, count) in [("n", "north", 3), ("s", "south", 2)] {
            let own = records.filter { $0["name"] as? String == name }
            #expect(own.count == count, "\(shown)")
            let events = own.compactMap { $0["event"] as? [String: Any] }
            #expect(events.map { $0["Seq"] as? String } == (0..<count).map(String.init))
            #expect(events.allSatisfy { $0["FreeSWITCH-Switchname"] as? String == switchName })
        }
        // One switch goes away (without -R): said on stderr, the other is still followed.
        south.stop()
        _ = try await offPool { try follow.waitForStderr(within: 30) { $0.contains("fscli: s: ") && $0.contains("disconnected") } }
        try await FollowTests.sendEvents(port: north.port, count: 1)
        _ = try await offPool { try follow.waitForStdout(within: 30) { $0.split(separator: "\n").count >= 6 } }
        follow.send(SIGTERM)
        let result = try await offPool { try follow.finish(within: 20) }
        #expect(result.status == 0, "a signal ends --follow with 0: \(result.stderr)")
        withExtendedLifetime(missing) {}
    }

    @Test func textLinesStartWithTheSwitchNamePaddedAsTheConsoleTagsThem() async throws {
        let first = try await MockProcess.start()
        defer { first.stopInBackground() }
        let second = try await MockProcess.start()
        defer { second.stopInBackground() }
        let follow = try ChildProcess(CommandLineTests.binary.path, [
            "--follow", "-q", "--events", "CUSTOM", "-T", "60000",
            "-H", "a=127.0.0.1:\(first.port)", "-H", "longer=127.0.0.1:\(second.port)",
        ], environment: FscliRun.cleanEnvironment())
        _ = try await offPool {
            try follow.waitForStderr(within: 30) { $0.contains("fscli: a: following ") && $0.contains("fscli: longer: following ") }
        }
        try await FollowTests.sendEvents(port: first.port, count: 1)
        try await FollowTests.sendEvents(port: second.port, count: 1)
        let shown = try await offPool { try follow.waitForStdout(within: 30) { $0.split(separator: "\n").count >= 2 } }
        let lines = shown.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("a      | ") && $0.contains(" CUSTOM") }.count == 1, "\(shown)")
        #expect(lines.filter { $0.hasPrefix("longer | ") && $0.contains(" CUSTOM") }.count == 1, "\(shown)")
        follow.send(SIGTERM)
        #expect(try await offPool { try follow.finish(within: 20) }.status == 0)
    }
}
