import Console
import Testing

/// A configuration file that holds a password must not be readable by others (as ssh insists for
/// keys): fscli warns, naming the file and the fix, and still uses it.
@Suite struct ConfigPermissionTests {
    static let withPassword = "[default]\nhost => 192.0.2.7\npassword => s3cret\n"

    @Test(arguments: [(UInt16(0o644), "anyone", "644"), (0o640, "its group", "640"), (0o604, "anyone", "604")])
    func readableByOthersIsReported(_ mode: UInt16, _ who: String, _ octal: String) throws {
        let fixture = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": Self.withPassword], modes: ["/home/u/.fs_cli_conf": mode])
        let resolved = try fixture.resolve()
        #expect(resolved.problems.map(\.description) == [
            "/home/u/.fs_cli_conf:3: holds a password but can be read by \(who) (mode \(octal)); run chmod 600 /home/u/.fs_cli_conf",
        ])
        #expect(resolved.settings.password == "s3cret")
    }

    @Test func privateFilesAndFilesWithoutAPasswordAreQuiet() throws {
        let privateFile = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": Self.withPassword], modes: ["/home/u/.fs_cli_conf": 0o600])
        #expect(try privateFile.resolve().problems.isEmpty)
        let noPassword = FixtureEnvironment(files: ["/home/u/.fs_cli_conf": "[default]\nhost => 192.0.2.7\npassword =>\n"],
                                            modes: ["/home/u/.fs_cli_conf": 0o644])
        #expect(try noPassword.resolve().problems.isEmpty)
    }
}
