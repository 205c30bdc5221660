import Console
import ESLProtocol
import NIOCore

/// What the fuzzer drives (`Fuzz/run`): each target hands arbitrary bytes to one parser the way
/// the program meets untrusted input, and must return whatever the bytes are. An input that ever
/// failed is kept under `Tests/Fixtures/fuzz/<target>/` and replayed by the normal test suite.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The frame decoder, fed in two pieces split where the first byte says (the incremental path).
    case frame
    /// An event body in each format, as an `event plain|json|xml` subscriber receives it.
    case eventPlain = "event-plain"
    case eventJSON = "event-json"
    case eventXML = "event-xml"
    /// The mock's session: frames from a client that may or may not have authenticated.
    case serverSession = "server-session"
    /// A line typed at the console's prompt.
    case consoleInput = "console-input"
    /// A configuration file.
    case configFile = "config-file"

    /// Feeds `bytes` to the target's parser; returns how much it understood (frames, events,
    /// lines or sections), so a test can tell a parse from a shrug.
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Int {
        switch self {
        case .frame: Self.frames(bytes)
        case .eventPlain: Self.event(bytes, .plain)
        case .eventJSON: Self.event(bytes, .json)
        case .eventXML: Self.event(bytes, .xml)
        case .serverSession: Self.session(bytes)
        case .consoleInput:
            String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { InputParser.parse(String($0)) }.filter { $0 != .empty }.count
        case .configFile: ConfigFile(parsing: String(decoding: bytes, as: UTF8.self), path: "fuzz.conf").sections.count
        }
    }

    /// Limits small enough that the fuzzer reaches them.
    static let limits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 4096, maxBodyBytes: 65536)

    private static func frames(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.first else { return 0 }
        let rest = bytes.dropFirst()
        let split = rest.isEmpty ? 0 : Int(first) % (rest.count + 1)
        var decoder = ESLFrameDecoder(limits: limits)
        var buffer = ByteBuffer()
        var count = 0
        for piece in [rest.prefix(split), rest.dropFirst(split)] {
            buffer.writeBytes(piece)
            guard let frames = try? decoder.decodeAll(&buffer) else { return count }
            count += frames.count
            // What the client does with each frame: classify it, and read an event or CHANNEL_DATA.
            for frame in frames {
                let message = ESLMessage(frame: frame)
                if case .event(let event) = message { _ = try? event.decode() }
                _ = try? message.channelDataEvent()
            }
        }
        return count
    }

    private static func event(_ bytes: [UInt8], _ format: ESLEventFormat) -> Int {
        (try? ESLEventFrame(format: format, body: ByteBuffer(bytes: bytes)).decode()) == nil ? 0 : 1
    }

    private static func session(_ bytes: [UInt8]) -> Int {
        // The first byte chooses an inbound session or an outbound one (full or not); the rest
        // is what the client sends.
        var decoder = ESLFrameDecoder(limits: limits)
        var buffer = ByteBuffer(bytes: bytes.dropFirst())
        var session = switch bytes.first.map({ $0 % 3 }) {
        case 1: ESLServerSession(outboundChannel: "00000000-0000-4000-8000-000000000001", async: true, full: true)
        case 2: ESLServerSession(outboundChannel: "00000000-0000-4000-8000-000000000001", async: false, full: false)
        default: ESLServerSession(password: "ClueCon")
        }
        let core = FuzzCore()
        guard let frames = try? decoder.decodeAll(&buffer) else {
            _ = session.receivedMalformedPacket()
            return 0
        }
        for frame in frames { _ = session.received(frame, core: core) }
        return frames.count
    }
}

/// A switch with one channel and one directory user, for the session target.
struct FuzzCore: ESLServerCore {
    func newUUID() -> String { "00000000-0000-4000-8000-000000000002" }
    func channelExists(_ uuid: String) -> Bool { uuid == "00000000-0000-4000-8000-000000000001" }
    func channelVariable(_ uuid: String, _ name: String) -> String? { channelExists(uuid) ? "value" : nil }
    func user(_ name: String, domain: String) -> ESLServerUser? {
        name == "1000" ? ESLServerUser(password: "s3cret", allowedEvents: "HEARTBEAT", allowedAPI: "status", allowedLog: false) : nil
    }
}
