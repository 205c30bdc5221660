import ESLProtocol
import NIOCore
import NIOPosix

/// The event socket application's side of outbound mode for tests: listens on 127.0.0.1 (any
/// free port) and hands out each connection the switch makes as a ``WireClient``.
final class OutboundApplication {
    private let server: NIOAsyncChannel<NIOAsyncChannel<ESLFrame, ByteBuffer>, Never>
    private var connections: NIOAsyncChannelInboundStream<NIOAsyncChannel<ESLFrame, ByteBuffer>>.AsyncIterator
    let port: Int

    init() async throws {
        server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ESLFrameDecoder()))
                    return try NIOAsyncChannel<ESLFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        port = server.channel.localAddress?.port ?? 0
        connections = server.inbound.makeAsyncIterator()
    }

    /// The next connection from the switch (the suite's time limit ends a test where none comes).
    func accept() async throws -> WireClient? {
        try await connections.next().map(WireClient.init(accepted:))
    }

    func close() async {
        try? await server.channel.close()
    }
}
