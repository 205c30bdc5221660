import Console
import Testing

/// `-H` repeated and `hosts =`: which switches a console talks to, and under which names.
@Suite struct FleetSettingsTests {
    @Test(arguments: [
        ("pbx1", SwitchTarget(name: "pbx1", host: "pbx1")),
        ("pbx2:8022", SwitchTarget(name: "pbx2:8022", host: "pbx2", port: 8022)),
        ("edge=10.0.0.7:8023", SwitchTarget(name: "edge", host: "10.0.0.7", port: 8023)),
        ("::1", SwitchTarget(name: "::1", host: "::1")),
        ("[::1]:8022", SwitchTarget(name: "[::1]:8022", host: "::1", port: 8022)),
        ("v6 = [fd00::5]", SwitchTarget(name: "v6", host: "fd00::5")),
    ])
    func entriesAreRead(entry: String, expected: SwitchTarget) throws {
        #expect(try SwitchTarget.parse(entry).get() == expected)
    }

    @Test(arguments: [
        ("pbx:0", "switch 'pbx:0': the port must be 1-65535, not '0'"),
        ("pbx:http", "switch 'pbx:http': the port must be 1-65535, not 'http'"),
        ("=pbx", "switch '=pbx': the name before '=' is empty"),
        ("a b=pbx", "switch 'a b=pbx': a name cannot hold blanks or commas"),
        ("[::1", "switch '[::1': '[' without ']'"),
        (":8021", "switch ':8021': no host"),
    ])
    func badEntriesAreRefusedByName(entry: String, message: String) {
        #expect(throws: SettingsError(.usage, message)) { try SwitchTarget.parse(entry).get() }
    }

    @Test func repeatedHostOptionsMakeAFleetWithTheSharedPort() throws {
        let settings = try FixtureEnvironment().resolve(.with { $0.hosts = ["a", "b:8022", "c=a:9000"]; $0.port = 8030 }).settings
        #expect(settings.isFleet)
        #expect(settings.switches == [
            SwitchTarget(name: "a", host: "a", port: 8030),
            SwitchTarget(name: "b:8022", host: "b", port: 8022),
            SwitchTarget(name: "c", host: "a", port: 9000),
        ])
        let narrowed = settings.single(settings.switches[1])
        #expect(!narrowed.isFleet && narrowed.host == "b" && narrowed.port == 8022 && narrowed.password == settings.password)
    }

    @Test func oneHostWithAPortIsOneSwitch() throws {
        let settings = try FixtureEnvironment().resolve(.with { $0.hosts = ["pbx:8022"] }).settings
        #expect(!settings.isFleet)
        #expect(settings.host == "pbx" && settings.port == 8022)
        #expect(settings.switches == [SwitchTarget(name: "pbx", host: "pbx", port: 8022)])
    }

    @Test func aNameGivenTwiceIsAUsageError() {
        #expect(throws: SettingsError(.usage, "-H/--host: switch 'a' is named twice; give one a name with NAME=HOST")) {
            try FixtureEnvironment().resolve(.with { $0.hosts = ["a", "a"] })
        }
    }

    @Test func aProfileListsItsSwitchesAndTheMoreSpecificLevelWins() throws {
        let text = """
            [default]
            hosts => one, two:8022
            [single]
            host => lab
            [bad]
            hosts => one, one
            """
        let fixture = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": text])
        let fleet = try fixture.resolve().settings
        #expect(fleet.switches.map(\.name) == ["one", "two:8022"])
        #expect(fleet.switches.map(\.port) == [8021, 8022])
        // A profile's host replaces [default]'s fleet, and -H replaces both.
        #expect(try fixture.resolve(.with { $0.profile = "single" }).settings.switches.map(\.host) == ["lab"])
        #expect(try fixture.resolve(.with { $0.hosts = ["x", "y"] }).settings.switches.map(\.host) == ["x", "y"])
        let bad = try fixture.resolve(.with { $0.profile = "bad" })
        #expect(bad.settings.switches.map(\.name) == ["one", "two:8022"])
        #expect(bad.problems.map(\.message) == ["'hosts': switch 'one' is named twice; give one a name with NAME=HOST; ignored"])
    }

    @Test func theQuickParserReadsRepeatedHosts() {
        let options = ConsoleOptions.quickParse(["-H", "a", "-x", "status", "--host=b:8022"])
        #expect(options?.hosts == ["a", "b:8022"])
    }
}
