import Foundation
import Testing

/// `completions/fscli.bash`, `completions/_fscli` and `completions/fscli.fish` against the real
/// `--help` output; bash, zsh and fish (when installed) actually complete, the same cases in each.
@Suite(.timeLimit(.minutes(3))) struct CompletionScriptTests {
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

    // MARK: The same cases in every shell

    /// What each of bash, zsh and fish must offer, the line typed as is (a trailing space starts an
    /// empty word): partial options, option values, profiles from the configuration, the mock's options.
    static let commonCases: [(line: String, expected: Set<String>)] = [
        ("fscli --pa", ["--password", "--password-file"]),
        ("fscli --password-", ["--password-file"]),
        ("fscli --color ", ["auto", "always", "never"]),
        ("fscli --color al", ["always"]),
        ("fscli -l ", ["console", "alert", "crit", "err", "warning", "notice", "info", "debug"]),
        ("fscli --loglevel w", ["warning"]),
        ("fscli al", ["alpha"]),
        ("fscli ", ["alpha", "beta", "mock"]),
        ("fscli -q ", ["alpha", "beta"]),
        ("fscli -P 8022 b", ["beta"]),
        ("fscli mock --listen-", ["--listen-ip", "--listen-port"]),
        ("fscli mock --acl any", ["any_v4.auto", "any_v6.auto"]),
        ("fscli mock --event-sink-compat ", ["legacy", "current"]),
        ("fscli mock --module ", ["sofia"]),
    ]

    /// Checks each shell's replies to ``commonCases`` (in order).
    static func expectCommonCases(_ replies: [[String]], shell: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (test, reply) in zip(commonCases, replies) {
            #expect(Set(reply) == test.expected, "\(shell): '\(test.line)' offers \(reply)", sourceLocation: sourceLocation)
        }
    }

    @Test func bashCompletesTheCommonCases() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        let cases = Self.commonCases.map { $0.line.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
        Self.expectCommonCases(try Self.bash(cases, home: home), shell: "bash")
    }

    @Test(.enabled(if: Documentation.installed("fish") != nil, "fish is not installed"))
    func fishCompletesTheCommonCases() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        Self.expectCommonCases(try Self.fish(Self.commonCases.map(\.line), home: home), shell: "fish")
    }

    @Test(.enabled(if: Documentation.installed("zsh") != nil, "zsh is not installed"))
    func zshCompletesTheCommonCases() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        Self.expectCommonCases(try Self.zsh(Self.commonCases.map(\.line), home: home), shell: "zsh")
    }

    /// What zsh's `_arguments` does beyond the common cases: `--opt=value`, every option after `-`,
    /// options rather than profiles once the profile is given, files for `--password-file`.
    @Test(.enabled(if: Documentation.installed("zsh") != nil, "zsh is not installed"))
    func zshCompletesOptionsValuesAndFiles() throws {
        let home = try Documentation.homeWithProfiles()
        defer { try? FileManager.default.removeItem(at: home) }
        try "secret\n".write(to: home.appendingPathComponent("pw.txt"), atomically: true, encoding: .utf8)
        let root = try Documentation.helpOptions()
        let mock = try Documentation.helpOptions(["mock"])
        let replies = try Self.zsh([
            "fscli --color=al", "fscli -", "fscli mock -", "fscli alpha ", "fscli mock ", "fscli -d ",
            "fscli --password-file pw", "fscli mock --config pw", "fscli -x st",
        ], home: home)
        #expect(replies[0] == ["always"])
        #expect(Set(replies[1]) == Set(root.flatMap(\.spellings)))
        #expect(Set(replies[2]) == Set(mock.flatMap(\.spellings)))
        #expect(!replies[3].contains("alpha") && !replies[3].contains("beta"), "only one profile: \(replies[3])")
        #expect(!replies[4].contains("alpha"), "the mock takes no profile: \(replies[4])")
        #expect(Set(replies[5]) == Set((0...7).map(String.init)))
        #expect(replies[6] == ["pw.txt"])
        #expect(replies[7] == ["pw.txt"])
        #expect(replies[8] == [], "a -x command is free text")
    }

    // MARK: fish, completing (when installed)

    @Test(.enabled(if: Documentation.installed("fish") != nil, "fish is not installed"))
    func fishCompletesIfFishIsInstalled() throws {
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
        let replies = try Self.fish(lines, home: home)
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

    /// The candidates fish offers for each line (`complete -C`), from one fish that sourced the
    /// script, with `home` as HOME and the built fscli first on PATH.
    static func fish(_ lines: [String], home: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let fish = try #require(Documentation.installed("fish"), sourceLocation: sourceLocation)
        let program = """
            source $argv[1]
            for line in $argv[2..-1]
                set -l candidates (complete -C $line | string replace -r '\\t.*$' '')
                set -l joined (string join \\x1f -- $candidates)
                echo "$joined"
            end
            """
        // Each completion that offers profiles starts fscli (`--list-profiles`): about 90 starts, which
        // under the thread sanitizer take over a minute; the bound stays under the suite's time limit.
        let result = try Documentation.run(fish, ["--no-config", "-c", program, Self.path(Self.fishScript)] + lines,
                                           environment: Documentation.environment(home: home), directory: home, within: 170)
        let replies = Self.replies(result.stdout)
        try #require(replies.count == lines.count, "fish printed \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        return replies
    }

    /// The candidates zsh offers when Tab is pressed at the end of each line, in a real interactive
    /// zsh: one runs another in a pseudo-terminal (the zsh/zpty module), with `compinit` and
    /// `completions/` first on `$fpath`, types each line and a Tab, and reads back every word the
    /// completion system passed to `compadd` that matched (a wrapper prints them between markers;
    /// the Tab widget prints an end marker once the completion has run). `home` is HOME and the
    /// working directory, the built fscli first on PATH.
    static func zsh(_ lines: [String], home: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let zsh = try #require(Documentation.installed("zsh"), sourceLocation: sourceLocation)
        // U+001E starts a candidate, U+001C ends it, U+001D ends one completion; the outer zsh
        // prints each line's candidates joined by U+001F.
        let program = #"""
            zmodload zsh/zpty || exit 1
            local dir=$1; shift
            zpty inner zsh -f -i || exit 1
            zpty -w inner "PS1=''; PS2=''; RPS1=''; setopt no_beep no_auto_list no_list_ambiguous; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
            zpty -w inner 'compadd() { if (( ${${@[1,(i)(-|--)]}[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi; local -a found; builtin compadd -O found "$@"; local w; for w in $found; do print -rn -- $'"'"'\x1e'"'"'$w$'"'"'\x1c'"'"'; done; builtin compadd "$@"; }'
            zpty -w inner 'tab_once() { zle complete-word; print -rn -- $'"'"'\x1d'"'"'; }; zle -N tab_once; bindkey "^I" tab_once; print RE""ADY'
            local out rest
            zpty -r inner out '*READY*' || exit 1
            for line in "$@"; do
              zpty -w -n inner "$line"$'\t'
              out=''
              zpty -r inner out $'*\x1d*' || { print -u2 "zsh did not complete: $line"; exit 1; }
              local -a words=()
              while [[ $out == *$'\x1e'*$'\x1c'* ]]; do
                rest=${out#*$'\x1e'}
                words+=( ${rest%%$'\x1c'*} )
                out=${rest#*$'\x1c'}
              done
              print -r -- ${(pj:\x1f:)${(u)words}}
              zpty -w -n inner $'\x15'
            done
            zpty -d inner
            """#
        let directory = Documentation.root.appendingPathComponent("completions").path
        let result = try Documentation.run(zsh, ["-f", "-c", program, "zsh", directory] + lines,
                                           environment: Documentation.environment(home: home), directory: home)
        #expect(result.stderr == "", "zsh: \(result.stderr)", sourceLocation: sourceLocation)
        let replies = Self.replies(result.stdout)
        try #require(replies.count == lines.count, "zsh printed \(result.stdout)", sourceLocation: sourceLocation)
        return replies
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
