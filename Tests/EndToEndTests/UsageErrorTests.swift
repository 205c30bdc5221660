import Foundation
import Testing

/// The `fscli` binary's command line: usage errors, `--list-profiles`.
@Suite(.timeLimit(.minutes(3))) struct UsageErrorTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandLineTests.run(arguments, environment: environment)
    }

    @Test(arguments: [
        (["-P", "notaport"], "notaport"),
        (["-P", "70000"], "-P/--port must be 1-65535, not 70000"),
        (["--no-such-option"], "no-such-option"),
        (["--color", "sometimes"], "sometimes"),
        (["-d", "9"], "-d/--debug must be 0-7"),
        (["-p", "a", "--password-file", "/x"], "cannot both be given"),
        (["--mock-traffic", "0"], "--mock-traffic must be more than 0"),
    ])
    func badArgumentsExitTwoWithOneLine(arguments: [String], mention: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("fscli: "))
        #expect(result.stderr.hasSuffix("\n"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    @Test func unknownProfileExitsTwoAndListsTheKnownOnes() throws {
        let home = try Self.fixtureHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let xdg = home.appendingPathComponent("xdg").path
        let result = try Self.run(["staging"], environment: ["HOME": home.path, "XDG_CONFIG_HOME": xdg])
        #expect(result.status == 2)
        #expect(result.stderr == "fscli: unknown profile 'staging'; known profiles: default, prod, lab\n")
    }

    @Test func listProfilesShowsNamesAndFiles() throws {
        let home = try Self.fixtureHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let xdg = home.appendingPathComponent("xdg")
        let result = try Self.run(["--list-profiles"], environment: ["HOME": home.path, "XDG_CONFIG_HOME": xdg.path])
        #expect(result.status == 0)
        let fsCli = home.appendingPathComponent(".fs_cli_conf").path
        let fscli = xdg.appendingPathComponent("fscli/fscli.conf").path
        #expect(result.stdout == """
            default  \(fsCli)  (used when no profile is named)
            prod     \(fsCli), \(fscli)
            lab      \(fscli)

            """)
        #expect(result.stderr == "fscli: \(fsCli):4: 'not a pair' is not 'key => value'; the line is ignored\n")
    }

    /// A temporary HOME with `~/.fs_cli_conf` (one malformed line) and `xdg/fscli/fscli.conf`.
    static func fixtureHome() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("fscli-home-\(UUID().uuidString)")
        let xdg = home.appendingPathComponent("xdg/fscli")
        try FileManager.default.createDirectory(at: xdg, withIntermediateDirectories: true)
        try "[default]\nhost => 127.0.0.1\n[prod]\nnot a pair\nport => 8022\n".write(to: home.appendingPathComponent(".fs_cli_conf"), atomically: true, encoding: .utf8)
        try "[prod]\ncolor => never\n[lab]\nhost => lab\n".write(to: xdg.appendingPathComponent("fscli.conf"), atomically: true, encoding: .utf8)
        return home
    }
}
