import Console
import Testing

@Suite struct PasswordSourceTests {
    let fixture = FixtureEnvironment(
        files: ["/home/u/.fs_cli_conf": "[default]\npassword => from-config\n", "/run/pw": "from-file\r\nsecond line\n"],
        variables: ["HOME": "/home/u", "FSCLI_PASSWORD": "from-env"]
    )

    @Test func commandLineBeatsEnvironmentBeatsConfig() throws {
        var fixture = self.fixture
        #expect(try fixture.resolve(.with { $0.password = "from-cli" }).settings.password == "from-cli")
        #expect(try fixture.resolve(.with { $0.passwordFile = "/run/pw" }).settings.password == "from-file")
        #expect(try fixture.resolve().settings.password == "from-env")
        fixture.variables["FSCLI_PASSWORD"] = ""
        #expect(try fixture.resolve().settings.password == "from-config")
    }

    @Test func unreadablePasswordFileIsAClearError() {
        #expect {
            try fixture.resolve(.with { $0.passwordFile = "/nope" })
        } throws: { error in
            let error = error as? SettingsError
            return error?.code == .passwordFile && error?.message == "cannot read --password-file /nope: No such file or directory"
                && error?.exitStatus == .usage
        }
    }

    @Test func emptyPasswordFileIsAnError() {
        var fixture = self.fixture
        fixture.files["/run/empty"] = "\n"
        #expect(throws: SettingsError.self) { try fixture.resolve(.with { $0.passwordFile = "/run/empty" }) }
    }

    @Test func passwordAndPasswordFileTogetherAreAUsageError() {
        let options = ConsoleOptions.with { $0.password = "a"; $0.passwordFile = "/run/pw" }
        #expect(throws: SettingsError(.usage, "-p/--password and --password-file cannot both be given")) { try options.validate() }
    }
}
