import ESLProtocol
import NIOCore
import NIOPosix

/// A fake switch for connection tests: listens on 127.0.0.1 port 0 and plays a script against
/// each client, step by step. `expect` steps read whole client packets (split with the real frame
/// decoder) and record them; a mismatch is recorded, not thrown, so tests can assert on it.
public final class ScriptedSwitch: Sendable {
    public enum Step: Sendable {
        /// Write these bytes.
        case send(String)
        /// Read one client packet and record it; `exact` also checks its bytes.
        case expect(String?)
        /// Read packets until EOF or the peer closes.
        case drain
        /// Close the connection.
        case close
        /// Do nothing more but keep the connection open until the client leaves.
        case hang
    }

    private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let task: Task<Void, Never>
    public let port: Int
    private let log: Recorder

    /// The greeting and a successful `auth ClueCon`, as the switch plays them.
    public static let greeting: [Step] = [
        .send("Content-Type: auth/request\n\n"),
        .expect("auth ClueCon\n\n"),
        .send("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"),
    ]

    /// Returns once a client has sent `count` packets.
    public func waitForPackets(_ count: Int) async { await log.waitForPackets(count) }

    /// Every packet a client sent, in order, as text.
    public var received: [String] { get async { await log.packets } }
    /// Every `expect` whose bytes differed: (expected, got).
    public var mismatches: [String] { get async { await log.mismatches } }

    public init(host: String = "127.0.0.1", script: [Step]) async throws {
        let log = Recorder()
        self.log = log
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        port = channel.channel.localAddress!.port!
        let server = channel
        task = Task {
            try? await server.executeThenClose { inbound in
                for try await client in inbound {
                    await Self.play(script, on: client, log: log)
                }
            }
        }
    }

    /// Replays the server side of a capture: S->C records are sent, C->S records expected verbatim.
    public convenience init(replaying records: [CaptureRecord], stopAfterLast: Bool = true) async throws {
        var steps = Self.steps(replaying: records)
        if stopAfterLast { steps.append(.close) }
        try await self.init(script: steps)
    }

    static func play(_ script: [Step], on client: NIOAsyncChannel<ByteBuffer, ByteBuffer>, log: Recorder) async {
        try? await client.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var decoder = ESLFrameDecoder()
            var pending = ByteBuffer()
            func nextPacket() async throws -> String? {
                while true {
                    if let frame = try decoder.decode(&pending) {
                        return String(buffer: frame.encoded)
                    }
                    guard var chunk = try await iterator.next() else { return nil }
                    pending.writeBuffer(&chunk)
                }
            }
            for step in script {
                switch step {
                case .send(let text):
                    try await outbound.write(ByteBuffer(string: text))
                case .expect(let expected):
                    guard let packet = try await nextPacket() else { return }
                    await log.record(packet, expected: expected)
                case .drain:
                    while let packet = try await nextPacket() { await log.record(packet, expected: nil) }
                    return
                case .close:
                    return
                case .hang:
                    while try await iterator.next() != nil {}
                    return
                }
            }
        }
    }

    /// Plays `script` as the switch in outbound mode: the switch dials the application.
    public static func dial(port: Int, script: [Step]) async throws -> (Task<Void, Never>, Recorder) {
        let log = Recorder()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return (Task { await play(script, on: channel, log: log) }, log)
    }

    /// The steps that replay the switch's side of `records`.
    public static func steps(replaying records: [CaptureRecord]) -> [Step] {
        records.compactMap { record in
            switch record.dir {
            case "S->C": .send(record.data)
            case "C->S": .expect(record.data)
            default: nil
            }
        }
    }

    public func stop() async {
        task.cancel()
        try? await channel.channel.close()
    }
}

public actor Recorder {
    public private(set) var packets: [String] = []
    public private(set) var mismatches: [String] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    func record(_ packet: String, expected: String?) {
        packets.append(packet)
        if let expected, expected != packet {
            mismatches.append("expected \(expected.debugDescription), got \(packet.debugDescription)")
        }
        let ready = waiters.filter { $0.count <= packets.count }
        waiters.removeAll { $0.count <= packets.count }
        for waiter in ready { waiter.continuation.resume() }
    }

    /// Returns once `count` packets have arrived (the suites' time limit bounds the wait).
    public func waitForPackets(_ count: Int) async {
        guard packets.count < count else { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }
}
