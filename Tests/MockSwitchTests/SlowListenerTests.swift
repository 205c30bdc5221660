import ESLProtocol
import Glibc
import Logging
import MockSwitch
import NIOCore
import Testing

/// A client that stops reading must not hold up the switch: it is cut off with FreeSWITCH's
/// notice once its queue overflows, while a client that reads keeps getting every event.
@Suite(.timeLimit(.minutes(1))) struct SlowListenerTests {
    @Test func nonReaderIsDisconnectedWithTheLostEventsNoticeWhileReaderGetsEverything() async throws {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.listenerQueueBytes = 64 << 10
        configuration.heartbeatInterval = .seconds(3600)
        let mock = try await MockSwitchServer.start(configuration, logger: ConformanceTests.quiet)
        defer { Task { await mock.stop() } }

        let stalled = try RawSocket(port: mock.port, receiveBuffer: 4096)
        defer { stalled.close() }
        try stalled.send("auth ClueCon\n\nevent plain CUSTOM\n\n")
        let reader = try await WireClient(port: mock.port)
        try await reader.send("auth ClueCon\n\nevent plain CUSTOM\n\n")
        for _ in 0..<3 { _ = try await reader.next() }  // greeting, two replies
        // Both listeners are subscribed once the reader's replies came and the stalled one's
        // replies are in its socket buffer; give the stalled one's commands the same chance.
        _ = try stalled.waitForBytes(containing: "+OK event listener enabled plain")

        let body = ByteBuffer(string: String(repeating: "x", count: 2000))
        let total = 6000
        var received = 0
        for batch in 0..<(total / 100) {
            // CUSTOM without a subclass: `event plain CUSTOM` delivers exactly those
            // (docs/protocol.md, "Subscriptions").
            let events = (0..<100).map { index in
                ESLEvent(headers: [("Event-Name", "CUSTOM"), ("Sequence", String(batch * 100 + index))], body: body)
            }
            mock.publish(events: events)
            // The reader keeps up: take this batch before publishing the next.
            while received < (batch + 1) * 100 {
                let frame = try #require(try await reader.next(), "the reading client was disconnected")
                #expect(frame.contentType == ESLContentType.eventPlain)
                received += 1
            }
        }
        #expect(received == total)
        let stalledText = try stalled.drain()
        #expect(stalledText.contains("Content-Type: text/disconnect-notice"), "stalled client got \(stalledText.components(separatedBy: "Content-Type: text/event-plain").count - 1) events")
        #expect(stalledText.hasSuffix(ESLDisconnectNotice.lostEvents))
        await reader.close()
    }
}

/// A blocking socket with a small receive buffer, read only when the test says so.
final class RawSocket {
    private let descriptor: Int32

    init(port: Int, receiveBuffer: Int32) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var size = receiveBuffer
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw RawSocketError() }
        // Reads give up after 10 s, so a broken mock fails the test instead of blocking it.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        let sent = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, text.utf8.count, 0) }
        guard sent == text.utf8.count else { throw RawSocketError() }
    }

    /// Reads (a little) until `text` has arrived; returns what was read.
    func waitForBytes(containing text: String) throws -> String {
        var seen = ""
        var buffer = [UInt8](repeating: 0, count: 256)
        while !seen.contains(text) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { throw RawSocketError() }
            seen += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return seen
    }

    /// Reads everything until the peer closes.
    func drain() throws -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}

struct RawSocketError: Error {}
