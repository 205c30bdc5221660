import Console
import Testing

@Suite struct ConfigFileTests {
    /// Close to libs/esl/fs_cli.conf as shipped, with the forms people write by hand.
    static let shipped = """
        # fs_cli configuration
        ; also a comment
        [default]
        host => 127.0.0.1
        password => ClueCon
        port => 8021
        debug => 0
        key_F1 => help
        key_f7 = /log console

        [prod]
        \thost   =>   10.0.0.5\t
        password=>s3cret ;; the real one
        log-uuid => yes
        __END__
        [ignored]
        host => nowhere
        """

    @Test func sectionsAndPairsInOrder() {
        let file = ConfigFile(parsing: Self.shipped, path: "/home/u/.fs_cli_conf")
        #expect(file.problems == [])
        #expect(file.sections.map(\.name) == ["default", "prod"])
        #expect(file.sections[0].line == 3)
        let defaults = file.sections[0].entries
        #expect(defaults.map(\.key) == ["host", "password", "port", "debug", "key_F1", "key_f7"])
        #expect(defaults.last == ConfigFile.Entry(key: "key_f7", value: "/log console", line: 9))
        let prod = file.sections[1].entries
        #expect(prod.map(\.value) == ["10.0.0.5", "s3cret", "yes"])
        #expect(prod.map(\.line) == [12, 13, 14])
    }

    @Test func endMarkerStopsParsing() {
        let file = ConfigFile(parsing: Self.shipped, path: "x")
        #expect(!file.sections.contains { $0.name == "ignored" })
    }

    @Test func crlfLinesAndEmptyValues() {
        let file = ConfigFile(parsing: "[a]\r\nhost => h\r\nloglevel =>\r\n", path: "x")
        #expect(file.problems == [])
        #expect(file.sections[0].entries.map(\.value) == ["h", ""])
    }

    @Test func onlyTheFirstEqualsSeparates() {
        let file = ConfigFile(parsing: "[a]\nkey_F2 => api x=1 ; y\n", path: "x")
        #expect(file.sections[0].entries[0].key == "key_F2")
        #expect(file.sections[0].entries[0].value == "api x=1 ; y")
    }

    @Test func malformedLinesAreReportedWithFileAndLine() {
        let text = """
            host => before-any-profile
            [a]
            just some words
            = no key
            [unclosed
            [+libesl]
            []
            port => 1
            """
        let file = ConfigFile(parsing: text, path: "/etc/fs_cli.conf")
        #expect(file.problems.map(\.line) == [1, 3, 4, 5, 6, 7])
        #expect(file.problems.allSatisfy { $0.path == "/etc/fs_cli.conf" })
        #expect(file.problems[1].description == "/etc/fs_cli.conf:3: 'just some words' is not 'key => value'; the line is ignored")
        #expect(file.problems[0].message.contains("before any [profile]"))
        #expect(file.sections.map(\.name) == ["a"])
        #expect(file.sections[0].entries == [ConfigFile.Entry(key: "port", value: "1", line: 8)])
    }

    @Test func indentedCommentsAndBlankLinesAreNotProblems() {
        let file = ConfigFile(parsing: "[a]\n   \n\t# note\n  ; note\n", path: "x")
        #expect(file.problems == [])
        #expect(file.sections[0].entries == [])
    }
}
