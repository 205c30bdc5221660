import Console
import ESLProtocol
import NIOCore
import Testing

private func logLine(_ text: String, level: Int = 7, userData: String = "") -> ESLLogLine {
    ESLLogLine(level: level, file: "switch_core.c", function: "main", line: 42, userData: userData, body: ByteBuffer(string: text))
}

@Suite struct LogFiltersTests {
    static let uuid = "6f1c2d3e-aaaa-4bbb-8ccc-0123456789ab"

    @Test func noFilterShowsEverything() {
        let filters = LogFilters()
        #expect(filters.shows(logLine("anything\n", userData: Self.uuid)))
        #expect(filters.shows(logLine("anything\n")))
    }

    @Test func uuidPrefixSelectsItsChannel() {
        let filters = LogFilters(uuid: "6f1c2d3e")
        #expect(filters.shows(logLine("mine\n", userData: Self.uuid)))
        #expect(!filters.shows(logLine("other\n", userData: "9abc0000-aaaa-4bbb-8ccc-0123456789ab")))
        #expect(LogFilters(uuid: Self.uuid).shows(logLine("whole\n", userData: Self.uuid)))
        #expect(!LogFilters(uuid: Self.uuid + "0").shows(logLine("longer\n", userData: Self.uuid)))
    }

    @Test func uuidPrefixIgnoresCase() {
        #expect(LogFilters(uuid: "6F1C2D3E-AAAA").shows(logLine("mine\n", userData: Self.uuid)))
        #expect(LogFilters(uuid: "6f1c").shows(logLine("mine\n", userData: Self.uuid.uppercased())))
    }

    @Test func lineWithoutChannelPassesTheUUIDFilter() {
        #expect(LogFilters(uuid: "6f1c2d3e").shows(logLine("switch's own line\n", userData: "")))
    }

    @Test func emptyUUIDFilterShowsAll() {
        #expect(LogFilters(uuid: "").shows(logLine("x\n", userData: "9abc")))
    }

    @Test func textPatternIsACaseSensitiveSubstring() {
        let filters = LogFilters(pattern: .text("sofia"))
        #expect(filters.shows(logLine("mod_sofia.c:123 sofia/internal registered\n")))
        #expect(!filters.shows(logLine("SOFIA in capitals\n")))
        #expect(!filters.shows(logLine("nothing here\n")))
    }

    @Test func slashesMakeARegex() throws {
        let pattern = try LogFilterPattern(argument: "/sofia|sip:[0-9]+/")
        #expect(pattern == .regex("sofia|sip:[0-9]+"))
        let filters = LogFilters(pattern: pattern)
        #expect(filters.shows(logLine("INVITE sip:1000@example\n")))
        #expect(filters.shows(logLine("sofia/internal\n")))
        #expect(!filters.shows(logLine("sip:alice\n")))
        #expect(!filters.shows(logLine("a|b\n")), "| is alternation, not a literal")
    }

    @Test func argumentWithoutBothSlashesIsText() throws {
        #expect(try LogFilterPattern(argument: "sofia") == .text("sofia"))
        #expect(try LogFilterPattern(argument: "/") == .text("/"))
        #expect(try LogFilterPattern(argument: "/sofia") == .text("/sofia"))
        #expect(try LogFilterPattern(argument: "a|b") == .text("a|b"))
        #expect(LogFilters(pattern: .text("a|b")).shows(logLine("x a|b y\n")))
    }

    @Test func badRegexIsRefused() {
        #expect(throws: (any Error).self) { try LogFilterPattern(argument: "/(unclosed/") }
    }

    @Test func uuidAndPatternMustBothPass() {
        let filters = LogFilters(uuid: "6f1c", pattern: .text("hangup"))
        #expect(filters.shows(logLine("hangup\n", userData: Self.uuid)))
        #expect(!filters.shows(logLine("answer\n", userData: Self.uuid)))
        #expect(!filters.shows(logLine("hangup\n", userData: "9abc")))
        #expect(filters.shows(logLine("hangup\n")))
    }
}
