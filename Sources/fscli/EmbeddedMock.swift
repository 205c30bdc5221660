import Console
import Logging
import MockSwitch

/// `--mock`: a MockSwitch inside this process, on a free loopback port, for the console to talk to;
/// with `--mock-traffic N`, simulated calls flowing through it.
struct EmbeddedMock {
    let server: MockSwitchServer
    let traffic: CallTraffic?

    /// Starts the switch (and its traffic) and points `settings` at it (its address, port and
    /// password). Its own log stays quiet, since the console shares the terminal.
    static func start(into settings: inout ConsoleSettings) async throws -> EmbeddedMock {
        var configuration = MockSwitchConfiguration()
        configuration.listenIP = "127.0.0.1"
        configuration.listenPort = 0
        var logger = Logger(label: "fscli.mock")
        logger.logLevel = .critical
        var extensions: [(String, [Dialplan.Step])] = []
        for spec in settings.mockExtensions {
            guard let extensionSteps = Dialplan.parseExtension(spec) else {
                throw SettingsError(.usage, "mock-extension \(spec) is not NUMBER=APP[:ARGS],APP[:ARGS]...")
            }
            extensions.append(extensionSteps)
        }
        let server = try await MockSwitchServer.start(configuration, logger: logger)
        for (number, steps) in extensions { server.core.calls.dialplan.extensions[number] = steps }
        settings.host = server.host
        settings.port = server.port
        settings.user = nil
        settings.password = configuration.password
        let traffic = settings.mockTraffic.map { CallTraffic.start(core: server.core, settings: .init(callsPerSecond: $0)) }
        return EmbeddedMock(server: server, traffic: traffic)
    }

    func stop() async {
        traffic?.stop()
        await server.stop()
    }
}
