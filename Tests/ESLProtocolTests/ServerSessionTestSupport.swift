import NIOCore
@testable import ESLProtocol
import TestSupport

/// A simulated core that knows a few channels and users and hands out UUIDs from a list.
final class FakeCore: ESLServerCore {
    var uuids: [String]
    var channels: [String: [String: String]]
    var users: [String: ESLServerUser]
    private(set) var uuidRequests = 0

    init(uuids: [String] = [], channels: [String: [String: String]] = [:], users: [String: ESLServerUser] = [:]) {
        self.uuids = uuids
        self.channels = channels
        self.users = users
    }

    func newUUID() -> String {
        uuidRequests += 1
        return uuids.isEmpty ? "00000000-0000-4000-8000-\(String(uuidRequests, radix: 10).leftPadded(12))" : uuids.removeFirst()
    }

    func channelExists(_ uuid: String) -> Bool { channels[uuid] != nil }

    func channelVariable(_ uuid: String, _ name: String) -> String? { channels[uuid]?[name] }

    func user(_ name: String, domain: String) -> ESLServerUser? { users["\(name)@\(domain)"] }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Builds a client packet from the bytes a client would send.
func packet(_ text: String) -> ESLClientPacket {
    var decoder = ESLFrameDecoder()
    var buffer = ByteBuffer(string: text)
    let frame = try! decoder.decode(&buffer)!
    return ESLClientPacket(frame: frame)
}

extension ESLServerSession {
    /// Feeds `text` as one packet and returns the actions.
    mutating func send(_ text: String, core: FakeCore = FakeCore()) -> [Action] {
        received(packet(text), core: core)
    }

    /// Feeds `text` and returns the `Reply-Text` of the command/reply it produced, if any.
    mutating func reply(_ text: String, core: FakeCore = FakeCore()) -> String? {
        for action in send(text, core: core) {
            if case .send(let frame) = action, frame.contentType == ESLContentType.commandReply {
                return frame.headers["Reply-Text"]
            }
        }
        return nil
    }
}

extension ESLServerSession.Action {
    /// What the replay compares: exact bytes for protocol frames, a token for frames whose
    /// content comes from the core.
    var replayToken: String? {
        switch self {
        case .send(let frame), .disconnect(let frame): String(buffer: frame.encoded)
        case .runAPI: "<api/response>"
        case .sendChannelData: "<channel-data>"
        default: nil
        }
    }
}

/// Replays one connection of a capture through a session and compares, in order, every frame
/// the session decides with the switch's frame, byte for byte. api/response bodies and the
/// CHANNEL_DATA block come from the core, so only their place is compared; events and log lines
/// are skipped. A disconnect notice the commands did not cause is the channel hanging up (or the
/// linger time running out), which the replay feeds to the session at that point.
struct CaptureReplay {
    var session: ESLServerSession
    let core: FakeCore
    var produced: [String] = []
    var compared = 0
    var mismatches: [String] = []
    var allActions: [ESLServerSession.Action] = []
    private var decoder = ESLFrameDecoder()
    private var pending = ByteBuffer()
    private var lingering = false

    init(session: ESLServerSession, core: FakeCore) {
        self.session = session
        self.core = core
        if let greeting = session.greeting { produced.append(String(buffer: greeting.encoded)) }
    }

    static func expectedToken(_ record: CaptureRecord) -> String? {
        switch record.labelContentType {
        case "auth/request", "text/disconnect-notice": record.data
        case "command/reply": record.data.hasPrefix("Event-Name:") ? "<channel-data>" : record.data
        case "api/response": "<api/response>"
        default: nil
        }
    }

    mutating func run(_ capture: Capture, connection: String = "") {
        for record in capture.records where record.connection == connection {
            if record.isClient {
                var bytes = ByteBuffer(string: record.data)
                pending.writeBuffer(&bytes)
                while let frame = try! decoder.decode(&pending) {
                    let actions = session.received(frame, core: core)
                    allActions += actions
                    produced += actions.compactMap(\.replayToken)
                }
            } else if record.isServer, let expected = Self.expectedToken(record) {
                if produced.isEmpty, record.labelContentType == "text/disconnect-notice" {
                    let actions: [ESLServerSession.Action]
                    if lingering {
                        actions = session.lingerExpired()
                    } else {
                        lingering = session.linger != nil
                        actions = session.controlledChannelHungUp(channelName: "loopback/7000-a")
                    }
                    allActions += actions
                    produced += actions.compactMap(\.replayToken)
                }
                guard !produced.isEmpty else {
                    mismatches.append("missing: \(expected.debugDescription)")
                    continue
                }
                let got = produced.removeFirst()
                compared += 1
                if got != expected { mismatches.append("expected \(expected.debugDescription), got \(got.debugDescription)") }
            }
        }
        mismatches += produced.map { "extra: \($0.debugDescription)" }
        produced.removeAll()
    }
}
