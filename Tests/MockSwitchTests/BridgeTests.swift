import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// Bridges over real sockets: the `bridge` application (to a ringing user, to a loopback),
/// `uuid_bridge`, the BRIDGE/UNBRIDGE events with their Other-Leg headers, and the call views of
/// `show` in every format. Capture 69 checks the bytes; these check the paths it does not take.
@Suite(.timeLimit(.minutes(3))) struct BridgeTests {
    typealias Rig = CallTests.Rig

    @Test func extension5000BridgesToARingingUser() async throws {
        var rig = try await Rig.start(events: "CHANNEL_BRIDGE CHANNEL_UNBRIDGE CHANNEL_DESTROY")
        rig.mock.core.calls.ringTime = .milliseconds(20)
        let a = try CallTests.uuid(try await rig.api("originate loopback/5000/default &park()"))
        guard case .event(let bridge)? = await rig.events.next() else { Issue.record("no event"); return }
        #expect(bridge["Event-Name"] == "CHANNEL_BRIDGE")
        #expect(bridge["Other-Type"] == "originatee")
        #expect(bridge["Other-Leg-Channel-Name"] == "user/1000")
        let b = try #require(bridge["Bridge-B-Unique-ID"])
        #expect(bridge["Bridge-A-Unique-ID"] != a, "the loopback's b-leg runs the dialplan and originates")
        #expect(try await rig.api("uuid_getvar \(b) bridge_to") == bridge["Bridge-A-Unique-ID"])
        #expect(try await rig.api("show bridged_calls count") == "\n1 total.\n")
        #expect(try await rig.api("show calls count") == "\n2 total.\n")
        #expect(try await rig.api("show detailed_calls count") == "\n2 total.\n")
        // The user hangs up: the bridge ends, the dialplan has nothing left, the call goes.
        #expect(try await rig.api("uuid_kill \(b)") == "+OK\n")
        let names = await rig.eventNames(until: "CHANNEL_UNBRIDGE")
        #expect(names.last == "CHANNEL_UNBRIDGE")
        _ = await rig.eventNames(until: "CHANNEL_DESTROY") + rig.eventNames(until: "CHANNEL_DESTROY")
        #expect(try await rig.api("show channels count") == "\n0 total.\n")
        await rig.stop()
    }

    @Test func bridgeToAnUnregisteredUserHangsTheCallerUp() async throws {
        var rig = try await Rig.start(events: "CHANNEL_HANGUP")
        let a = try CallTests.uuid(try await rig.api("originate null/1 &bridge(user/4242)"))
        var hangups: [String] = []
        while hangups.count < 1, case .event(let event)? = await rig.events.next() {
            if event["Unique-ID"] == a { hangups.append(event["Hangup-Cause"] ?? "") }
        }
        #expect(hangups == ["USER_NOT_REGISTERED"])
        await rig.stop()
    }

    @Test func uuidBridgeJoinsTwoLegsAndShowListsTheCall() async throws {
        var rig = try await Rig.start(events: "CHANNEL_BRIDGE")
        let a = try CallTests.uuid(try await rig.api("originate null/1 &park()"))
        let b = try CallTests.uuid(try await rig.api("originate null/2 &park()"))
        #expect(try await rig.api("uuid_bridge \(a)") == "-USAGE: <uuid> <other_uuid>\n")
        #expect(try await rig.api("uuid_bridge \(a) 00000000-dead-beef-0000-000000000000") == "-ERR Invalid uuid\n")
        #expect(try await rig.api("uuid_bridge \(a) \(b)") == "+OK \(b)\n")
        guard case .event(let bridge)? = await rig.events.next() else { Issue.record("no event"); return }
        #expect(bridge["Unique-ID"] == a && bridge["Bridge-B-Unique-ID"] == b)
        let csv = try await rig.api("show bridged_calls")
        #expect(csv.hasPrefix("uuid,direction,created,created_epoch,name,state,"))
        #expect(csv.contains("\(a),outbound,") && csv.contains(",\(b),outbound,") && csv.hasSuffix("\n\n1 total.\n"))
        let json = try await rig.api("show detailed_bridged_calls as json")
        #expect(json.hasPrefix("{\"row_count\":1,\"rows\":[{\"uuid\":\"\(a)\"") && json.contains("\"b_uuid\":\"\(b)\""))
        #expect(try await rig.api("show detailed_calls as xml").contains("<b_uuid>\(b)</b_uuid>"))
        #expect(try await rig.api("show calls count as json") == "{\"row_count\":1,\"rows\":[]}")
        #expect(try await rig.api("uuid_bridge \(a) \(b)") == "-ERR Invalid uuid\n", "already bridged")
        #expect(try await rig.api("hupall") == "+OK hangup all channels with cause MANAGER_REQUEST\n")
        await rig.stop()
    }
}
