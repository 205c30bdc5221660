import ESLProtocol
import Logging
import MockSwitch
import NIOCore
import TestSupport
import Testing

/// A client that stops reading must not hold up the switch: it is cut off with FreeSWITCH's
/// notice once its queue overflows, while a client that reads keeps getting every event.
@Suite(.timeLimit(.minutes(3))) struct SlowListenerTests {
    @Test func nonReaderIsDisconnectedWithTheLostEventsNoticeWhileReaderGetsEverything() async throws {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.listenerQueueBytes = 64 << 10
        configuration.heartbeatInterval = .seconds(3600)
        // The stalled client reads only after every event was published, which on a loaded
        // machine can take longer than the usual 5 s the switch waits before closing a client
        // it cut off (the notice would then be lost with the socket).
        configuration.closeGracePeriod = .seconds(120)
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
