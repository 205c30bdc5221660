import Console
import Testing

/// Every key fs_cli's `read_config()` knows, plus the ones fscli adds, each changing its setting.
@Suite struct SettingsKeysTests {
    static let everyKey = """
        [default]
        host => 192.0.2.7
        port => 8022
        user => 1000@example.com
        password => pw
        debug => 5
        loglevel => warning
        quiet => on
        log-uuid => true
        log-uuid-short => 1
        log-uuid-length => 12
        batchmode => yes
        no-history-file => enabled
        no-pane => on
        prompt-string => %p@%s
        prompt-color => Blue
        input-text-color => bold-green
        output-text-color => cyan
        key_F1 => show registrations
        key_f12 => uptime
        KEY_TOGGLE_F7 => /log info
        key_F5 =>
        timeout => 700
        connect-timeout => 0
        retry => yes
        reconnect => active
        interrupt => allow
        color => always
        mock-traffic => 2.5
        mock-extension => 7100=answer,park
        mock-extension => 7101=answer,playback:tone_stream://%(1000,0,440)
        """

    @Test func everyKeyIsApplied() throws {
        let fixture = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": Self.everyKey])
        let resolved = try fixture.resolve()
        #expect(resolved.problems == [])
        let s = resolved.settings
        #expect(s.profileName == "default")
        #expect(s.host == "192.0.2.7")
        #expect(s.port == 8022)
        #expect(s.user == "1000@example.com")
        #expect(s.password == "pw")
        #expect(s.debugLevel == 5)
        #expect(s.logLevel == "warning")
        #expect(s.quiet)
        #expect(s.logUUID && s.logUUIDShort && s.logUUIDLength == 12)
        #expect(s.logUUIDPrefixLength == 12)
        #expect(s.batchMode)
        #expect(s.noHistoryFile)
        #expect(s.noPane)
        #expect(s.promptString == "%p@%s")
        #expect(s.promptColor == .blue)
        #expect(s.inputTextColor == .boldGreen)
        #expect(s.outputTextColor == .cyan)
        #expect(s.functionKeys.command(for: 1) == "show registrations")
        #expect(s.functionKeys.command(for: 12) == "uptime")
        #expect(s.functionKeys.command(for: 7) == "/log console")
        #expect(s.functionKeys.toggle(for: 7) == "/log info")
        #expect(s.functionKeys.command(for: 5) == nil)
        #expect(s.requestTimeout == .milliseconds(700))
        #expect(s.connectTimeout == nil)
        #expect(s.connectAttempts == 121)
        #expect(s.reconnect)
        #expect(s.interruptExits)
        #expect(s.colorMode == .always)
        #expect(s.mockTraffic == 2.5 && !s.useMock)  // it applies only with --mock
        #expect(s.mockExtensions == ["7100=answer,park", "7101=answer,playback:tone_stream://%(1000,0,440)"])
    }

    @Test func badMockKeysAreReportedAndIgnored() throws {
        let fixture = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": "[default]\nmock-traffic => fast\nmock-extension => answer\n"])
        let resolved = try fixture.resolve()
        #expect(resolved.problems.map(\.message) == [
            "'mock-traffic' must be more than 0 and at most 10000 calls a second, not 'fast'; ignored",
            "'mock-extension' must be NUMBER=APP[:ARGS],APP[:ARGS]..., not 'answer'; ignored",
        ])
        #expect(resolved.settings.mockTraffic == nil && resolved.settings.mockExtensions.isEmpty)
    }

    @Test func builtInsAreFsCliDefaults() throws {
        let s = try FixtureEnvironment().resolve().settings
        #expect(s == ConsoleSettings(profileName: "pbx1"))
        #expect(s.host == "127.0.0.1")
        #expect(s.port == 8021 && s.password == "ClueCon" && s.user == nil)
        #expect(s.connectTimeout == .seconds(5))
        #expect(s.requestTimeout == nil)
        #expect(s.logUUIDPrefixLength == nil)
        #expect((1...12).map { s.functionKeys.command(for: $0) ?? "" } == [
            "help", "status", "show channels", "show calls", "sofia status", "reloadxml",
            "/log console", "/log debug", "sofia status profile internal", "fsctl pause", "fsctl resume", "version",
        ])
        #expect(s.functionKeys.toggle(for: 1) == nil)
    }

    @Test func badValuesAreReportedAndLeaveTheLowerLevel() throws {
        let text = """
            [default]
            port => 9000
            [lab]
            port => 99999
            debug => 8
            prompt-color => mauve
            color => sometimes
            timeout => soon
            key_F13 => nothing
            execute => status
            """
        let fixture = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": text])
        let resolved = try fixture.resolve(.with { $0.profile = "lab" })
        #expect(resolved.settings.port == 9000)
        #expect(resolved.settings.debugLevel == 0)
        #expect(resolved.settings.promptColor == nil)
        #expect(resolved.problems.map(\.line) == [4, 5, 6, 7, 8, 9, 10])
        #expect(resolved.problems[0].description == "/home/u/.fs_cli_conf:4: 'port' must be 1-65535, not '99999'; ignored")
        #expect(resolved.problems[5].message == "unknown key 'key_F13'; ignored")
    }

    @Test func eslTrueMatchesLibesl() {
        for yes in ["yes", "On", "TRUE", "enabled", "active", "allow", "1", "-3"] { #expect(ConsoleSettings.eslTrue(yes), "\(yes)") }
        for no in ["no", "off", "false", "0", "", "y", "banana"] { #expect(!ConsoleSettings.eslTrue(no), "\(no)") }
    }

    @Test func uuidPrefixLengthFollowsFsCliOrder() {
        var s = ConsoleSettings(profileName: "p")
        s.logUUID = true
        #expect(s.logUUIDPrefixLength == 0)
        s.logUUIDShort = true
        #expect(s.logUUIDPrefixLength == 8)
        s.logUUIDLength = 4
        #expect(s.logUUIDPrefixLength == 4)
        s.logUUID = false
        s.logUUIDShort = false
        #expect(s.logUUIDPrefixLength == nil)
    }

    @Test func boldColoursAreBoldNotBackgrounds() {
        #expect(TerminalColor.red.escapeSequence == "\u{1B}[31m")
        #expect(TerminalColor.boldBlue.escapeSequence == "\u{1B}[1;34m")
        #expect(TerminalColor(configValue: "BOLD-white") == .boldWhite)
    }
}
