import Foundation
import TestSupport
import Testing

/// `fscli -x`: every command runs in order, replies are printed as the switch sent them, and the
/// exit status says what happened (fs_cli exits 0 on -ERR and 255 on any connect failure).
@Suite(.timeLimit(.minutes(3))) struct OneShotTests {
    @Test func commandsRunInOrderAndSucceed() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-x", "status", "-x", "echo one", "-x", "switchname"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let status = try #require(result.stdout.range(of: "FreeSWITCH (Version 1.11.1-release  64bit) is ready\n"))
        let one = try #require(result.stdout.range(of: "one\ne2e\n"))
        #expect(status.upperBound <= one.lowerBound)
        // The status body ends in a line end: no extra newline is added (fs_cli always adds one).
        #expect(!result.stdout.contains("8192K\n\n"))
    }

    @Test func anErrorReplyExitsOneAndTheRestStillRuns() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-x", "no_such_command", "-x", "echo after"])
        #expect(result.status == 1)
        #expect(result.stdout == "-ERR no_such_command Command not found!\nafter\n")
    }

    @Test func colourAlwaysPaintsErrorRepliesRed() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let coloured = try await FscliRun.run(["-P", String(mock.port), "--color", "always", "-x", "no_such_command", "-x", "echo after"])
        #expect(coloured.stdout == "\u{1b}[31m-ERR no_such_command Command not found!\u{1b}[m\nafter\n", "\(coloured.stdout.debugDescription)")
        let plain = try await FscliRun.run(["-P", String(mock.port), "-x", "no_such_command"])
        #expect(plain.stdout == "-ERR no_such_command Command not found!\n", "auto on a pipe: no colour")
    }

    @Test func aSlowReplyTimesOutWithStatus254() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-t", "200", "-x", "msleep 20000", "-x", "echo never"])
        #expect(result.status == 254)
        #expect(result.stderr.contains("no reply"), "\(result.stderr)")
        #expect(result.stderr.contains("msleep 20000"), "\(result.stderr)")
        #expect(!result.stdout.contains("never"))
    }

    @Test func backgroundJobOutputIsPrinted() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-x", "bgapi echo from the job"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "from the job\n")
    }

    @Test func refusedConnectionExits255AndSaysWhy() async throws {
        let reserved = try ReservedPort()
        let port = reserved.port
        let result = try await FscliRun.run(["-P", String(port), "-x", "status"])
        withExtendedLifetime(reserved) {}
        #expect(result.status == 255)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("connection refused"), "\(result.stderr)")
        #expect(result.stderr.contains("127.0.0.1:\(port)"), "\(result.stderr)")
    }

    @Test func retryKeepsTryingUntilTheSwitchIsUp() async throws {
        var reserved: ReservedPort? = try ReservedPort()
        let port = reserved!.port
        let process = try ChildProcess(
            CommandLineTests.binary.path, ["-r", "-P", String(port), "-x", "echo finally"], environment: FscliRun.cleanEnvironment())
        defer { process.send(SIGKILL) }
        // The first attempt is refused; fscli says it will retry.
        let seen = try await offPool { try process.waitForStderr { $0.contains("retrying (2 of 121)") } }
        #expect(seen.contains("connection refused"), "\(seen)")
        reserved = nil
        let mock = try await Self.startMock(onFreedPort: port)
        defer { mock.stop() }
        let result = try await offPool { try process.finish() }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "finally\n")
    }

    /// Starts the mock on a port just released. The kernel may briefly refuse to hand it out again
    /// (the test suite opens many connections at once), so binding is tried a few times.
    static func startMock(onFreedPort port: Int) async throws -> MockProcess {
        var attempt = 0
        while true {
            do {
                return try await MockProcess.start(port: port)
            } catch let error as MockProcessError where attempt < 20 && "\(error)".contains("in use") {
                attempt += 1
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    @Test func wrongPasswordExits255AndSaysWhy() async throws {
        let mock = try await MockProcess.start()
        defer { mock.stop() }
        var environment = FscliRun.cleanEnvironment()
        environment["FSCLI_PASSWORD"] = "not-the-password"
        let result = try await FscliRun.run(["-P", String(mock.port), "-x", "status"], environment: environment)
        #expect(result.status == 255)
        #expect(result.stderr.contains("refused the credentials"), "\(result.stderr)")
        #expect(!result.stderr.contains("not-the-password"), "the password is never printed")
    }

    @Test func aclRejectionExits255AndSaysWhy() async throws {
        let mock = try await MockProcess.start(["--acl", "10.0.0.0/8"])
        defer { mock.stop() }
        let result = try await FscliRun.run(["-P", String(mock.port), "-x", "status"])
        #expect(result.status == 255)
        #expect(result.stderr.contains("ACL"), "\(result.stderr)")
    }

    @Test func aSilentServerFailsWithinTheConnectTimeout() async throws {
        // Accepts connections (the kernel does, from the backlog) but never sends the greeting.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        _ = listen(listener, 4)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try await FscliRun.run(["-P", String(port), "-T", "300", "-x", "status"])
        #expect(result.status == 255)
        #expect(result.stderr.contains("127.0.0.1:\(port)"), "\(result.stderr)")
    }

    /// `mock-extension` in the configuration adds to the built-in switch's dialplan.
    @Test func theEmbeddedSwitchTakesExtensionsFromTheConfiguration() async throws {
        let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fscli-e2e-mock-ext-\(getpid())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "[default]\nmock-extension => 7171=answer,set:from_config=yes,park\n"
            .write(to: home.appendingPathComponent(".fs_cli_conf"), atomically: true, encoding: .utf8)
        let result = try await FscliRun.run(["--mock", "-x", "originate loopback/7171/default &park()", "-x", "show channels like 7171-b"],
                                            environment: FscliRun.cleanEnvironment(home: home.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("+OK "), "\(result.stdout)")
        #expect(result.stdout.contains("loopback/7171-b,CS_EXECUTE,") && result.stdout.contains(",park,"), "\(result.stdout)")
    }

    /// A real configuration file with a password that others can read: a warning naming the file
    /// and the fix, and the run goes on.
    @Test func aPasswordFileOthersCanReadIsWarnedAbout() async throws {
        let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("fscli-e2e-mode-\(getpid())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent(".fs_cli_conf")
        try "[default]\npassword => s3cret\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o644)
        let loose = try await FscliRun.run(["--mock", "-x", "switchname"], environment: FscliRun.cleanEnvironment(home: home.path))
        #expect(loose.status == 0, "\(loose.stderr)")
        #expect(loose.stderr.contains("\(file.path):2: holds a password but can be read by anyone (mode 644); run chmod 600 \(file.path)"), "\(loose.stderr)")
        #expect(!loose.stderr.contains("s3cret"))
        chmod(file.path, 0o600)
        let tight = try await FscliRun.run(["--mock", "-x", "switchname"], environment: FscliRun.cleanEnvironment(home: home.path))
        #expect(!tight.stderr.contains("chmod"), "\(tight.stderr)")
    }

    @Test func theEmbeddedSwitchAnswers() async throws {
        let result = try await FscliRun.run(["--mock", "-x", "version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("FreeSWITCH Version 1.11.1"), "\(result.stdout)")
    }
}
