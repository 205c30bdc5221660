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

    @Test func jobsAndCommandsKeepTheTypedOrder() {
        let typed = ["-x", "a", "-X", "b", "--execute", "c", "--bgapi=d", "-q", "--execute=e", "-X", "f"]
        #expect(ConsoleOptions.inTypedOrder(typed, execute: ["a", "c", "e"], background: ["b", "d", "f"])
            == ["a", "bgapi b", "c", "bgapi d", "e", "bgapi f"])
        // A value that looks like an option is the option's value, not another option.
        #expect(ConsoleOptions.inTypedOrder(["-X", "b", "-x", "-X"], execute: ["-X"], background: ["b"]) == ["bgapi b", "-X"])
        // Spellings the scan does not follow: the -x commands first.
        #expect(ConsoleOptions.inTypedOrder(["-X", "b", "-qx", "a"], execute: ["a"], background: ["b"]) == ["a", "bgapi b"])
    }

    @Test func followAndJobOptionsAreChecked() {
        #expect(throws: SettingsError.self) { try ConsoleOptions.with { $0.follow = true; $0.execute = ["status"] }.validate() }
        #expect(throws: SettingsError.self) { try ConsoleOptions.with { $0.events = "CUSTOM" }.validate() }
        #expect(throws: SettingsError.self) { try ConsoleOptions.with { $0.follow = true; $0.events = " , " }.validate() }
        #expect(throws: SettingsError.self) { try ConsoleOptions.with { $0.jobTimeout = 0 }.validate() }
        #expect(throws: Never.self) { try ConsoleOptions.with { $0.follow = true; $0.events = "CUSTOM" }.validate() }
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
