import MockSwitch
import TestSupport
import Testing

/// Tab completion replayed against the real switch (captures 09, 10, 43).
@Suite struct CompletionTests {
    /// Every `api console_complete …` line of the capture gets the captured body.
    @Test(arguments: ["09_api_console_complete", "10_api_console_complete_xml", "43_fs_cli_interactive"])
    func completionMatchesCapture(_ name: String) throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let capture = try Captures.load(name)
        var checked = 0
        for record in capture.records where record.dir == "C->S" && record.data.hasPrefix("api console_complete") {
            let line = String(record.data.prefix { $0 != "\n" })
            let afterAPI = line.dropFirst(4)
            let command = String(afterAPI.prefix { $0 != " " })
            let argument = afterAPI.count > command.count ? String(afterAPI.dropFirst(command.count + 1)) : ""
            let expected = try #require(capture.reply(to: line))
            #expect(core.executeAPI(command, argument).body == expected, "\(line)")
            checked += 1
        }
        #expect(checked >= 2)
    }

    /// A live channel completes after `uuid_kill ` (`::console::list_uuid`).
    @Test func uuidArgumentsCompleteFromChannels() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        core.addChannel(SwitchChannel(uuid: "b9cc9a61-80a1-41a9-9da1-a01308023845", createdAt: TestSwitch.start))
        #expect(core.executeAPI("console_complete", "uuid_kill b9").body
            == "\n\n[b9cc9a61-80a1-41a9-9da1-a01308023845]\t\n\nwrite=2:b9cc9a61-80a1-41a9-9da1-a01308023845 ")
        #expect(core.executeAPI("console_complete", "show channels ").body == "\n\n[               count]\t\n\nwrite=0:count ")
    }
}
