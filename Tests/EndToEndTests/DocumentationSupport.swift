import Foundation
import TestSupport
import Testing

/// What the man page, completion and standalone-repository tests share: the repository, the options
/// `--help` prints, and running a program.
enum Documentation {
    /// The repository root, found from this file's path (Tests/EndToEndTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of the repository, as text.
    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// One option line of `--help`: `-H, --host <host>`.
    struct Option: Hashable, Sendable, CustomStringConvertible {
        /// `-H`, or nil.
        var short: String?
        /// `--host`, or nil.
        var long: String?
        /// `host` for `<host>`; nil for a flag.
        var valueName: String?

        /// Both spellings given.
        var spellings: [String] { [short, long].compactMap { $0 } }
        /// How `--help` shows it.
        var description: String { spellings.joined(separator: ", ") }
    }

    /// The options of `fscli <arguments> --help`, parsed from the real binary's output.
    ///
    /// Every line of the OPTIONS section that starts with two spaces and a dash must parse, and
    /// `--help` must be among them, so a change in the format fails here rather than passing vacuously.
    static func helpOptions(_ arguments: [String] = []) throws -> [Option] {
        let result = try CommandLineTests.run(arguments + ["--help"])
        try #require(result.status == 0, "fscli \(arguments) --help: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "OPTIONS:"), "no OPTIONS: in\n\(result.stdout)")
        let pattern = try Regex("^  (-[A-Za-z0-9?])?(?:, )?(--[A-Za-z0-9][A-Za-z0-9-]*)?(?: <([^>]+)>)?(?: |$)")
        var options: [Option] = []
        for line in lines[(start + 1)...] {
            if line.isEmpty || !line.hasPrefix(" ") { break }
            guard line.hasPrefix("  -") else { continue }
            let match = try #require(try pattern.prefixMatch(in: line), "cannot parse help line: \(line)")
            let option = Option(
                short: match.output[1].substring.map(String.init),
                long: match.output[2].substring.map(String.init),
                valueName: match.output[3].substring.map(String.init))
            try #require(!option.spellings.isEmpty, "cannot parse help line: \(line)")
            options.append(option)
        }
        try #require(options.contains { $0.long == "--help" }, "no --help among \(options)")
        return options
    }

    /// The result of running a program.
    typealias Output = ChildProcess.Output

    /// Runs `executable` with exactly `environment` (nil: this process's) in `directory`.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil,
                    within seconds: Double = 60) throws -> Output {
        try ChildProcess.run(executable, arguments, environment: environment, directory: directory?.path, within: seconds)
    }

    /// The absolute path of an installed program (`/usr/bin/env which name`), or nil.
    static func installed(_ name: String) -> String? {
        guard let result = try? run("/usr/bin/env", ["which", name]), result.status == 0 else { return nil }
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }

    /// Whether `word` occurs in `text` with no letter, digit or dash right before or after it
    /// (so `--host` is not found inside `--hostname`, nor `-H` inside `--Hx`).
    static func containsWord(_ text: String, _ word: String) -> Bool {
        func isWordCharacter(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "-" || character == "_"
        }
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    /// A temporary home with `.fs_cli_conf` defining profiles `alpha` and `beta`; remove it when done.
    static func homeWithProfiles() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("fscli-doc-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "[alpha]\nhost => 127.0.0.1\n\n[beta]\nport => 8022\n".write(to: home.appendingPathComponent(".fs_cli_conf"), atomically: true, encoding: .utf8)
        return home
    }

    /// An environment with only `home` as HOME and the built `fscli` first on PATH.
    static func environment(home: URL) -> [String: String] {
        let bin = CommandLineTests.binary.deletingLastPathComponent().path
        return ["HOME": home.path, "PATH": "\(bin):/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"]
    }
}
