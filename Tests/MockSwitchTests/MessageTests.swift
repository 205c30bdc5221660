import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// `sendmsg` execution order: a message's loops each run as one execution, and `event-lock`
/// messages run one after the other instead of inside each other.
@Suite(.timeLimit(.minutes(3))) struct MessageTests {
    typealias Rig = CallTests.Rig

    @Test func eventLockRunsMessagesOneAfterTheOther() async throws {
        var rig = try await Rig.start(events: "CHANNEL_EXECUTE CHANNEL_EXECUTE_COMPLETE")
        let a = try CallTests.uuid(try await rig.api("originate loopback/7000/default &park()"))
        _ = await rig.eventNames(until: "CHANNEL_EXECUTE", channel: a)
        for tone in ["%(600,0,440)", "%(700,0,440)"] {
            let reply = try await rig.connection.command(.execute("playback", "tone_stream://\(tone)", uuid: a, eventLock: true))
            #expect(reply.isOK)
        }
        var order: [String] = []
        while order.count < 4, case .event(let event)? = await rig.events.next() {
            guard event["Unique-ID"] == a, let name = event["Event-Name"] else { continue }
            order.append("\(name == "CHANNEL_EXECUTE" ? "start" : "end") \(event["Application-Data"] ?? "")")
        }
        #expect(order == ["start tone_stream://%(600,0,440)", "end tone_stream://%(600,0,440)",
                          "start tone_stream://%(700,0,440)", "end tone_stream://%(700,0,440)"])
        await rig.stop()
    }

    @Test func eachLoopIsAnExecutionAndShortLoopsPlayOnce() async throws {
        var rig = try await Rig.start(events: "CHANNEL_EXECUTE")
        let a = try CallTests.uuid(try await rig.api("originate loopback/7000/default &park()"))
        _ = await rig.eventNames(until: "CHANNEL_EXECUTE", channel: a)
        let loops = ESLCommand.sendmsg(uuid: a, headers: [("call-command", "execute"), ("execute-app-name", "playback"),
                                                          ("execute-app-arg", "tone_stream://%(500,0,440)"), ("loops", "2")])
        #expect(try await rig.connection.command(loops).isOK)
        let short = ESLCommand.sendmsg(uuid: a, headers: [("call-command", "execute"), ("execute-app-name", "playback"),
                                                          ("execute-app-arg", "tone_stream://%(100,0,440)"), ("loops", "3")])
        var seen: [String] = []
        while seen.count < 2, case .event(let event)? = await rig.events.next() {
            if event["Unique-ID"] == a { seen.append(event["variable_current_loop"] ?? "") }
        }
        #expect(seen == ["1", "2"])
        try await Task.sleep(for: .milliseconds(600))
        #expect(try await rig.connection.command(short).isOK)
        guard case .event(let event)? = await rig.events.next() else { Issue.record("no event"); return }
        #expect(event["variable_current_loop"] == "1" && event["variable_total_loops"] == "3")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await rig.api("uuid_getvar \(a) current_loop") == "_undef_", "one 100 ms loop, then done")
        await rig.stop()
    }
}
