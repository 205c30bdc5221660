import ArgumentParser
import Console
@testable import fscli
import Testing

/// `ConsoleOptions.quickParse` (the `-x` fast path) must read every command line it accepts exactly
/// as ArgumentParser reads it, and leave everything else to ArgumentParser.
@Suite struct QuickParseTests {
    static let accepted: [[String]] = [
        ["-x", "status"],
        ["-x", "status", "-x", "show channels", "--execute", "version"],
        ["-H", "pbx.example.com", "-P", "8022", "-p", "secret", "-x", "status"],
        ["--host=10.0.0.1", "--port=8021", "--password=pw", "--execute=status"],
        ["-u", "1000@default", "--password-file", "/tmp/pw", "-x", "status"],
        ["-t", "500", "-T", "200", "-q", "-r", "-r", "-x", "msleep 10"],
        ["--timeout", "0", "--connect-timeout", "0", "--quiet", "--retry", "-x", "status"],
        ["-x", "echo a=b", "-H", "::1"],
        ["--json", "-x", "status", "-x", "bgapi version"],
        ["-H", "a", "-H", "b:8022", "--host=c=d", "-x", "status"],
    ]

    static let declined: [[String]] = [
        [],
        ["status"],
        ["-q"],
        ["prod", "-x", "status"],
        ["-x", "status", "-b"],
        ["-x", "-ERR"],
        ["-x"],
        ["-P", "notaport", "-x", "status"],
        ["-P", "70000", "-x", "status"],
        ["-p", "a", "--password-file", "/x", "-x", "status"],
        ["-q", "-q", "-x", "status"],
        ["--json", "--json", "-x", "status"],
        ["--json=true", "-x", "status"],
        ["-X", "status"],
        ["-x", "status", "--job-timeout", "500"],
        ["--follow"],
        ["--quiet=yes", "-x", "status"],
        ["--mock", "-x", "status"],
        ["-x", "status", "--", "-x"],
        ["-Hhost", "-x", "status"],
        ["-t", "-5", "-x", "status"],
    ]

    @Test(arguments: accepted)
    func agreesWithArgumentParser(arguments: [String]) throws {
        let quick = try #require(ConsoleOptions.quickParse(arguments), "\(arguments) should take the quick path")
        let full = try FscliCommand.parse(arguments)
        #expect(quick == full.options, "\(arguments)")
    }

    @Test(arguments: declined)
    func leavesEverythingElseToArgumentParser(arguments: [String]) {
        #expect(ConsoleOptions.quickParse(arguments) == nil, "\(arguments)")
    }
}
