import Console
import Logging
import MockSwitch

/// `--mock`: a MockSwitch inside this process, on a free loopback port, for the console to talk to.
enum EmbeddedMock {
    /// Starts the switch and points `settings` at it (its address, port and password). Its own log
    /// stays quiet, since the console shares the terminal.
    static func start(into settings: inout ConsoleSettings) async throws -> MockSwitchServer {
        var configuration = MockSwitchConfiguration()
        configuration.listenIP = "127.0.0.1"
        configuration.listenPort = 0
        var logger = Logger(label: "fscli.mock")
        logger.logLevel = .critical
        let server = try await MockSwitchServer.start(configuration, logger: logger)
        settings.host = server.host
        settings.port = server.port
        settings.user = nil
        settings.password = configuration.password
        return server
    }
}
