@testable import Console
import ESLProtocol
import Testing

@Suite struct SwitchLinkTests {
    private func link(_ change: (inout ConsoleSettings) -> Void = { _ in }) -> SwitchLink {
        var settings = ConsoleSettings(profileName: "default")
        change(&settings)
        return SwitchLink(settings: settings)
    }

    @Test func quietSendsNoLogCommand() {
        #expect(link { $0.quiet = true }.startupLogCommand == nil)
        #expect(link { $0.quiet = true; $0.logLevel = "info" }.startupLogCommand == nil)
    }

    @Test func noLevelAsksForDebug() {
        #expect(link().startupLogCommand == ESLCommand(line: "log debug"))
        #expect(link { $0.logLevel = "" }.startupLogCommand == ESLCommand(line: "log debug"))
    }

    @Test func configuredLevelIsSent() {
        #expect(link { $0.logLevel = "info" }.startupLogCommand == ESLCommand(line: "log info"))
        #expect(link { $0.logLevel = "3" }.startupLogCommand?.line == "log 3")
    }

    /// On a terminal the connection keeps a deep queue and drops (counted) when behind; into a
    /// pipe or a file, or for `--json`, `--follow` and `--events-json`, it loses nothing and keeps
    /// a small queue (TCP holds the rest on the switch).
    @Test func outputForAProgramLosesNothing() {
        let terminal = link()
        #expect(!terminal.settings.losesNothing)
        #expect(terminal.configuration.dropsWhenBehind)
        #expect(terminal.configuration.notificationBufferSize == 20_000)
        let changes: [(inout ConsoleSettings) -> Void] = [
            { $0.stdoutIsTerminal = false }, { $0.json = true }, { $0.follow = true }, { $0.eventsJSON = true },
        ]
        for change in changes {
            let lossless = link(change)
            #expect(lossless.settings.losesNothing)
            #expect(!lossless.configuration.dropsWhenBehind)
            #expect(lossless.configuration.notificationBufferSize == 1_000)
        }
    }

    @Test func noConnectTimeoutBecomesAVeryLongBound() {
        let configuration = link { $0.connectTimeout = nil }.configuration
        #expect(configuration.connectTimeout == .seconds(365 * 86_400))
        #expect(configuration.handshakeTimeout == .seconds(365 * 86_400))
    }

    @Test func connectTimeoutBoundsConnectAndHandshake() {
        let configuration = link { $0.connectTimeout = .milliseconds(1500) }.configuration
        #expect(configuration.connectTimeout == .milliseconds(1500))
        #expect(configuration.handshakeTimeout == .milliseconds(1500))
        #expect(link().configuration.connectTimeout == ConsoleSettings.defaultConnectTimeout)
    }

    @Test func requestTimeoutIsPassedThrough() {
        #expect(link().configuration.requestTimeout == nil)
        #expect(link { $0.requestTimeout = .seconds(7) }.configuration.requestTimeout == .seconds(7))
    }

    @Test func addressBracketsIPv6() {
        #expect(link { $0.host = "::1"; $0.port = 8022 }.address == "[::1]:8022")
        #expect(link().address == "127.0.0.1:8021")
    }
}
