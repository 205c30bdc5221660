import MockSwitch
import TestSupport
import Testing

/// `show channels` / `show calls` with two loopback legs up, rebuilt from capture 21's own rows.
@Suite struct ShowRowsTests {
    @Test func showWithChannelsMatchesCapture21() throws {
        let capture = try Captures.load("21_loopback_call_plain")
        let expected = try #require(capture.reply(to: "api show channels"))
        let lines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let columns = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        for row in lines[1...2] {
            let values = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let byColumn = Dictionary(uniqueKeysWithValues: zip(columns, values))
            core.addChannel(SwitchChannel(
                uuid: byColumn["uuid"]!, createdAt: Int64(byColumn["created_epoch"]!)! * 1_000_000, columns: byColumn))
        }
        #expect(core.executeAPI("show", "channels").body == expected)
        #expect(core.executeAPI("show", "channels as json").body == capture.reply(to: "api show channels as json"))
        #expect(core.executeAPI("show", "calls").body == capture.reply(to: "api show calls"))
        #expect(core.executeAPI("show", "channels count").body == capture.reply(to: "api show channels count"))
        #expect(core.channelExists("b9cc9a61-80a1-41a9-9da1-a01308023845"))
        #expect(core.executeAPI("status", "").body.contains("\n2 session(s) since startup\n2 session(s) - peak 2,"))
    }
}
