import Foundation
import TestSupport
import Testing

/// The real `fscli` binary, run as a user would.
@Suite(.timeLimit(.minutes(3))) struct CommandLineTests {
    /// `swift test` puts the test runner and the products in the same build directory.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fscli")

    /// Runs `fscli`; with `environment`, exactly that environment (so no real home or password leaks in).
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let output = try ChildProcess.run(binary.path, arguments, environment: environment)
        return (output.status, output.stdout, output.stderr)
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try Self.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: ".").count == 3)
    }

    @Test func helpDescribesTheTool() throws {
        let result = try Self.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("event socket"))
        #expect(result.stdout.contains("USAGE"))
    }

    @Test func usageNamesTheCommandsAsTyped() throws {
        let root = try Self.run(["--help"])
        #expect(root.stdout.contains("USAGE: fscli [<options>] [<profile>]\n"), "\(root.stdout)")
        let usage = root.stdout.components(separatedBy: "ARGUMENTS:").first ?? ""
        #expect(!usage.contains("<subcommand>"), "the console needs no subcommand: \(usage)")
        let mock = try Self.run(["mock", "--help"])
        #expect(mock.stdout.contains("USAGE: fscli mock [<options>]\n"), "\(mock.stdout)")
        let wrong = try Self.run(["mock", "--listen-port", "abc"])
        #expect(wrong.status == 64 || wrong.status == 2)
        #expect(!wrong.stderr.contains("USAGE: mock"), "\(wrong.stderr)")
    }

    @Test func helpSubcommandPrintsHelpAndRunsNothing() throws {
        let mock = try Self.run(["help", "mock"])
        #expect(mock.status == 0)
        #expect(mock.stdout.contains("--listen-port"), "\(mock.stdout)")
        let root = try Self.run(["help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("--execute"), "\(root.stdout)")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try Self.run(["--no-such-option"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-option"))
    }
}
