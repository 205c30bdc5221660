import ESLProtocol
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The embedded FreeSWITCH: an event socket server (mod_event_socket) in front of a simulated core.
///
/// ```swift
/// var configuration = MockSwitchConfiguration()
/// configuration.listenPort = 0                      // any free port
/// let mock = try await MockSwitchServer.start(configuration)
/// print(mock.port)
/// await mock.stop()                                 // "The system is being shut down." to everyone
/// ```
public final class MockSwitchServer: Sendable {
    /// The simulated switch behind the socket.
    public let core: SwitchCore
    /// The address actually bound.
    public let host: String
    /// The port actually bound (useful with port 0).
    public let port: Int

    private let serverChannel: any Channel
    private let bus: EventBus
    private let heartbeat: NIOLockedValueBox<RepeatedTask?>
    private let scheduler: RepeatedTask
    private let logger: Logger

    private init(core: SwitchCore, host: String, port: Int, serverChannel: any Channel, bus: EventBus, heartbeat: NIOLockedValueBox<RepeatedTask?>,
                 scheduler: RepeatedTask, logger: Logger) {
        self.scheduler = scheduler
        self.core = core
        self.host = host
        self.port = port
        self.serverChannel = serverChannel
        self.bus = bus
        self.heartbeat = heartbeat
        self.logger = logger
    }

    /// Starts listening; `core` defaults to a switch named after this host.
    public static func start(
        _ configuration: MockSwitchConfiguration = MockSwitchConfiguration(),
        core: SwitchCore? = nil,
        logger: Logger = Logger(label: "fscli.mock"),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> MockSwitchServer {
        let heartbeatSeconds = max(1, configuration.heartbeatInterval.components.seconds)
        let core = core ?? SwitchCore(
            identity: .local(hostname: configuration.hostname, switchname: configuration.switchname),
            heartbeatInterval: heartbeatSeconds)
        let bus = EventBus()
        let shutdownRequest = NIOLockedValueBox<MockSwitchServer?>(nil)
        let limits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 10 << 20, maxBodyBytes: 16 << 20)
        let queueBytes = max(64 << 10, configuration.listenerQueueBytes)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 128)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: queueBytes / 2, high: queueBytes))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ESLFrameDecoder(limits: limits)))
                    try channel.pipeline.syncOperations.addHandler(ListenerHandler(
                        session: ESLServerSession(password: configuration.password),
                        core: core,
                        users: configuration.users,
                        bus: bus,
                        accessList: configuration.accessList,
                        firstPacketTimeout: configuration.firstPacketTimeout,
                        logger: logger,
                        requestShutdown: {
                            if let server = shutdownRequest.withLockedValue({ $0 }) {
                                Task { await server.stop() }
                            }
                        }))
                }
            }
        let connector = OutboundConnector(core: core, bus: bus, group: group, limits: limits,
                                          firstPacketTimeout: configuration.firstPacketTimeout, logger: logger)
        core.calls.attach(publish: { bus.publish(events: $0, logLines: $1) }, loop: group.next(), connect: connector.connect)
        let channel = try await bootstrap.bind(host: configuration.listenIP, port: configuration.listenPort).get()
        let heartbeat = NIOLockedValueBox<RepeatedTask?>(nil)
        let interval = TimeAmount.seconds(heartbeatSeconds)
        heartbeat.withLockedValue {
            $0 = group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                bus.publish(events: core.heartbeat())
            }
        }
        // The scheduler's thread: runs due tasks and removes deleted ones about once a second.
        let pass = TimeAmount(configuration.schedulerInterval)
        let scheduler = group.next().scheduleRepeatedTask(initialDelay: pass, delay: pass) { _ in
            let pass = core.schedulerTick()
            if !pass.events.isEmpty || !pass.logLines.isEmpty { bus.publish(events: pass.events, logLines: pass.logLines) }
        }
        let server = MockSwitchServer(
            core: core,
            host: configuration.listenIP,
            port: channel.localAddress?.port ?? configuration.listenPort,
            serverChannel: channel,
            bus: bus,
            heartbeat: heartbeat,
            scheduler: scheduler,
            logger: logger)
        shutdownRequest.withLockedValue { $0 = server }
        logger.info("listening on \(configuration.listenIP):\(server.port), ACL \(configuration.accessList), switch \(core.identity.switchname)")
        return server
    }

    /// The number of connected clients.
    public var connectionCount: Int { bus.count }

    /// Fires events and log lines as the switch would (to every subscribed listener).
    public func publish(events: [ESLEvent] = [], logLines: [ESLLogLine] = []) {
        bus.publish(events: events, logLines: logLines)
    }

    /// Stops: every client gets the shutdown notice and is disconnected, then the socket closes.
    public func stop() async {
        heartbeat.withLockedValue { $0?.cancel(); $0 = nil }
        scheduler.cancel()
        try? await serverChannel.close()
        for done in bus.forEachListener({ $0.shutdown() }) {
            try? await done.get()
        }
        logger.info("stopped")
    }
}
