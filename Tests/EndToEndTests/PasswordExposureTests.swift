import Foundation
import TestSupport
import Testing

/// A password that did not come from the command line (a file, the environment, a profile) is
/// never in the process list, the history file, the console's debug output, the mock's log or an
/// error message. (A password given with `-p` is in `ps` because the user put it there, as with
/// fs_cli; the configuration file's permission warning is in ``OneShotTests``.)
@Suite(.timeLimit(.minutes(3))) struct PasswordExposureTests {
    static let secret = "s3cret-Exposure-Check"

    /// A private HOME with the password in a 0600 file.
    static func home() throws -> (home: String, passwordFile: String) {
        let home = NSTemporaryDirectory() + "fscli-e2e-secret-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let file = home + "/password"
        try (secret + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        return (home, file)
    }

    @Test func anInteractiveSessionKeepsThePasswordOutOfPsAndHistory() async throws {
        let mock = try await MockProcess.start(["--password", Self.secret])
        defer { mock.stop() }
        let (home, passwordFile) = try Self.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let environment = ["HOME": home, "PATH": "/usr/bin:/bin", "TERM": "xterm", "INPUTRC": "/dev/null"]
        let console = try TerminalProcess(
            CommandLineTests.binary.path, ["-P", String(mock.port), "--password-file", passwordFile, "-d", "7"], environment: environment)
        try await offPool { try console.waitForOutput { $0.contains("| connected |") } }
        let commandLine = try String(contentsOfFile: "/proc/\(console.pid)/cmdline", encoding: .utf8)
        #expect(commandLine.contains("--password-file"))
        #expect(!commandLine.contains(Self.secret), "the process list shows \(commandLine)")
        console.type("status\r")
        console.type("/reconnect\r")
        try await offPool { try console.waitForOutput { $0.contains("reconnected to 127.0.0.1:") } }
        console.type("/exit\r")
        let (status, _) = try await offPool { try console.finish(within: 10) }
        #expect(status == 0)

        let history = try String(contentsOfFile: home + "/.local/state/fscli/history", encoding: .utf8)
        #expect(history.contains("status"))
        #expect(!history.contains(Self.secret))
        #expect(!mock.child.hasExited)
    }

    /// Debug output shows each command sent, the login hidden; a refused login names neither the
    /// password sent nor the switch's.
    @Test func debugOutputAndErrorsHideThePassword() async throws {
        let mock = try await MockProcess.start(["--password", Self.secret])
        defer { mock.stop() }
        var environment = FscliRun.cleanEnvironment()
        environment["FSCLI_PASSWORD"] = Self.secret
        let batch = try await FscliRun.run(["-P", String(mock.port), "-b", "-d", "7"], input: "status\n", environment: environment)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(!(batch.stdout + batch.stderr).contains(Self.secret))

        environment["FSCLI_PASSWORD"] = "wrong-" + Self.secret
        for arguments in [["-x", "status"], ["-u", "ops@e2e", "-x", "status"], ["-b", "-d", "7"]] {
            let refused = try await FscliRun.run(["-P", String(mock.port)] + arguments, input: "status\n", environment: environment)
            #expect(refused.status == 255, "\(arguments): \(refused.stderr)")
            #expect(!(refused.stdout + refused.stderr).contains(Self.secret), "\(arguments): \(refused.stdout) \(refused.stderr)")
        }
        mock.stop()
        let log = try await offPool { try mock.child.finish(within: 10) }
        #expect(log.stderr.contains("connection from"), "the mock logged the connections")
        #expect(!log.stderr.contains(Self.secret), "the mock's log names a password: \(log.stderr)")
    }
}
