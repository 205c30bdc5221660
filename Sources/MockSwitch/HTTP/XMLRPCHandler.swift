import Logging
import NIOCore
import NIOHTTP1

/// One HTTP connection of the mock's mod_xml_rpc: NIO parses the request, ``XMLRPCGateway``
/// answers it, and the connection closes after the answer, as every `/api…` answer of the switch
/// does (there is no Content-Length to keep it open by).
final class XMLRPCHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    /// The most of a body mod_xml_rpc reads.
    static let bodyLimit = 8192

    private let gateway: XMLRPCGateway
    private let bus: EventBus
    private let logger: Logger
    private let requestShutdown: @Sendable (ShutdownRequest) -> Void
    private var request: XMLRPCRequest?
    private var answered = false

    init(gateway: XMLRPCGateway, bus: EventBus, logger: Logger, requestShutdown: @escaping @Sendable (ShutdownRequest) -> Void) {
        self.gateway = gateway
        self.bus = bus
        self.logger = logger
        self.requestShutdown = requestShutdown
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = XMLRPCRequest(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) })
        case .body(var chunk):
            let room = Self.bodyLimit - (request?.body.count ?? Self.bodyLimit)
            if room > 0, let bytes = chunk.readBytes(length: min(room, chunk.readableBytes)) { request?.body += bytes }
        case .end:
            guard let request, !answered else { return }
            answered = true
            logger.debug("HTTP \(request.method) \(request.uri.prefix(120))")
            let response = gateway.respond(to: request)
            guard response.delay > .zero else { return deliver(response, context: context) }
            // The connection's thread is busy running the command; the answer comes when it is done.
            context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(min(response.delay, .seconds(3600)))) { [self] in
                deliver(response, context: context)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // NIO could not parse the request: Abyss answers a malformed one with 400.
        logger.debug("HTTP: \(error)")
        guard !answered else { return context.close(promise: nil) }
        answered = true
        answer(AbyssErrorPage.response(400, user: nil, micros: gateway.core.clock.now()), context: context)
    }

    private func deliver(_ response: XMLRPCGateway.Response, context: ChannelHandlerContext) {
        bus.publish(events: response.events, logLines: response.logLines)
        answer(response.text, context: context)
        if let shutdown = response.shutdown { requestShutdown(shutdown) }
    }

    private func answer(_ text: String, context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
