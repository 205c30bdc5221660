import Foundation
import Testing

/// The repository stands alone (docs/architecture.md, "The repository stands alone"): nothing in it
/// points at material outside it, and every `docs/<page>.md` a file cites, with its section heading, exists.
@Suite(.timeLimit(.minutes(3))) struct StandaloneRepositoryTests {
    /// The outward paths, assembled so this file does not contain them itself.
    static let outwardPaths = [".." + "/shared", "/work" + "/shared"]

    @Test func noFileReferencesMaterialOutsideTheRepository() throws {
        let files = try RepositoryFiles.list()
        #expect(files.count > 200, "only \(files.count) files found under \(Documentation.root.path)")
        var found: [String] = []
        for file in files {
            guard let text = RepositoryFiles.text(file) else { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where Self.outwardPaths.contains(where: { line.contains($0) }) {
                found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "references outside the repository:\n\(found.joined(separator: "\n"))")
    }

    @Test func everyCitedDocumentAndSectionExists() throws {
        let scanned = try RepositoryFiles.list().filter { path in
            ["Sources/", "Tests/", "Benchmarks/", "Fuzz/", "docs/"].contains { path.hasPrefix($0) } || path == "README.md"
        }
        var headings: [String: Set<String>?] = [:]
        var citations = 0
        var problems: [String] = []
        for file in scanned {
            guard let text = RepositoryFiles.text(file) else { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for citation in Citation.all(in: String(line)) {
                    citations += 1
                    if headings[citation.page] == nil {
                        headings[citation.page] = RepositoryFiles.text(citation.page).map(Citation.headings(of:))
                    }
                    let place = "\(file):\(number + 1)"
                    guard let pageHeadings = headings[citation.page] ?? nil else {
                        problems.append("\(place): \(citation.page) does not exist")
                        continue
                    }
                    for section in citation.sections where !pageHeadings.contains(section) {
                        problems.append("\(place): \(citation.page) has no section \"\(section)\"")
                    }
                }
            }
        }
        #expect(citations > 100, "only \(citations) citations found: is the pattern still right?")
        #expect(problems.isEmpty, "broken citations:\n\(problems.joined(separator: "\n"))")
    }

    /// Without git (an exported tree) the files come from a walk, which must skip build products and still
    /// find everything git tracks.
    @Test func theWalkWithoutGitFindsTheTrackedFiles() throws {
        let walked = RepositoryFiles.walk(Documentation.root)
        #expect(walked.contains("Package.swift") && walked.contains("docs/protocol.md"))
        let products = walked.filter { path in path.split(separator: "/").contains { $0.hasPrefix(".build") || $0 == ".git" } }
        #expect(products.isEmpty, "build products walked: \(products.prefix(5))")
        let missing = Set(try RepositoryFiles.list()).subtracting(walked)
        #expect(missing.isEmpty, "tracked but not walked: \(missing.sorted().prefix(5))")
    }

    @Test func citationsAreReadAsWritten() {
        let line = #"// docs/protocol.md, "Filters" and "myevents"; docs/events.md, "JSON format", capture 12"#
        let citations = Citation.all(in: line)
        #expect(citations.map(\.page) == ["docs/protocol.md", "docs/events.md"])
        #expect(citations.map(\.sections) == [["Filters", "myevents"], ["JSON format"]])
        #expect(Citation.all(in: "[the notes](docs/architecture.md) say") == [Citation(page: "docs/architecture.md", sections: [])])
        #expect(Citation.headings(of: "# Title\ntext\n## A section\n```\n# not a heading\n```\n### Deeper one  \n")
            == ["Title", "A section", "Deeper one"])
    }
}

/// A reference to a page of `docs/` and, optionally, sections of it by heading:
/// `docs/<page>.md, "<heading>"[, "<heading>"…][ and "<heading>"]`.
struct Citation: Equatable {
    /// The page's path from the repository root.
    var page: String
    /// The headings named after it, in order.
    var sections: [String]

    // Computed: a Regex is not Sendable, so it cannot be a stored static.
    static var pattern: Regex<AnyRegexOutput> { try! Regex(#"docs/[A-Za-z0-9_.-]+\.md((?:(?:, | and |, and )"[^"]+")*)"#) }
    static var section: Regex<AnyRegexOutput> { try! Regex(#""([^"]+)""#) }

    /// Every citation in one line of text.
    static func all(in line: String) -> [Citation] {
        guard line.contains("docs/") else { return [] }  // most lines; the regex is the slow part
        let section = section
        return line.matches(of: pattern).map { match in
            let sections = match.output[1].substring.map { String($0).matches(of: section).compactMap { $0.output[1].substring.map(String.init) } } ?? []
            let whole = String(match.output[0].substring ?? "")
            let page = String(whole.prefix { $0 != "," && $0 != " " })
            return Citation(page: page, sections: sections)
        }
    }

    /// The headings of a Markdown page (ATX headings outside fenced code), as written.
    static func headings(of markdown: String) -> Set<String> {
        var result: Set<String> = []
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            guard !inFence, line.hasPrefix("#") else { continue }
            let text = line.drop { $0 == "#" }
            guard text.first == " " else { continue }
            result.insert(text.trimmingCharacters(in: .whitespaces))
        }
        return result
    }
}

/// The repository's own files: what git tracks (and new files it does not ignore), or, without git, the
/// tree without build products.
enum RepositoryFiles {
    static func list() throws -> [String] {
        let root = Documentation.root
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path),
           let git = try? Documentation.run("/usr/bin/env", ["git", "-C", root.path, "ls-files", "--cached", "--others", "--exclude-standard"]),
           git.status == 0 {
            return git.stdout.split(separator: "\n").map(String.init)
                .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
        }
        return walk(root)
    }

    /// Every regular file under `root`, skipping `.git`, `.swiftpm` and `.build*` folders at any depth.
    static func walk(_ root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            let name = url.lastPathComponent
            if name == ".git" || name == ".swiftpm" || name.hasPrefix(".build") {
                walker.skipDescendants()
                continue
            }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths
    }

    /// A file's text, or nil when it is not UTF-8 (binary files are not scanned).
    static func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: Documentation.root.appendingPathComponent(path).path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
