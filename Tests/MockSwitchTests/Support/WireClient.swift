import ESLProtocol
import NIOCore
import NIOPosix

/// A raw socket client for conformance tests: sends exact bytes, reads whole frames.
final class WireClient {
    private let channel: NIOAsyncChannel<ESLFrame, ByteBuffer>
    private var frames: NIOAsyncChannelInboundStream<ESLFrame>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    init(port: Int, host: String = "127.0.0.1") async throws {
        channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ESLFrameDecoder()))
                    return try NIOAsyncChannel<ESLFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        frames = channel.inbound.makeAsyncIterator()
        outbound = channel.outbound
    }

    /// A connection the test accepted (the switch connected to it: outbound mode).
    init(accepted channel: NIOAsyncChannel<ESLFrame, ByteBuffer>) {
        self.channel = channel
        frames = channel.inbound.makeAsyncIterator()
        outbound = channel.outbound
    }

    deinit {
        // A test that stops early (a failed #require) must not crash the run.
        outbound.finish()
    }

    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Log lines and events that arrived before the frame a replay expected.
    private(set) var early: [ESLFrame] = []

    /// The next frame of the same kind as the captured `expected` frame, or `nil` at EOF.
    ///
    /// Log lines and events reach a listener from other threads, so their interleaving with replies
    /// varies with timing on the real switch too; they keep their own order. Any other frame is
    /// returned as it comes, so a wrong reply still shows up.
    func next(like expected: String) async throws -> ESLFrame? {
        let expectedType = Self.contentType(of: expected)
        if let index = early.firstIndex(where: { $0.contentType == expectedType }) {
            return early.remove(at: index)
        }
        while let frame = try await next() {
            let type = frame.contentType ?? ""
            if type != expectedType, type == ESLContentType.logData || type.hasPrefix("text/event-") {
                early.append(frame)
                continue
            }
            return frame
        }
        return nil
    }

    private static func contentType(of frame: String) -> String? {
        frame.split(separator: "\n").first { $0.hasPrefix("Content-Type: ") }.map { String($0.dropFirst("Content-Type: ".count)) }
    }

    /// Reads until an event frame containing `marker` has arrived, keeping every frame for
    /// ``next(like:)``: what the switch sent before a command the test is about to send.
    func awaitEvent(containing marker: String) async throws {
        while let frame = try await next() {
            early.append(frame)
            if frame.contentType?.hasPrefix("text/event-") == true, String(buffer: frame.encoded).contains(marker) { return }
        }
    }

    /// The next frame, or `nil` at EOF. (The suites' time limit ends a test whose frame never comes.)
    func next() async throws -> ESLFrame? {
        try await frames.next()
    }

    /// Shuts down the sending side only (as fs_cli does when it exits), keeping the reading side.
    func closeOutput() async throws {
        try await channel.channel.close(mode: .output)
    }

    func close() async {
        try? await channel.channel.close()
    }
}

