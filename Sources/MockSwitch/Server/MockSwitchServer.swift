import ESLProtocol
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import SwitchCatalog

/// The embedded FreeSWITCH: an event socket server (mod_event_socket) in front of a simulated core,
/// and, when ``MockSwitchConfiguration/httpPort`` is set, mod_xml_rpc's HTTP API beside it
/// (docs/http-face.md).
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
    /// The HTTP port (mod_xml_rpc) actually bound, or `nil` when HTTP is off.
    public let httpPort: Int?

    private let serverChannel: any Channel
    private let httpChannel: (any Channel)?
    private let bus: EventBus
    private let heartbeat: NIOLockedValueBox<RepeatedTask?>
    private let scheduler: RepeatedTask
    private let schedulerLoop: any EventLoop
    private let logger: Logger
    private let stopState = NIOLockedValueBox((stopped: false, handlers: [@Sendable () -> Void]()))
    /// A shutdown waiting for the last call to end, and whether the switch is to run again.
    private let shutdownState = NIOLockedValueBox((waiting: nil as ShutdownRequest?, restart: false))

    private init(core: SwitchCore, host: String, port: Int, serverChannel: any Channel, httpChannel: (any Channel)?, bus: EventBus,
                 heartbeat: NIOLockedValueBox<RepeatedTask?>, scheduler: RepeatedTask, schedulerLoop: any EventLoop, logger: Logger) {
        self.httpChannel = httpChannel
        self.httpPort = httpChannel?.localAddress?.port
        self.scheduler = scheduler
        self.schedulerLoop = schedulerLoop
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
            heartbeatInterval: heartbeatSeconds, legacyCommands: configuration.legacyCommands,
            hostCommands: configuration.allowsSystemCommands, logins: configuration.users,
            // A module named twice is loaded once.
            optionalModules: SwitchModule.optionalNames.filter(configuration.optionalModules.contains).compactMap(SwitchModule.optional(named:)))
        core.eventSinkListeners.compatibility = configuration.eventSinkCompatibility
        let bus = EventBus(socketless: { core.offerToEventSinkListeners(events: $0, logLines: $1) })
        let shutdownRequest = NIOLockedValueBox<MockSwitchServer?>(nil)
        // `shutdown` over either face stops the whole switch.
        let requestShutdown: @Sendable (ShutdownRequest) -> Void = { request in
            shutdownRequest.withLockedValue { $0 }?.shutDown(request)
        }
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
                        closeGracePeriod: configuration.closeGracePeriod,
                        logger: logger,
                        requestShutdown: requestShutdown))
                }
            }
        let connector = OutboundConnector(core: core, bus: bus, group: group, limits: limits,
                                          firstPacketTimeout: configuration.firstPacketTimeout,
                                          closeGracePeriod: configuration.closeGracePeriod, logger: logger)
        core.calls.attach(publish: { bus.publish(events: $0, logLines: $1) }, loop: group.next(), connect: connector.connect)
        let channel = try await bootstrap.bind(host: configuration.listenIP, port: configuration.listenPort).get()
        var httpChannel: (any Channel)?
        if let httpPort = configuration.httpPort {
            do {
                httpChannel = try await bindHTTP(configuration, port: httpPort, core: core, bus: bus, logger: logger, group: group,
                                                 requestShutdown: requestShutdown)
            } catch {
                try? await channel.close()
                throw error
            }
        }
        let heartbeat = NIOLockedValueBox<RepeatedTask?>(nil)
        let interval = TimeAmount.seconds(heartbeatSeconds)
        heartbeat.withLockedValue {
            $0 = group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                bus.publish(events: core.heartbeat())
            }
        }
        // The scheduler's thread: runs due tasks and removes deleted ones about once a second.
        let pass = TimeAmount(configuration.schedulerInterval)
        let schedulerLoop = group.next()
        let scheduler = schedulerLoop.scheduleRepeatedTask(initialDelay: pass, delay: pass) { _ in
            Self.schedulerPass(core, bus)
            shutdownRequest.withLockedValue { $0 }?.stopIfCallsAreOver()
        }
        let server = MockSwitchServer(
            core: core,
            host: configuration.listenIP,
            port: channel.localAddress?.port ?? configuration.listenPort,
            serverChannel: channel,
            httpChannel: httpChannel,
            bus: bus,
            heartbeat: heartbeat,
            scheduler: scheduler,
            schedulerLoop: schedulerLoop,
            logger: logger)
        shutdownRequest.withLockedValue { $0 = server }
        logger.info("listening on \(configuration.listenIP):\(server.port), ACL \(configuration.accessList), switch \(core.identity.switchname)")
        if let httpPort = server.httpPort { logger.info("HTTP (mod_xml_rpc) on \(configuration.listenIP):\(httpPort)") }
        return server
    }

    /// mod_xml_rpc's listener: NIO's HTTP/1 request parser in front of ``XMLRPCHandler``. Responses
    /// are written as bytes, since the switch frames them itself.
    private static func bindHTTP(_ configuration: MockSwitchConfiguration, port: Int, core: SwitchCore, bus: EventBus, logger: Logger,
                                 group: any EventLoopGroup, requestShutdown: @escaping @Sendable (ShutdownRequest) -> Void) async throws -> any Channel {
        let gateway = XMLRPCGateway(core: core, account: .init(
            user: configuration.httpUser, password: configuration.httpPassword, realm: configuration.httpRealm))
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 128)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                    try channel.pipeline.syncOperations.addHandler(XMLRPCHandler(gateway: gateway, bus: bus, logger: logger, requestShutdown: requestShutdown))
                }
            }
            .bind(host: configuration.listenIP, port: port).get()
    }

    /// The number of connected clients.
    public var connectionCount: Int { bus.count }

    /// Fires events and log lines as the switch would (to every subscribed listener).
    public func publish(events: [ESLEvent] = [], logLines: [ESLLogLine] = []) {
        bus.publish(events: events, logLines: logLines)
    }

    /// Runs one pass of the scheduler now, in its thread, as its timer does: what a task leaves
    /// for later (the rest of a hangup) comes after the pass's own events.
    public func runSchedulerPass() async {
        let (core, bus) = (core, bus)
        try? await schedulerLoop.submit { Self.schedulerPass(core, bus) }.get()
    }

    private static func schedulerPass(_ core: SwitchCore, _ bus: EventBus) {
        let pass = core.schedulerTick()
        if !pass.events.isEmpty || !pass.logLines.isEmpty { bus.publish(events: pass.events, logLines: pass.logLines) }
    }

    /// Whether the shutdown that stopped it asked for a restart (`fsctl shutdown restart`): the
    /// owner starts the switch again (`fscli mock` executes itself anew).
    public var restartRequested: Bool { shutdownState.withLockedValue { $0.restart } }

    /// Acts on `shutdown` or `fsctl shutdown …`: stops now, or once no call is up (`elegant`,
    /// `asap`; checked at each scheduler pass), or calls off a waiting shutdown (`cancel`).
    func shutDown(_ request: ShutdownRequest) {
        let now = shutdownState.withLockedValue { state -> Bool in
            if request.cancels {
                state.waiting = nil
                return false
            }
            state.restart = request.restarts
            guard request.waitsForCalls, !core.channels.isEmpty else { return true }
            state.waiting = request
            return false
        }
        if now { Task { await stop() } }
    }

    /// A waiting shutdown goes ahead once the last call has ended.
    func stopIfCallsAreOver() {
        let due = shutdownState.withLockedValue { state -> Bool in
            guard state.waiting != nil, core.channels.isEmpty else { return false }
            state.waiting = nil
            return true
        }
        if due { Task { await stop() } }
    }

    /// Runs `handler` once the server has stopped (now, if it has).
    public func onStop(_ handler: @escaping @Sendable () -> Void) {
        let now = stopState.withLockedValue { state in
            guard !state.stopped else { return true }
            state.handlers.append(handler)
            return false
        }
        if now { handler() }
    }

    /// Stops: every client gets the shutdown notice and is disconnected, then the socket closes.
    public func stop() async {
        defer {
            let handlers = stopState.withLockedValue { state in
                state.stopped = true
                defer { state.handlers = [] }
                return state.handlers
            }
            for handler in handlers { handler() }
        }
        heartbeat.withLockedValue { $0?.cancel(); $0 = nil }
        scheduler.cancel()
        try? await serverChannel.close()
        try? await httpChannel?.close()
        for done in bus.forEachListener({ $0.shutdown() }) {
            try? await done.get()
        }
        core.calls.detach()
        logger.info("stopped")
    }
}
