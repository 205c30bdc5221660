import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Accepts the connections FreeSWITCH makes for the dialplan application `socket <host>:<port>`
/// (docs/protocol.md, "Outbound mode"): each arrives as an ``ESLConnection`` that needs no
/// authentication; call ``ESLConnection/connect(timeout:)`` first to get the channel's data.
///
/// ```swift
/// let listener = try await ESLOutboundListener.bind(port: 8084)
/// for await call in listener.connections {
///     let channel = try await call.connect()
///     _ = try await call.command(.execute("answer"))
/// }
/// ```
public final class ESLOutboundListener: Sendable {
    private let serverChannel: any Channel

    /// The port actually bound (useful when binding port 0).
    public let port: Int

    /// The switch's connections, in accept order; ends when the listener closes.
    public let connections: AsyncStream<ESLConnection>

    private init(serverChannel: any Channel, port: Int, connections: AsyncStream<ESLConnection>) {
        self.serverChannel = serverChannel
        self.port = port
        self.connections = connections
    }

    /// Listens on `host`:`port` (port 0 picks a free one).
    public static func bind(
        host: String = "127.0.0.1",
        port: Int = 8084,
        configuration: ESLConnection.Configuration = .init(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(ESLClientError) -> ESLOutboundListener {
        let (connections, accepted) = AsyncStream.makeStream(of: ESLConnection.self)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let address = channel.remoteAddress.map { AddressText.format(host: $0.ipAddress ?? "?", port: $0.port ?? 0) } ?? "switch"
                    let queue = NotificationQueue(limit: configuration.notificationBufferSize, byteLimit: configuration.notificationBufferBytes)
                    let handler = ESLClientHandler(
                        mode: .outbound, address: address, handshakeTimeout: nil, notifications: queue,
                        decodesEvents: configuration.decodesEvents)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ESLFrameDecoder(limits: configuration.limits)))
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let connection = ESLConnection(
                        channel: channel,
                        handler: NIOLoopBound(handler, eventLoop: channel.eventLoop),
                        notifications: ESLNotifications(queue: queue),
                        address: address,
                        configuration: configuration)
                    accepted.yield(connection)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: host, port: port).get()
        } catch {
            accepted.finish()
            throw ESLClientError(.connectionClosed, "cannot listen on \(AddressText.format(host: host, port: port)): \(error)")
        }
        channel.closeFuture.whenComplete { _ in accepted.finish() }
        return ESLOutboundListener(serverChannel: channel, port: channel.localAddress?.port ?? port, connections: connections)
    }

    /// Stops accepting; connections already accepted stay open.
    public func close() async {
        try? await serverChannel.close()
    }
}

extension ESLConnection {
    /// Outbound mode: sends `connect` and returns the channel's CHANNEL_DATA event
    /// (docs/protocol.md, "Outbound mode"), which also carries `Socket-Mode` (`async`/`static`) and `Control`
    /// (`full`/`single-channel`).
    public func connect(timeout: Duration? = nil) async throws(ESLClientError) -> ESLEvent {
        let reply = try await send(.connect, timeout: timeout)
        let message: ESLMessage
        switch reply {
        case .channelData(let frame): message = .channelData(frame)
        case .command(let reply): throw ESLClientError(.commandFailed, "connect was refused: \(reply.text)", address: address, serverText: reply.text)
        case .api(let response): throw ESLClientError(.protocolError, "connect was answered with api output: \(response.text)", address: address)
        }
        do {
            guard let event = try message.channelDataEvent() else {
                throw ESLClientError(.protocolError, "connect was answered without channel data", address: address)
            }
            return event
        } catch let error as ESLProtocolError {
            throw ESLClientError(error, address: address)
        } catch {
            throw error as? ESLClientError ?? ESLClientError(.protocolError, "\(error)", address: address)
        }
    }
}
