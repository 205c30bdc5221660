import Foundation
import LineEditor
import Testing

@Suite struct HistoryFileTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "fscli-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        #expect(stat(path, &status) == 0, "stat \(path)")
        return status.st_mode & 0o777
    }

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func pathPrefersXDGStateHomeThenHome() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/fscli/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/fscli/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h/"]) == "/h/.local/state/fscli/history")
        // A relative XDG_STATE_HOME is ignored (XDG spec); no HOME means no history, never /tmp.
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/fscli/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "rel"]) == nil)
    }

    @Test func policySkipsBlanksLeadingSpaceAndConsecutiveDuplicates() throws {
        let directory = try temporaryDirectory()
        let history = HistoryFile(path: directory + "/state/fscli/history")
        let kept = try ["status", "status", " secret password", "", "   ", "show calls", "status", "status"].map { try history.add($0) }
        #expect(kept == [true, false, false, false, false, true, true, false])
        #expect(history.entries == ["status", "show calls", "status"])
        #expect(try lines(history.path) == ["status", "show calls", "status"])
    }

    @Test func createsDirectoriesAndFileWithPrivateModes() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/a/b/fscli/history"
        let history = HistoryFile(path: path)
        try history.add("version")
        #expect(mode(path) == 0o600)
        #expect(mode(directory + "/a/b/fscli") == 0o700)
    }

    @Test func looserModeIsTightenedOnLoadAndOnWrite() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/history"
        try "one\ntwo\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        let history = HistoryFile(path: path)
        #expect(try history.load() == ["one", "two"])
        #expect(mode(path) == 0o600)
        chmod(path, 0o666)
        try history.add("three")
        #expect(mode(path) == 0o600)
        #expect(try lines(path) == ["one", "two", "three"])
    }

    @Test func writtenAfterEveryCommandAndReloaded() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/history"
        let first = HistoryFile(path: path)
        try first.add("help")
        #expect(try lines(path) == ["help"])  // on disk before any exit
        try first.add("status")
        let second = HistoryFile(path: path)
        #expect(try second.load() == ["help", "status"])
        // The duplicate check continues across sessions.
        #expect(try second.add("status") == false)
    }

    @Test func keepsTheNewestThousandEntries() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/history"
        let history = HistoryFile(path: path)
        for number in 1...1_205 { try history.add("cmd \(number)") }
        #expect(history.entries.count == 1_000)
        #expect(history.entries.first == "cmd 206")
        #expect(history.entries.last == "cmd 1205")
        let onDisk = try lines(path)
        #expect(onDisk.count == 1_000)
        #expect(onDisk.first == "cmd 206")
        #expect(onDisk.last == "cmd 1205")
        #expect(mode(path) == 0o600)
        // A longer file (another tool, an older version) loads as its newest 1,000.
        let long = (1...1_500).map { "old \($0)" }.joined(separator: "\n") + "\n"
        try long.write(toFile: path, atomically: false, encoding: .utf8)
        let reloaded = HistoryFile(path: path)
        let entries = try reloaded.load()
        #expect(entries.count == 1_000)
        #expect(entries.first == "old 501")
        try reloaded.add("new")
        #expect(try lines(path).count == 1_000)
        #expect(try lines(path).last == "new")
    }

    @Test func missingFileIsAnEmptyHistory() throws {
        let directory = try temporaryDirectory()
        let history = HistoryFile(path: directory + "/nope/history")
        #expect(try history.load() == [])
        #expect(!FileManager.default.fileExists(atPath: directory + "/nope"))
    }
}

/// The one rule for what history keeps (readline's list, the file, `/history`).
@Suite struct HistoryPolicyTests {
    @Test func spaceLedBlankAndRepeatedLinesAreNotKept() {
        var entries: [String] = []
        for line in ["status", "status", " secret", "", "   ", "\t", "version", "status", "two\nlines"] {
            HistoryPolicy.record(line, in: &entries, limit: 10)
        }
        #expect(entries == ["status", "version", "status"])
    }

    @Test func theOldestGoBeyondTheLimit() {
        var entries: [String] = []
        for index in 1...5 { HistoryPolicy.record("cmd \(index)", in: &entries, limit: 3) }
        #expect(entries == ["cmd 3", "cmd 4", "cmd 5"])
    }
}
