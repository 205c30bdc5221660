import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One connection to a FreeSWITCH event socket: inbound (``connect(host:port:password:user:configuration:group:)``)
/// or accepted from the switch's `socket` application (``ESLOutboundListener``).
///
/// Requests may be issued from any task; replies are matched to requests in order. Events and log
/// lines arrive on ``notifications``, which never holds up the socket reader.
///
/// ```swift
/// let connection = try await ESLConnection.connect(host: "127.0.0.1", password: "ClueCon")
/// print(try await connection.api("status").text)
/// ```
public final class ESLConnection: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<ESLClientHandler>
    let configuration: Configuration

    /// The switch's address as connected (`127.0.0.1:8021`).
    public let address: String

    /// Events, log lines and the final disconnect, in arrival order (see ``ESLNotifications``).
    public let notifications: ESLNotifications

    init(channel: any Channel, handler: NIOLoopBound<ESLClientHandler>, notifications: ESLNotifications, address: String, configuration: Configuration) {
        self.channel = channel
        self.handler = handler
        self.notifications = notifications
        self.address = address
        self.configuration = configuration
    }

    /// How many events and log lines were dropped because ``notifications`` was not read fast enough.
    public var droppedCount: Int {
        notifications.queue.droppedCount
    }

    /// Changes ``Configuration/dropsWhenBehind`` of this connection: `false` from now on loses
    /// nothing (what was already dropped stays counted); `true` lets a held socket read go on.
    /// (`fscli`'s `/record` turns dropping off for as long as it records.)
    public func setDropsWhenBehind(_ drops: Bool) {
        notifications.queue.setDrops(drops)
    }

    /// Whether the connection is still open.
    public var isActive: Bool { channel.isActive }

    // MARK: Connecting

    /// Connects to a switch's event socket and authenticates: `auth <password>`, or
    /// `userauth <user>:<password>` when `user` (`name@domain`) is given.
    ///
    /// Every address `host` resolves to is tried (IPv6 and IPv4). Fails with a ``ESLClientError``
    /// whose code says why: refused, unreachable, timed out, unknown host, no greeting, wrong
    /// password, ACL rejection, disconnected, protocol error.
    public static func connect(
        host: String,
        port: Int = 8021,
        password: String,
        user: String? = nil,
        configuration: Configuration = Configuration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(ESLClientError) -> ESLConnection {
        let address = AddressText.format(host: host, port: port)
        let queue = NotificationQueue(
            limit: configuration.notificationBufferSize, byteLimit: configuration.notificationBufferBytes, drops: configuration.dropsWhenBehind)
        // Filled by the channel initializer: looking the handler up in the pipeline later would
        // race with a switch that closes the connection at once.
        let installed = NIOLockedValueBox<(NIOLoopBound<ESLClientHandler>, EventLoopFuture<Void>)?>(nil)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = ESLClientHandler(
                        mode: .inbound(password: password, user: user),
                        address: address,
                        handshakeTimeout: configuration.handshakeTimeout,
                        notifications: queue,
                        decodesEvents: configuration.decodesEvents,
                        tap: configuration.frameTap)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ESLFrameDecoder(limits: configuration.limits)))
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let bound = NIOLoopBound(handler, eventLoop: channel.eventLoop)
                    // Also for a queue that drops now: ``setDropsWhenBehind(_:)`` may change that.
                    let eventLoop = channel.eventLoop
                    queue.onResume { eventLoop.execute { bound.value.resumeReading() } }
                    installed.withLockedValue { $0 = (bound, handler.handshake!.futureResult) }
                }
            }
        let channel: any Channel
        do {
            // An address literal needs no resolver and no happy-eyeballs race: connect at once.
            if let literal = try? SocketAddress(ipAddress: host, port: port) {
                channel = try await bootstrap.connect(to: literal).get()
            } else {
                channel = try await bootstrap.connect(host: host, port: port).get()
            }
        } catch {
            throw ConnectErrorMapping.map(error, host: host, port: port, timeout: configuration.connectTimeout)
        }
        guard let (handler, handshake) = installed.withLockedValue({ $0 }) else {
            channel.close(promise: nil)
            throw ESLClientError(.connectionClosed, "the connection to \(address) could not be set up", address: address)
        }
        do {
            try await handshake.get()
        } catch {
            channel.close(promise: nil)
            throw error as? ESLClientError ?? ESLClientError(.connectionClosed, "the connection to \(address) failed: \(error)", address: address)
        }
        return ESLConnection(channel: channel, handler: handler, notifications: ESLNotifications(queue: queue), address: address, configuration: configuration)
    }

    // MARK: Requests

    /// Sends any command and returns the switch's reply (a `command/reply`, an `api/response` or,
    /// for `connect`, the channel data); a `-ERR` reply is returned, not thrown (see
    /// `ESLReply.isError`).
    ///
    /// Subscription commands (`event`, `nixevent`, `noevents`, `filter`, `log`, `nolog`) that the
    /// switch accepts are remembered in ``subscriptions()``.
    public func send(_ command: ESLCommand, timeout: Duration? = nil) async throws(ESLClientError) -> ESLReply {
        let promise = channel.eventLoop.makePromise(of: ESLReply.self)
        let handler = self.handler
        channel.eventLoop.execute {
            handler.value.send(command, promise: promise)
        }
        return try await wait(for: promise, timeout: timeout ?? configuration.requestTimeout, what: command.description)
    }

    /// Sends a command answered by `command/reply` and returns the reply (which may be `-ERR`).
    public func command(_ command: ESLCommand, timeout: Duration? = nil) async throws(ESLClientError) -> ESLCommandReply {
        switch try await send(command, timeout: timeout) {
        case .command(let reply): return reply
        case .api(let response): return ESLCommandReply(text: response.text)
        case .channelData(let frame): return ESLCommandReply(headers: frame.headers)
        }
    }

    /// Sends a raw command line (e.g. typed by a person) and returns the reply.
    public func command(_ line: String, timeout: Duration? = nil) async throws(ESLClientError) -> ESLCommandReply {
        try await command(ESLCommand(line: line), timeout: timeout)
    }

    /// Runs `api <command> [<arguments>]` and returns its output; a failure is output starting
    /// `-ERR` (see `ESLAPIResponse.isError`), not a thrown error.
    public func api(_ command: String, _ arguments: String? = nil, consoleExecute: Bool = false, timeout: Duration? = nil) async throws(ESLClientError) -> ESLAPIResponse {
        switch try await send(.api(command, arguments, consoleExecute: consoleExecute), timeout: timeout) {
        case .api(let response): return response
        case .command(let reply): return ESLAPIResponse(text: reply.text)
        case .channelData(let frame): return ESLAPIResponse(body: frame.body ?? ByteBuffer())
        }
    }

    /// The subscriptions, filters, event format and log level the switch has accepted on this
    /// connection.
    public func subscriptions() async -> ESLSubscriptions {
        let handler = self.handler
        return (try? await channel.eventLoop.submit { handler.value.subscriptions }.get()) ?? ESLSubscriptions()
    }

    /// Closes the connection without sending `exit` (the switch sees EOF). Pending requests fail
    /// with ``ESLClientError/Code/connectionClosed``; ``notifications`` ends.
    public func close() async {
        let handler = self.handler
        channel.eventLoop.execute { handler.value.close() }
        try? await channel.closeFuture.get()
    }

    /// Sends `exit`, waits for `+OK bye` and the switch's goodbye, and closes.
    public func exit(timeout: Duration? = .seconds(2)) async {
        _ = try? await command(.exit, timeout: timeout)
        await close()
    }

    /// Waits for `promise`, failing it on timeout or task cancellation (the connection stays usable;
    /// a late reply is discarded).
    func wait<T: Sendable>(for promise: EventLoopPromise<T>, timeout: Duration?, what: String) async throws(ESLClientError) -> T {
        let address = self.address
        let timer = timeout.map { timeout in
            channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                promise.fail(ESLClientError(.requestTimeout, "no reply from \(address) to \(what) within \(Self.format(timeout))", address: address))
            }
        }
        defer { timer?.cancel() }
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(ESLClientError(.cancelled, "\(what) was cancelled", address: address))
            }
        } catch let error as ESLClientError {
            throw error
        } catch {
            throw ESLClientError(.connectionClosed, "\(what) failed: \(error)", address: address)
        }
    }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(milliseconds) / 1000) s"
    }
}
