import ESLProtocol
import Foundation
@testable import MockSwitch
import NIOPosix
import Testing

/// The `socket` application's argument, read as `socket_function` reads it, and what the core
/// asks its server to connect to; no sockets.
@Suite(.timeLimit(.minutes(3))) struct SocketApplicationTests {
    /// A core whose server only hands on the connections the calls ask for (an originate's
    /// application starts after its reply, on the engine's loop).
    private static func core() -> (SwitchCore, AsyncStream<OutboundSocketRequest>) {
        let core = SwitchCore(identity: .local(hostname: "vm", switchname: "vm"), heartbeatInterval: 20)
        let (requests, continuation) = AsyncStream.makeStream(of: OutboundSocketRequest.self)
        core.calls.attach(publish: { _, _ in }, loop: MultiThreadedEventLoopGroup.singleton.next()) { continuation.yield($0) }
        return (core, requests)
    }

    @Test(arguments: [
        ("127.0.0.1:8084 async full", "127.0.0.1", 8084, true, true, nil),
        ("127.0.0.1", "127.0.0.1", 8084, false, false, nil),
        ("localhost:9000 FULL", "localhost", 9000, false, true, nil),
        ("127.0.0.1:9001/some/path async", "127.0.0.1", 9001, true, false, "some/path"),
        ("host/path", "host", 8084, false, false, "path"),
    ] as [(String, String, Int, Bool, Bool, String?)])
    func argumentsAreReadAsTheSwitchReadsThem(data: String, host: String, port: Int, async: Bool, full: Bool, path: String?) async throws {
        let (core, requests) = Self.core()
        let reply = core.executeAPI("originate", "loopback/7000/default '&socket(\(data))'").body
        let uuid = try #require(reply.firstMatch(of: /\+OK ([0-9a-f-]{36})/).map { String($0.1) }, "\(reply)")
        var next = requests.makeAsyncIterator()
        let request = try #require(await next.next())
        #expect(request == OutboundSocketRequest(channel: uuid, host: host, port: port, async: async, full: full))
        #expect(core.leg(uuid)?.variables["socket_host"] == host)
        #expect(core.leg(uuid)?.variables["socket_path"] == path)
        #expect(core.leg(uuid)?.application?.name == "socket")
    }

    @Test func aFailedConnectionLogsASocketErrorAndTheDialplanGoesOn() throws {
        let (core, _) = Self.core()
        core.logAudience.set(3, for: 1)  // a client logging errors, or the call makes no log lines
        core.calls.dialplan.extensions["4243"] = [Dialplan.Step("answer"), Dialplan.Step("socket", "127.0.0.1:1"), Dialplan.Step("set", "after=yes"), Dialplan.Step("park")]
        _ = core.executeAPI("originate", "loopback/4243/default &park()")
        let b = try #require(core.calls.book.withLockedValue { $0.legs.values.first { $0.name == "loopback/4243-b" }?.uuid })
        let request = OutboundSocketRequest(channel: b, host: "127.0.0.1", port: 1, async: false, full: false)
        let result = core.socketFailed(request)
        #expect(result.logLines.count == 1)
        #expect(result.logLines.first?.text.hasSuffix("[ERR] mod_event_socket.c:2639 Socket Error!\n") == true)
        #expect(result.logLines.first?.level == 3)
        #expect(result.logLines.first?.userData == b)
        #expect(result.events.filter { $0.name == "CHANNEL_EXECUTE_COMPLETE" }.compactMap { $0["Application"] } == ["socket", "set"])
        #expect(result.events.last?.name == "CHANNEL_PARK")
        #expect(core.leg(b)?.variables["after"] == "yes")
    }
}
