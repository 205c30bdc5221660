import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// The dialplan: timed applications resume the steps after them, and the channel hangs up when
/// the steps run out (capture 69's 9664: answer, a tone, then the end).
@Suite(.timeLimit(.minutes(1))) struct DialplanTests {
    @Test func playbackIsTimedAndTheDialplanEndsWithAHangup() async throws {
        var rig = try await CallTests.Rig.start()
        rig.mock.core.calls.dialplan.extensions["9665"] = [
            Dialplan.Step("answer"), Dialplan.Step("playback", "tone_stream://%(30,0,440)"), Dialplan.Step("sleep", "20"),
            Dialplan.Step("log", "INFO done"),
        ]
        let a = try CallTests.uuid(try await rig.api("originate loopback/9665/default &park()"))
        let b = try #require(try await rig.api("uuid_getvar \(a) other_loopback_leg_uuid").split(separator: "\n").first.map(String.init))
        let names = await rig.eventNames(until: "CHANNEL_DESTROY", channel: b)
        let played = ["CHANNEL_EXECUTE", "PLAYBACK_START", "PLAYBACK_STOP", "CHANNEL_EXECUTE_COMPLETE"]
        let start = try #require(names.firstIndex(of: "PLAYBACK_START"))
        #expect(Array(names[(start - 1)...(start + 2)]) == played)
        #expect(names.contains("CHANNEL_HANGUP"))
        #expect(try await rig.api("show channels count") == "\n0 total.\n")
        await rig.stop()
    }

    @Test func standardExtensions() {
        let plan = Dialplan.standard
        #expect(plan.route("7000", context: "default")?.map(\.application) == ["set", "answer", "park"])
        #expect(plan.route("9196", context: "default")?.map(\.application) == ["answer", "echo"])
        #expect(plan.route("9664", context: "default")?.map(\.application) == ["answer", "playback"])
        #expect(plan.route("7000", context: "features") == nil)
    }
}
