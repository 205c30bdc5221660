import Foundation
import Testing

/// `completions/fscli.bash`, `completions/_fscli` and `completions/fscli.fish` against the real
/// `--help` output; bash (and fish, when installed) actually complete.
@Suite(.timeLimit(.minutes(1))) struct CompletionScriptTests {
    static let bashScript = "completions/fscli.bash"
    static let zshScript = "completions/_fscli"
    static let fishScript = "completions/fscli.fish"

    // MARK: Every option is in every script

    @Test func bashScriptNamesEveryOption() throws {
        let script = try Documentation.read(Self.bashScript)
        for option in try Documentation.helpOptions() + Documentation.helpOptions(["mock"]) {
            for spelling in option.spellings {
                #expect(Documentation.containsWord(script, spelling), "\(Self.bashScript) lacks \(spelling)")
            }
        }
    }

    /// Each option in the function that completes its command: `_fscli` for fscli's, `_fscli_mock`
    /// for the mock's.
    @Test func zshScriptNamesEveryOptionInItsFunction() throws {
        let script = try Documentation.read(Self.zshScript)
        #expect(script.hasPrefix("#compdef fscli\n"))
        let root = try Self.body(of: "_fscli", in: script)
        let mock = try Self.body(of: "_fscli_mock", in: script)
        for (options, body, name) in [(try Documentation.helpOptions(), root, "_fscli"), (try Documentation.helpOptions(["mock"]), mock, "_fscli_mock")] {
            #expect(body.contains("_arguments"), "\(name) does not call _arguments")
            for option in options {
                for spelling in option.spellings {
                    #expect(Documentation.containsWord(body, spelling), "\(name) in \(Self.zshScript) lacks \(spelling)")
                }
            }
        }
    }

    /// Each option on a `complete` line with the condition for its command, short and long together.
    @Test func fishScriptNamesEveryOptionUnderItsCondition() throws {
        let lines = try Documentation.read(Self.fishScript).split(separator: "\n").map(String.init)
        for (options, condition) in [(try Documentation.helpOptions(), "-n $root"), (try Documentation.helpOptions(["mock"]), "-n $mock")] {
            for option in options {
                let parts = [option.short.map { "-s " + $0.dropFirst() }, option.long.map { "-l " + $0.dropFirst(2) }].compactMap { $0 }
                let found = lines.contains { line in
                    line.hasPrefix("complete -c fscli ") && line.contains(condition) && parts.allSatisfy { Documentation.containsWord(line, $0) }
                }
                #expect(found, "\(Self.fishScript) has no 'complete … \(condition) \(parts.joined(separator: " "))' line for \(option)")
            }
        }
    }

    // MARK: Syntax

    @Test func bashScriptParses() throws {
        let bash = try #require(Documentation.installed("bash"))
        let result = try Documentation.run(bash, ["-n", Self.path(Self.bashScript)])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(.enabled(if: Documentation.installed("zsh") != nil, "zsh is not installed"))
    func zshScriptParsesIfZshIsInstalled() throws {
        let zsh = try #require(Documentation.installed("zsh"))
        let result = try Documentation.run(zsh, ["-n", Self.path(Self.zshScript)])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test(.enabled(if: Documentation.installed("fish") != nil, "fish is not installed"))
    func fishScriptParsesIfFishIsInstalled() throws {
        let fish = try #require(Documentation.installed("fish"))
        let result = try Documentation.run(fish, ["--no-config", "-n", Self.path(Self.fishScript)])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }

    // MARK: bash, completing

    @Test func bashCompletesOptions() throws {
        let root = try Documentation.helpOptions()
        let mock = try Documentation.helpOptions(["mock"])
        let replies = try Self.bash([
            ["fscli", "--ho"],
            ["fscli", "--"],
            ["fscli", "-"],
            ["fscli", "mock", "--listen-"],
            ["fscli", "mock", "--"],
            ["fscli", "mock", "-"],
            ["fscli", "-q", "--log-uuid-"],
        ])
        #expect(replies[0] == ["--host"])
        #expect(Set(replies[1]) == Set(root.compactMap(\.long)))
        #expect(Set(replies[2]) == Set(root.flatMap(\.spellings)))
        #expect(replies[3].sorted() == ["--listen-ip", "--listen-port"])
        #expect(Set(replies[4]) == Set(mock.compactMap(\.long)))
        #expect(Set(replies[5]) == Set(mock.flatMap(\.spellings)))
        #expect(replies[6].sorted() == ["--log-uuid-short"])
    }

    @Test func bashCompletesOptionValues() throws {
        let replies = try Self.bash([
            ["fscli", "--color", ""],
            ["fscli", "--color", "=", "al"],  // COMP_WORDBREAKS contains '=' (bash's default)
            ["fscli", "--color=al"],  // it does not
            ["fscli", "-l", ""],
            ["fscli", "--loglevel", "w"],
            ["fscli", "-d", ""],
            ["fscli", "mock", "--acl", "any"],
            ["fscli", "-x", "st"],
        ])
        #expect(replies[0] == ["auto", "always", "never"])
        #expect(replies[1] == ["always"])
        #expect(replies[2] == ["--color=always"])
        #expect(replies[3] == ["console", "alert", "crit", "err", "warning", "notice", "info", "debug"])
        #expect(replies[4] == ["warning"])
        #expect(replies[5] == (0...7).map(String.init))
        #expect(replies[6] == ["any_v4.auto", "any_v6.auto"])
        #expect(replies[7] == [], "a -x command is free text")
    }

    @Test func bashCompletesFilesForPasswordFileAndMockConfig() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        try "secret\n".write(to: home.appendingPathComponent("pw.txt"), atomically: true, encoding: .utf8)
        let prefix = home.appendingPathComponent("pw").path
        let replies = try Self.bash([["fscli", "--password-file", prefix], ["fscli", "mock", "--config", prefix]], home: home)
        #expect(replies[0] == [prefix + ".txt"])
        #expect(replies[1] == [prefix + ".txt"])
    }

    @Test func bashCompletesProfilesFromTheConfiguration() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        let replies = try Self.bash([
            ["fscli", "al"],
            ["fscli", ""],
            ["fscli", "-q", ""],
            ["fscli", "-H", "pbx", "b"],
            ["fscli", "--host=pbx", ""],
            ["fscli", "alpha", ""],
            ["fscli", "-q", "m"],
            ["fscli", "mock", ""],
        ], home: home)
        #expect(replies[0] == ["alpha"])
        #expect(Set(replies[1]) == ["alpha", "beta", "mock"])
        #expect(Set(replies[2]) == ["alpha", "beta"])
        #expect(replies[3] == ["beta"])
        #expect(Set(replies[4]) == ["alpha", "beta"])
        #expect(replies[5] == [], "only one profile")
        #expect(replies[6] == [], "mock is a subcommand only as the first argument")
        #expect(replies[7] == [], "the mock takes no positional argument")
    }

    /// The word after an option that takes a value (per `--help`) is that value, not the profile;
    /// the word after a flag is the profile.
    @Test func bashKnowsWhichOptionsTakeAValue() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        let options = try Documentation.helpOptions().filter { !["--help", "--version", "--list-profiles"].contains($0.long) }
        var cases: [[String]] = []
        for option in options {
            for spelling in option.spellings {
                cases.append(["fscli", spelling, "al"])
                if option.valueName != nil { cases.append(["fscli", spelling, "x", "al"]) }
            }
        }
        let replies = try Self.bash(cases, home: home)
        for (words, reply) in zip(cases, replies) {
            let option = options.first { $0.spellings.contains(words[1]) }!
            let expectsProfile = option.valueName == nil || words.count == 4
            #expect(reply.contains("alpha") == expectsProfile, "\(words.joined(separator: " ")) offers \(reply)")
        }
    }

    @Test func bashWorksWithoutFscliOnThePath() throws {
        let bash = try #require(Documentation.installed("bash"))
        let result = try Self.runBash(bash, [["fscli", ""], ["fscli", "--co"]], environment: ["PATH": "/nonexistent", "HOME": "/nonexistent"])
        #expect(result.stderr == "")
        let replies = Self.replies(result.stdout).map(Set.init)
        #expect(replies == [["mock"], ["--color", "--connect-timeout"]])
    }

    // MARK: fish, completing (when installed)

    @Test(.enabled(if: Documentation.installed("fish") != nil, "fish is not installed"))
    func fishCompletesIfFishIsInstalled() throws {
        let fish = try #require(Documentation.installed("fish"))
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        let root = try Documentation.helpOptions()
        let mock = try Documentation.helpOptions(["mock"])
        var lines = [
            "fscli --ho", "fscli --", "fscli -", "fscli mock --", "fscli mock --listen-", "fscli --color ",
            "fscli -l w", "fscli al", "fscli ", "fscli alpha ", "fscli -q m", "fscli mock ",
        ]
        let fixed = lines.count
        let options = root.filter { !["--help", "--version", "--list-profiles"].contains($0.long) }
        for option in options {
            for spelling in option.spellings {
                lines.append("fscli \(spelling) al")
                if option.valueName != nil { lines.append("fscli \(spelling) x al") }
            }
        }
        let program = """
            source $argv[1]
            for line in $argv[2..-1]
                set -l candidates (complete -C $line | string replace -r '\\t.*$' '')
                set -l joined (string join \\x1f -- $candidates)
                echo "$joined"
            end
            """
        let result = try Documentation.run(fish, ["--no-config", "-c", program, Self.path(Self.fishScript)] + lines,
                                           environment: Documentation.environment(home: home), directory: home)
        let replies = Self.replies(result.stdout)
        try #require(replies.count == lines.count, "fish printed \(result.stdout) \(result.stderr)")
        #expect(replies[0] == ["--host"])
        #expect(Set(replies[1]) == Set(root.compactMap(\.long)))
        #expect(Set(replies[2]).isSuperset(of: root.flatMap(\.spellings)))
        #expect(Set(replies[3]) == Set(mock.compactMap(\.long)))
        #expect(Set(replies[4]) == ["--listen-ip", "--listen-port"])
        #expect(Set(replies[5]) == ["auto", "always", "never"])
        #expect(replies[6] == ["warning"])
        #expect(replies[7] == ["alpha"])
        #expect(Set(replies[8]) == ["alpha", "beta", "mock"])
        #expect(replies[9] == [])
        #expect(replies[10] == [])
        #expect(replies[11] == [])
        for (line, reply) in zip(lines[fixed...], replies[fixed...]) {
            let words = line.split(separator: " ")
            let option = options.first { $0.spellings.contains(String(words[1])) }!
            let expectsProfile = option.valueName == nil || words.count == 4
            #expect(reply.contains("alpha") == expectsProfile, "\(line) offers \(reply)")
        }
    }

    // MARK: Helpers

    static func path(_ relative: String) -> String {
        Documentation.root.appendingPathComponent(relative).path
    }

    /// The text of zsh function `name`, from `name() {` to the `}` that starts a line.
    static func body(of name: String, in script: String) throws -> String {
        let start = try #require(script.range(of: "\n\(name)() {\n"), "no function \(name)")
        let end = try #require(script.range(of: "\n}\n", range: start.upperBound..<script.endIndex), "\(name) does not end")
        return String(script[start.upperBound..<end.lowerBound])
    }

    /// COMPREPLY for each case (the words of the line, the last being the word under the cursor),
    /// from one non-interactive bash that sourced the script; bash-completion is not loaded.
    /// With `home`, that is HOME and the built fscli is first on PATH; the working directory is `home`.
    static func bash(_ cases: [[String]], home: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let bash = try #require(Documentation.installed("bash"), sourceLocation: sourceLocation)
        let emptyHome = FileManager.default.temporaryDirectory.appendingPathComponent("fscli-doc-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: emptyHome, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: emptyHome) }
        let home = home ?? emptyHome
        let result = try runBash(bash, cases, environment: Documentation.environment(home: home), directory: home)
        #expect(result.stderr == "", "bash: \(result.stderr)", sourceLocation: sourceLocation)
        let replies = Self.replies(result.stdout)
        try #require(replies.count == cases.count, "bash printed \(result.stdout)", sourceLocation: sourceLocation)
        return replies
    }

    static func runBash(_ bash: String, _ cases: [[String]], environment: [String: String], directory: URL? = nil) throws -> Documentation.Output {
        let program = """
            source "$1" || exit 1
            shift
            declare -F _init_completion >/dev/null && { echo "bash-completion is loaded" >&2; exit 1; }
            for line in "$@"; do
                IFS=$'\\x1f' read -r -a COMP_WORDS <<< "$line"
                unset 'COMP_WORDS[${#COMP_WORDS[@]}-1]'
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMP_LINE="${COMP_WORDS[*]}"
                COMP_POINT=${#COMP_LINE}
                COMPREPLY=()
                _fscli fscli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                (IFS=$'\\x1f'; printf '%s\\n' "${COMPREPLY[*]}")
            done
            """
        // Each case is one argument: its words separated by U+001F, then an end marker, so that an
        // empty last word survives `read`.
        let arguments = cases.map { ($0 + ["END"]).joined(separator: "\u{1F}") }
        return try Documentation.run(bash, ["--norc", "--noprofile", "-c", program, "bash", path(bashScript)] + arguments,
                                     environment: environment, directory: directory)
    }

    /// One line per case, candidates separated by U+001F.
    static func replies(_ output: String) -> [[String]] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.isEmpty ? [] : $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
    }
}
