import Console
import Testing

@Suite struct ConsoleOptionsTests {
    @Test(arguments: [
        (ConsoleOptions.with { $0.port = 0 }, "-P/--port must be 1-65535, not 0"),
        (ConsoleOptions.with { $0.port = 65536 }, "-P/--port must be 1-65535, not 65536"),
        (ConsoleOptions.with { $0.debug = 8 }, "-d/--debug must be 0-7, not 8"),
        (ConsoleOptions.with { $0.timeout = -1 }, "-t/--timeout must be 0 or more milliseconds, not -1"),
        (ConsoleOptions.with { $0.connectTimeout = -5 }, "-T/--connect-timeout must be 0 or more milliseconds, not -5"),
    ])
    func outOfRangeValuesAreUsageErrors(options: ConsoleOptions, message: String) {
        #expect(throws: SettingsError(.usage, message)) { try options.validate() }
    }

    @Test func inRangeValuesPass() throws {
        try ConsoleOptions.with { $0.port = 65535; $0.debug = 0; $0.timeout = 0; $0.connectTimeout = 0 }.validate()
    }

    @Test func exitStatusesAreTheDocumentedCodes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 255, 254])
        #expect([ExitStatus.success, .commandFailed, .usage, .connectionFailed, .timedOut].map(\.rawValue) == [0, 1, 2, 255, 254])
    }

    @Test func autoColorNeedsATerminalAndRespectsNoColorAndDumb() {
        #expect(ColorMode.auto.usesColor(isTerminal: true, environment: ["TERM": "xterm"]))
        #expect(!ColorMode.auto.usesColor(isTerminal: false, environment: [:]))
        #expect(!ColorMode.auto.usesColor(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(!ColorMode.auto.usesColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorMode.always.usesColor(isTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorMode.never.usesColor(isTerminal: true, environment: [:]))
    }
}
