import ESLProtocol
import Logging
import NIOCore
import NIOPosix

/// Makes the `socket` application's connections: connects to the event socket application and
/// serves the connection with an outbound ``ListenerHandler`` (no greeting, pre-authenticated,
/// controlling the channel), or tells the core it failed.
struct OutboundConnector: Sendable {
    let core: SwitchCore
    let bus: EventBus
    let group: any EventLoopGroup
    let limits: ESLFrameDecoder.Limits
    let firstPacketTimeout: Duration
    let closeGracePeriod: Duration
    let logger: Logger

    func connect(_ request: OutboundSocketRequest) {
        let (core, bus, logger, limits, timeout, grace) = (self.core, self.bus, self.logger, self.limits, firstPacketTimeout, closeGracePeriod)
        let session = ESLServerSession(outboundChannel: request.channel, async: request.async, full: request.full)
        ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ESLFrameDecoder(limits: limits)))
                    try channel.pipeline.syncOperations.addHandler(ListenerHandler(
                        session: session, core: core, users: [], bus: bus, accessList: nil,
                        firstPacketTimeout: timeout, closeGracePeriod: grace, logger: logger, requestShutdown: { _ in }))
                }
            }
            .connect(host: request.host, port: request.port)
            .whenFailure { error in
                logger.info("socket \(request.host):\(request.port) for \(request.channel): \(error)")
                let result = core.socketFailed(request)
                bus.publish(events: result.events, logLines: result.logLines)
            }
    }
}
