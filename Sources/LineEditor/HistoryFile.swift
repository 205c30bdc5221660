#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The command history on disk: `$XDG_STATE_HOME/fscli/history` (default `~/.local/state/fscli/history`),
/// one command per line, mode 0600, the newest `maxEntries` kept, written after every command.
///
/// Policy (`shouldKeep`): ``HistoryPolicy``. Pure Swift, no readline: the editor loads `entries` into readline's history.
public final class HistoryFile {
    public static let defaultMaxEntries = 1_000

    public let path: String
    public let maxEntries: Int
    /// Oldest first, at most `maxEntries`.
    public private(set) var entries: [String] = []
    /// Lines in the file right now (appends grow it; once it would pass maxEntries it is rewritten).
    private var linesOnDisk = 0

    /// The history path for an environment, or nil when neither XDG_STATE_HOME nor HOME is usable
    /// (no fallback to a shared directory such as /tmp). A relative XDG_STATE_HOME is ignored, as the
    /// XDG base directory spec says.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/fscli/history"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/state/fscli/history"
        }
        return nil
    }

    public init(path: String, maxEntries: Int = HistoryFile.defaultMaxEntries) {
        self.path = path
        self.maxEntries = max(1, maxEntries)
    }

    /// Whether `line` would be recorded after the current entries.
    public func shouldKeep(_ line: String) -> Bool {
        HistoryPolicy.keeps(line, after: entries.last)
    }

    /// Reads the file (a missing file is an empty history), tightens a looser mode to 0600 and keeps
    /// the newest `maxEntries` entries. Returns them.
    @discardableResult
    public func load() throws -> [String] {
        entries = []
        linesOnDisk = 0
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        try tightenMode()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        linesOnDisk = lines.count
        for line in lines where shouldKeep(String(line)) {
            entries.append(String(line))
        }
        if entries.count > maxEntries { entries.removeFirst(entries.count - maxEntries) }
        return entries
    }

    /// Records `line` if the policy keeps it and appends it to the file at once (creating the
    /// directories, mode 0700, and the file, mode 0600). Returns whether it was kept.
    @discardableResult
    public func add(_ line: String) throws -> Bool {
        guard shouldKeep(line) else { return false }
        entries.append(line)
        if entries.count > maxEntries { entries.removeFirst(entries.count - maxEntries) }
        try createDirectory()
        if linesOnDisk + 1 > maxEntries {
            try rewrite()
        } else {
            try append(line + "\n")
            linesOnDisk += 1
        }
        return true
    }

    /// Writes exactly `entries` (atomically: a 0600 temporary file renamed over the old one).
    public func rewrite() throws {
        try createDirectory()
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HistoryFileError.cannotWrite(path: temporary, errno: errno) }
        fchmod(fd, 0o600)
        writeAll(fd, entries.map { $0 + "\n" }.joined())
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw HistoryFileError.cannotWrite(path: path, errno: code)
        }
        linesOnDisk = entries.count
    }

    private func append(_ text: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HistoryFileError.cannotWrite(path: path, errno: errno) }
        defer { close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0 && status.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        writeAll(fd, text)
    }

    private func tightenMode() throws {
        var status = stat()
        guard stat(path, &status) == 0 else { throw HistoryFileError.cannotRead(path: path, errno: errno) }
        if status.st_mode & 0o077 != 0, chmod(path, 0o600) != 0 {
            throw HistoryFileError.cannotWrite(path: path, errno: errno)
        }
    }

    private func createDirectory() throws {
        // The path up to its last slash, as `dirname` without the root case (a history file is never `/x`).
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw HistoryFileError.cannotWrite(path: directory, errno: EACCES)
        }
    }
}

public enum HistoryFileError: Error, Equatable, CustomStringConvertible {
    case cannotRead(path: String, errno: Int32)
    case cannotWrite(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotRead(let path, let code): "cannot read history \(path): \(String(cString: strerror(code)))"
        case .cannotWrite(let path, let code): "cannot write history \(path): \(String(cString: strerror(code)))"
        }
    }
}
