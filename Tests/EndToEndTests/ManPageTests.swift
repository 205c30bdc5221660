import Foundation
import Testing

/// `man/fscli.1` against the real `--help` output and the sources it documents.
@Suite(.timeLimit(.minutes(3))) struct ManPageTests {
    static let path = "man/fscli.1"

    @Test func hasTheSectionsInOrder() throws {
        let page = try ManPage.load()
        #expect(page.sections.map(\.name) == [
            "NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "MOCK SWITCH", "SLASH COMMANDS", "KEYS",
            "CONFIGURATION", "ENVIRONMENT", "FILES", "A FLEET OF SWITCHES", "JSON OUTPUT", "EXIT STATUS", "EXAMPLES", "SEE ALSO",
        ])
    }

    @Test func optionsSectionDocumentsExactlyTheOptionsOfHelp() throws {
        let page = try ManPage.load()
        try Self.expect(section: page.section("OPTIONS"), documents: try Documentation.helpOptions())
    }

    @Test func mockSwitchSectionDocumentsExactlyTheOptionsOfMockHelp() throws {
        let page = try ManPage.load()
        try Self.expect(section: page.section("MOCK SWITCH"), documents: try Documentation.helpOptions(["mock"]))
    }

    /// Every spelling `--help` prints is the tag of an item, with the same value name (or none for a
    /// flag), and no item names an option `--help` does not print.
    static func expect(section: ManPage.Section?, documents options: [Documentation.Option], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let section = try #require(section, sourceLocation: sourceLocation)
        var documented: [String: String] = [:]
        for tag in section.tags {
            let words = ManPage.words(tag)
            let names = words.filter { $0.hasPrefix("-") }
            let value = words.filter { !$0.hasPrefix("-") }.joined(separator: " ")
            for name in names { documented[name] = value }
        }
        for option in options {
            for spelling in option.spellings {
                guard let value = documented[spelling] else {
                    Issue.record("\(spelling) (\(option)) is not an item of \(section.name)", sourceLocation: sourceLocation)
                    continue
                }
                #expect(value == option.valueName ?? "", "\(spelling) takes <\(option.valueName ?? "")> in --help but '\(value)' in \(section.name)", sourceLocation: sourceLocation)
            }
        }
        let extra = Set(documented.keys).subtracting(options.flatMap(\.spellings))
        #expect(extra.isEmpty, "\(section.name) documents options --help does not print: \(extra.sorted())", sourceLocation: sourceLocation)
    }

    @Test func slashCommandsSectionDocumentsEverySlashCommand() throws {
        let source = try Documentation.read("Sources/Console/Commands/SlashCommandName.swift")
        let pattern = try Regex("^\\s*case ([a-z]+(?:, [a-z]+)*)\\s*$")
        var names: [String] = []
        for line in source.split(separator: "\n") {
            guard let match = try pattern.wholeMatch(in: String(line)), let list = match.output[1].substring else { continue }
            names += list.split(separator: ",").map { "/" + $0.trimmingCharacters(in: .whitespaces) }
        }
        try #require(names.count >= 10, "found only \(names) in SlashCommandName.swift")
        let section = try #require(try ManPage.load().section("SLASH COMMANDS"))
        let tagWords = section.tags.map(ManPage.words)
        let documented = Set(tagWords.flatMap { $0 }.filter { $0.hasPrefix("/") && $0.dropFirst().allSatisfy(\.isLetter) })
        #expect(documented == Set(names), "documented \(documented.sorted()), SlashCommandName has \(names.sorted())")
        // fs_cli's "..." leaves too (InputParser), documented with /exit.
        let parser = try Documentation.read("Sources/Console/Commands/InputParser.swift")
        if parser.contains("word == \"...\"") {
            #expect(tagWords.contains { $0.contains("/exit") && $0.contains("...") }, "'...' is not documented with /exit")
        }
    }

    @Test func keysSectionListsTheFunctionKeyDefaults() throws {
        let source = try Documentation.read("Sources/Console/Settings/FunctionKeys.swift")
        let start = try #require(source.range(of: "fsCliDefaults: [String] = ["))
        let end = try #require(source.range(of: "]", range: start.upperBound..<source.endIndex))
        let defaults = source[start.upperBound..<end.lowerBound].split(separator: "\"", omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        try #require(defaults.count == 12, "\(defaults)")
        let section = try #require(try ManPage.load().section("KEYS"))
        for (index, command) in defaults.enumerated() {
            let key = "F\(index + 1)"
            let body = section.items.first { $0.tag == key }?.body
            #expect(body == command, "\(key) is documented as \(body ?? "nothing"), the default is \(command)")
        }
        for tag in ["Tab", "Ctrl-C", "Ctrl-D", "Ctrl-R"] {
            #expect(section.tags.contains(tag), "KEYS has no item \(tag)")
        }
    }

    @Test func configurationSectionDocumentsEveryKey() throws {
        let source = try Documentation.read("Sources/Console/Settings/ConsoleSettings+ConfigKeys.swift")
        let literal = try Regex("\"([a-z0-9_-]+)\"")
        var keys: Set<String> = []
        for line in source.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("case \"") {
            let head = line.prefix { $0 != ":" }
            keys.formUnion(head.matches(of: literal).compactMap { $0.output[1].substring.map(String.init) })
        }
        try #require(keys.count >= 20, "found only \(keys.sorted()) in ConsoleSettings+ConfigKeys.swift")
        // The function keys are matched by prefix (applyFunctionKey), not by a case of their own.
        keys.formUnion(["key_F1", "key_F12", "key_toggle_F1", "key_toggle_F12"])
        let section = try #require(try ManPage.load().section("CONFIGURATION"))
        let documented = Set(section.tags.flatMap(ManPage.words))
        let missing = keys.filter { !documented.contains($0) }
        #expect(missing.isEmpty, "configuration keys not documented: \(missing.sorted())")
        let text = section.text
        for fragment in ["~/.fs_cli_conf", "/etc/fs_cli.conf", "$XDG_CONFIG_HOME/fscli/fscli.conf", "~/.config/fscli/fscli.conf", "[default]", "=>", "file:line:"] {
            #expect(text.contains(fragment), "CONFIGURATION does not mention \(fragment)")
        }
    }

    @Test func environmentSectionDocumentsEveryVariableTheSourcesRead() throws {
        let pattern = try Regex("(?:variables|environment)\\[\"([A-Z][A-Z0-9_]*)\"\\]")
        var variables: Set<String> = []
        let sources = Documentation.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let file as URL in files where file.pathExtension == "swift" && !file.path.contains("/lineeditor-demo/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            variables.formUnion(text.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
        }
        try #require(variables.contains("HOME"), "found \(variables.sorted())")
        let section = try #require(try ManPage.load().section("ENVIRONMENT"))
        let missing = variables.subtracting(section.tags)
        #expect(missing.isEmpty, "environment variables not documented: \(missing.sorted())")
    }

    @Test func exitStatusSectionListsExactlyTheExitStatuses() throws {
        let source = try Documentation.read("Sources/Console/Settings/ExitStatus.swift")
        let pattern = try Regex("case [a-zA-Z]+ = ([0-9]+)")
        let codes = Set(source.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
        try #require(codes.count >= 5, "found \(codes.sorted())")
        let section = try #require(try ManPage.load().section("EXIT STATUS"))
        #expect(Set(section.tags) == codes)
    }

    /// Every `error.code` `--json` can print: the client's codes (their `name`s) and fscli's own.
    @Test func jsonSectionListsEveryErrorCodeAndKey() throws {
        let client = try Documentation.read("Sources/ESLClient/ESLClientError.swift")
        let pattern = try Regex(#"static let [a-zA-Z]+ = Code\("[^"]+", "([a-zA-Z]+)"\)"#)
        var codes = Set(client.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
        try #require(codes.count >= 14, "found \(codes.sorted())")
        let printer = try Documentation.read("Sources/Console/Session/OneShotPrinter.swift")
        let own = try #require(printer.firstMatch(of: try Regex(#"unsupportedCode = "([a-zA-Z]+)""#))?.output[1].substring)
        codes.insert(String(own))
        let keys = ["host", "name", "switch", "command", "ok", "body", "job", "ms", "error"]
        let section = try #require(try ManPage.load().section("JSON OUTPUT"))
        #expect(Set(section.tags) == codes.union(keys), "missing: \(codes.union(keys).subtracting(section.tags).sorted()), extra: \(Set(section.tags).subtracting(codes.union(keys)).sorted())")
        // The keys the page documents are the record's properties.
        let record = try Documentation.read("Sources/Console/Output/CommandRecord.swift")
        let properties = Set(record.matches(of: try Regex(#"(?m)^    var `?([a-z]+)`?: [A-Za-z.]+\??$"#)).compactMap { $0.output[1].substring.map(String.init) })
        #expect(properties == Set(keys), "\(properties.sorted())")
    }

    @Test func filesSectionNamesTheHistoryFile() throws {
        let section = try #require(try ManPage.load().section("FILES"))
        #expect(section.tags.contains("$XDG_STATE_HOME/fscli/history"))
        for fragment in ["~/.local/state/fscli/history", "0600", "1000"] {
            #expect(section.text.contains(fragment), "FILES does not mention \(fragment)")
        }
        // The history size the page states is the one the code keeps.
        let history = try Documentation.read("Sources/LineEditor/HistoryFile.swift")
        #expect(history.contains("defaultMaxEntries = 1_000"))
    }

    @Test func examplesUseOnlyRealOptions() throws {
        let root = Set(try Documentation.helpOptions().flatMap(\.spellings))
        let mock = Set(try Documentation.helpOptions(["mock"]).flatMap(\.spellings))
        let section = try #require(try ManPage.load().section("EXAMPLES"))
        var commands = 0
        for line in section.lines.map(ManPage.text) {
            let words = line.split(separator: " ").map(String.init)
            guard let start = words.firstIndex(of: "fscli") else { continue }
            commands += 1
            let arguments = Array(words[(start + 1)...])
            let known = arguments.first == "mock" ? mock : root
            for word in arguments where word.hasPrefix("-") {
                #expect(known.contains(word.split(separator: "=")[0].description), "example '\(line)' uses \(word), which --help does not list")
            }
        }
        #expect(commands >= 4)
    }

    @Test func titleCarriesTheVersion() throws {
        let version = try CommandLineTests.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let title = try #require(try ManPage.load().lines.first { $0.hasPrefix(".TH ") })
        #expect(ManPage.arguments(of: title).contains("fscli \(version)"), "\(title) does not say fscli \(version)")
    }

    @Test func everyControlLineUsesAKnownMacro() throws {
        let page = try ManPage.load()
        for (number, line) in page.lines.enumerated() where line.hasPrefix(".") || line.hasPrefix("'") {
            if line == "." || line.hasPrefix(".\\\"") || line.hasPrefix("'\\\"") { continue }
            let name = String(line.dropFirst().prefix { !$0.isWhitespace })
            #expect(ManPage.knownMacros.contains(name), "line \(number + 1): unknown macro .\(name): \(line)")
        }
    }

    /// groff with every warning on, and mandoc's linter, whichever are installed. Without either,
    /// everyControlLineUsesAKnownMacro still checks the macros.
    @Test(.enabled(if: Documentation.installed("groff") != nil || Documentation.installed("mandoc") != nil, "neither groff nor mandoc is installed"))
    func rendersWithoutWarnings() throws {
        let file = Documentation.root.appendingPathComponent(Self.path).path
        if let groff = Documentation.installed("groff") {
            let result = try Documentation.run(groff, ["-man", "-Tutf8", "-ww", "-z", file])
            #expect(result.status == 0 && result.stderr.isEmpty, "groff: \(result.stderr)")
        }
        if let mandoc = Documentation.installed("mandoc") {
            let result = try Documentation.run(mandoc, ["-Tlint", "-Wwarning", file])
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "mandoc: \(result.stdout)\(result.stderr)")
        }
    }
}

/// Just enough of man(7) to find sections, items and the words in them.
struct ManPage {
    /// A `.SH` section: its raw lines up to the next `.SH`.
    struct Section {
        var name: String
        var lines: [String]

        /// The `.TP` items: the tag (the line after `.TP`) and the first line of text after it.
        var items: [(tag: String, body: String)] {
            var items: [(tag: String, body: String)] = []
            var index = 0
            while index < lines.count {
                defer { index += 1 }
                guard lines[index].hasPrefix(".TP") else { continue }
                let content = lines[(index + 1)...].filter { !$0.hasPrefix(".\\\"") }
                guard let tag = content.first else { continue }
                let body = content.dropFirst().first { !ManPage.isControl($0) || ManPage.carriesText($0) }
                items.append((ManPage.text(tag), body.map(ManPage.text) ?? ""))
            }
            return items
        }

        /// The tags of the `.TP` items, as text.
        var tags: [String] { items.map(\.tag) }

        /// The whole section as text, one line per input line.
        var text: String { lines.map(ManPage.text).joined(separator: "\n") }
    }

    var lines: [String]
    var sections: [Section]

    static func load() throws -> ManPage {
        ManPage(text: try Documentation.read(ManPageTests.path))
    }

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        sections = []
        for line in lines {
            if line.hasPrefix(".SH ") {
                sections.append(Section(name: Self.arguments(of: line).joined(separator: " "), lines: []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
    }

    func section(_ name: String) -> Section? {
        sections.first { $0.name == name }
    }

    /// man(7) macros and the few roff requests a man page may use.
    static let knownMacros: Set<String> = [
        "TH", "SH", "SS", "TP", "TQ", "PP", "LP", "P", "IP", "HP", "RS", "RE", "PD", "DT",
        "B", "I", "SB", "SM", "BI", "BR", "IB", "IR", "RB", "RI", "EX", "EE", "UR", "UE", "MT", "ME",
        "SY", "YS", "OP", "br", "sp", "nf", "fi", "ad", "na", "nh", "hy", "ne", "in", "ti", "ft",
    ]

    static func isControl(_ line: String) -> Bool { line.hasPrefix(".") || line.hasPrefix("'") }

    /// Font macros whose arguments are text (`.B word`), as opposed to layout requests.
    static func carriesText(_ line: String) -> Bool {
        let name = line.dropFirst().prefix { !$0.isWhitespace }
        return ["B", "I", "SB", "SM", "BI", "BR", "IB", "IR", "RB", "RI"].contains(String(name))
    }

    /// A line as the reader sees it: a font macro's arguments joined as roff joins them, escapes
    /// for fonts and hyphenation removed, `\-` as `-`.
    static func text(_ line: String) -> String {
        var text = line
        if isControl(line) {
            let name = String(line.dropFirst().prefix { !$0.isWhitespace })
            let arguments = Self.arguments(of: line)
            switch name {
            case "BI", "BR", "IB", "IR", "RB", "RI": text = arguments.joined()
            case "B", "I", "SB", "SM": text = arguments.joined(separator: " ")
            default: text = ""
            }
        }
        for (escape, replacement) in [("\\fB", ""), ("\\fI", ""), ("\\fR", ""), ("\\fP", ""), ("\\%", ""), ("\\&", ""),
                                      ("\\-", "-"), ("\\(dq", "\""), ("\\(bu", "*"), ("\\ ", " "), ("\\e", "\\")] {
            text = text.replacingOccurrences(of: escape, with: replacement)
        }
        return text
    }

    /// A macro line's arguments: blank-separated, or in double quotes (`""` inside is one quote).
    static func arguments(of line: String) -> [String] {
        var arguments: [String] = []
        var characters = Array(line.drop { !$0.isWhitespace })[...]
        while let first = characters.first {
            if first == " " || first == "\t" {
                characters = characters.dropFirst()
                continue
            }
            var argument = ""
            if first == "\"" {
                characters = characters.dropFirst()
                while let character = characters.popFirst() {
                    if character == "\"" {
                        if characters.first == "\"" { characters = characters.dropFirst(); argument.append("\"") } else { break }
                    } else {
                        argument.append(character)
                    }
                }
            } else {
                while let character = characters.first, character != " ", character != "\t" {
                    argument.append(character)
                    characters = characters.dropFirst()
                }
            }
            arguments.append(argument)
        }
        return arguments
    }

    /// The words of a tag: split at blanks and commas (`-H, --host host` gives `-H`, `--host`, `host`).
    static func words(_ text: String) -> [String] {
        text.split { $0 == " " || $0 == "," || $0 == "\t" }.map(String.init)
    }
}
