import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// `fscli mock --calls-per-second`: simulated calls come, ring, answer, talk and go, within the
/// concurrency limit; and `--extension` specs.
@Suite(.timeLimit(.minutes(3))) struct TrafficTests {
    @Test func callsFlowWithinTheLimit() async throws {
        var rig = try await CallTests.Rig.start(events: "CHANNEL_PROGRESS CHANNEL_ANSWER CHANNEL_DESTROY")
        let traffic = CallTraffic.start(core: rig.mock.core, settings: .init(
            callsPerSecond: 500, callSeconds: 0...0, maxCalls: 4, ringMilliseconds: 0...5))
        var counts: [String: Int] = [:]
        var callers: Set<String> = []
        while counts["CHANNEL_DESTROY", default: 0] < 20, let notification = await rig.events.next() {
            guard case .event(let event) = notification, let name = event["Event-Name"] else { continue }
            counts[name, default: 0] += 1
            if let caller = event["Caller-Orig-Caller-ID-Number"] { callers.insert(caller) }
            #expect(traffic.activeCalls <= 4)
        }
        traffic.stop()
        #expect(counts["CHANNEL_PROGRESS", default: 0] >= 20)
        #expect(counts["CHANNEL_ANSWER", default: 0] >= 20)
        #expect(callers.allSatisfy { $0.hasPrefix("+1") && $0.count == 12 })
        #expect(callers.count > 1)
        #expect(rig.mock.core.statistics.sessionsSinceStartup >= 20)
        await rig.stop()
    }

    @Test func extensionSpecs() throws {
        let parsed = try #require(Dialplan.parseExtension("9999=answer,playback:tone_stream://%(1000,0,440),hangup"))
        #expect(parsed.number == "9999")
        #expect(parsed.steps == [Dialplan.Step("answer"), Dialplan.Step("playback", "tone_stream://%(1000,0,440)"), Dialplan.Step("hangup")])
        // The socket application's argument keeps its colons and spaces: only the first colon
        // ends the application name.
        let socket = try #require(Dialplan.parseExtension("8084=answer,socket:127.0.0.1:8084 async full,hangup"))
        #expect(socket.steps == [Dialplan.Step("answer"), Dialplan.Step("socket", "127.0.0.1:8084 async full"), Dialplan.Step("hangup")])
        #expect(Dialplan.parseExtension("8084=socket:127.0.0.1:8084 async full")?.steps == [Dialplan.Step("socket", "127.0.0.1:8084 async full")])
        #expect(Dialplan.parseExtension("9999=") == nil)
        #expect(Dialplan.parseExtension("=answer") == nil)
        #expect(Dialplan.parseExtension("answer") == nil)
    }
}
