import Console
import Testing

@Suite struct SettingsPrecedenceTests {
    /// host is set at all four levels, port at three, user at two, password at one.
    static let layered = """
        [default]
        host => default-host
        port => 1111
        user => default-user
        timeout => 700
        connect-timeout => 800
        quiet => yes
        [prod]
        host => prod-host
        port => 2222
        """

    let fixture = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": Self.layered])

    @Test func commandLineBeatsProfileBeatsDefaultBeatsBuiltIns() throws {
        let s = try fixture.resolve(.with { $0.profile = "prod"; $0.hosts = ["cli-host"] }).settings
        #expect(s.host == "cli-host")
        #expect(s.port == 2222)
        #expect(s.user == "default-user")
        #expect(s.password == "ClueCon")
        #expect(s.profileName == "prod")
    }

    @Test func withoutAProfileNameDefaultIsChosen() throws {
        let s = try fixture.resolve().settings
        #expect(s.profileName == "default")
        #expect(s.host == "default-host")
    }

    @Test func withoutDefaultTheFirstProfileIsChosen() throws {
        var fixture = self.fixture
        fixture.files["/home/u/.fs_cli_conf"] = "[b]\nhost => bee\n[a]\nhost => ay\n"
        let s = try fixture.resolve().settings
        #expect(s.profileName == "b")
        #expect(s.host == "bee")
    }

    @Test func commandLineTimeoutsBeatTheFile() throws {
        let fromFile = try fixture.resolve().settings
        #expect(fromFile.requestTimeout == .milliseconds(700))
        #expect(fromFile.connectTimeout == .milliseconds(800))
        let s = try fixture.resolve(.with { $0.timeout = 5000; $0.connectTimeout = 0 }).settings
        #expect(s.requestTimeout == .milliseconds(5000))
        #expect(s.connectTimeout == nil)
    }

    @Test func logLevelOnTheCommandLineClearsAConfiguredQuietButQuietWins() throws {
        #expect(try fixture.resolve().settings.quiet)
        let loud = try fixture.resolve(.with { $0.logLevel = "info" }).settings
        #expect(!loud.quiet && loud.logLevel == "info")
        #expect(try fixture.resolve(.with { $0.logLevel = "info"; $0.quiet = true }).settings.quiet)
    }

    @Test func everyCommandLineValueIsApplied() throws {
        let options = ConsoleOptions.with {
            $0.hosts = ["h"]; $0.port = 3; $0.user = "u@d"; $0.password = "p"; $0.interrupt = true
            $0.execute = ["status", "version"]; $0.logLevel = "debug"; $0.logUUID = true; $0.logUUIDShort = true
            $0.retry = 2; $0.reconnect = true; $0.debug = 7; $0.batchMode = true; $0.noColor = true
            $0.setLogUUID = "abc"; $0.noHistoryFile = true; $0.mock = true; $0.noPane = true
        }
        let s = try FixtureEnvironment().resolve(options).settings
        #expect(s.host == "h" && s.port == 3 && s.user == "u@d" && s.password == "p")
        #expect(s.interruptExits && s.reconnect && s.batchMode && s.noHistoryFile && s.useMock && s.noPane)
        #expect(s.commands == ["status", "version"])
        #expect(s.logLevel == "debug" && s.logUUIDPrefixLength == 8 && s.initialUUIDFilter == "abc")
        #expect(s.connectAttempts == 241)
        #expect(s.debugLevel == 7)
        #expect(s.colorMode == .never)
    }

    @Test func explicitColorBeatsNoColor() throws {
        let s = try FixtureEnvironment().resolve(.with { $0.noColor = true; $0.color = .always }).settings
        #expect(s.colorMode == .always)
    }

    @Test func unknownProfileListsTheKnownOnes() {
        #expect {
            try fixture.resolve(.with { $0.profile = "staging" })
        } throws: { error in
            let error = error as? SettingsError
            return error?.code == .unknownProfile && error?.message == "unknown profile 'staging'; known profiles: default, prod"
        }
    }

    @Test func unknownProfileWithNoFilesSaysWhereItLooked() {
        #expect {
            try FixtureEnvironment().resolve(.with { $0.profile = "prod" })
        } throws: { error in
            (error as? SettingsError)?.message
                == "unknown profile 'prod': no configuration file defines any (looked for /home/u/.fs_cli_conf, /etc/fs_cli.conf, /home/u/.config/fscli/fscli.conf)"
        }
    }

    @Test func etcIsReadOnlyWhenTheHomeFileIsMissing() throws {
        var fixture = self.fixture
        fixture.files["/etc/fs_cli.conf"] = "[default]\nhost => etc-host\n[etc-only]\n"
        #expect(try fixture.resolve().settings.host == "default-host")
        #expect(try fixture.resolve().filesRead == ["/home/u/.fs_cli_conf"])
        fixture.files["/home/u/.fs_cli_conf"] = nil
        #expect(try fixture.resolve().settings.host == "etc-host")
    }

    @Test func withoutHomeOnlyEtcIsRead() {
        let resolver = FixtureEnvironment(variables: [:]).resolver
        #expect(resolver.fsCliConfigPaths == ["/etc/fs_cli.conf"])
        #expect(resolver.fscliConfigPath == nil)
    }

    @Test func fscliConfLayersOverTheFsCliFile() throws {
        var fixture = self.fixture
        fixture.variables["XDG_CONFIG_HOME"] = "/xdg"
        fixture.files["/xdg/fscli/fscli.conf"] = "[prod]\nport => 3333\ncolor => never\n[lab]\nhost => lab-host\n"
        let prod = try fixture.resolve(.with { $0.profile = "prod" })
        #expect(prod.filesRead == ["/home/u/.fs_cli_conf", "/xdg/fscli/fscli.conf"])
        #expect(prod.settings.host == "prod-host")
        #expect(prod.settings.port == 3333)
        #expect(prod.settings.colorMode == .never)
        let lab = try fixture.resolve(.with { $0.profile = "lab" }).settings
        #expect(lab.host == "lab-host" && lab.port == 1111)
    }

    @Test func relativeXDGConfigHomeFallsBackToDotConfig() {
        var fixture = self.fixture
        fixture.variables["XDG_CONFIG_HOME"] = "relative"
        #expect(fixture.resolver.fscliConfigPath == "/home/u/.config/fscli/fscli.conf")
    }
}
