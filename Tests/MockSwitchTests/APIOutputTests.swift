import MockSwitch
import TestSupport
import Testing

/// API outputs compared with the real switch's replies (captures 04–08, 11).
@Suite struct APIOutputTests {
    /// `status` with the capture's uptime and CPU figures is byte-identical (capture 04).
    @Test func statusMatchesCapture04() throws {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        core.updateStatistics { $0.idleCPU = 99.6 }
        clock.advance(microseconds: 4_117_427)
        let expected = try #require(try Captures.load("04_api_status").reply(to: "api status"))
        #expect(core.executeAPI("status", "").body == expected)
    }

    /// `version`, `version short`, `switchname`, `hostname` (capture 05).
    @Test func versionAndNamesMatchCapture05() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let capture = try Captures.load("05_api_version")
        for (command, argument) in [("version", ""), ("version", "short"), ("switchname", ""), ("hostname", "")] {
            let line = argument.isEmpty ? "api \(command)" : "api \(command) \(argument)"
            #expect(core.executeAPI(command, argument).body == capture.reply(to: line), "\(line)")
        }
        #expect(core.executeAPI("version", "full").body == "FreeSWITCH Version 1.11.1-release~64bit (1.11.1-release  64bit)\n")
    }

    /// `uptime`, `uptime s`, `uptime ms` after 5.524 s (capture 06), and the usage for a bad unit.
    @Test func uptimeMatchesCapture06() throws {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        clock.advance(microseconds: 5_524_300)
        let capture = try Captures.load("06_api_uptime")
        #expect(core.executeAPI("uptime", "").body == capture.reply(to: "api uptime"))
        #expect(core.executeAPI("uptime", "s").body == capture.reply(to: "api uptime s"))
        #expect(core.executeAPI("uptime", "ms").body == capture.reply(to: "api uptime ms"))
        #expect(core.executeAPI("uptime", "us").body == "5524300\n")
        #expect(core.executeAPI("uptime", "weeks").body.hasPrefix("-USAGE: [us|ms|s|m|h|d|"))
    }

    /// Every `show` form with no calls up (capture 07).
    @Test func showWithoutChannelsMatchesCapture07() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let capture = try Captures.load("07_api_show_channels_empty")
        for argument in ["channels", "channels as json", "channels as xml", "calls", "calls as json", "channels count"] {
            #expect(core.executeAPI("show", argument).body == capture.reply(to: "api show \(argument)"), "\(argument)")
        }
        #expect(core.executeAPI("show", "channels as yaml").body == "-ERR Cannot find format yaml\n")
        #expect(core.executeAPI("show", "").body.hasPrefix("-USAGE: codec|endpoint|"))
    }

    /// `help` lists every command exactly as the real switch did (capture 08).
    @Test func helpMatchesCapture08() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let expected = try #require(try Captures.load("08_api_help").reply(to: "api help"))
        #expect(core.executeAPI("help", "").body == expected)
    }

    /// Unknown commands, the empty command and upper-case names (capture 11).
    @Test func unknownCommandsMatchCapture11() throws {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        let capture = try Captures.load("11_api_unknown")
        #expect(core.executeAPI("foobar", "").body == capture.reply(to: "api foobar"))
        #expect(core.executeAPI("foobar", "with args").body == capture.reply(to: "api foobar with args"))
        #expect(core.executeAPI("", "").body == capture.reply(to: "api "))
        core.updateStatistics { $0.idleCPU = 98.1 }
        clock.advance(microseconds: 9_051_205)
        #expect(core.executeAPI("STATUS", "").body == capture.reply(to: "API STATUS"))
    }

    /// console_execute names the whole line; empty output becomes `-ERR no reply`.
    @Test func consoleExecuteAndEmptyOutput() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        #expect(core.executeAPI("foo", "bar", consoleExecute: true).body == "-ERR foo bar Command not found!\n")
        #expect(core.executeAPI("echo", "", consoleExecute: false).body == "-ERR no reply\n")
        #expect(core.executeAPI("echo", "  hi there ").body == "hi there")
        #expect(core.executeAPI("echo", "a;;echo b", consoleExecute: true).body == "ab")
    }

    /// The small commands of docs/api-output.md, "Other commands".
    @Test func simpleCommands() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        #expect(core.executeAPI("md5", "hello").body == "5d41402abc4b2a76b9719d911017c592")
        #expect(core.executeAPI("md5", "").body == "!err!")
        let uuid = core.executeAPI("create_uuid", "").body
        #expect(uuid.count == 36 && uuid == uuid.lowercased())
        #expect(core.executeAPI("module_exists", "mod_commands").body == "true")
        #expect(core.executeAPI("module_exists", "mod_sofia").body == "false")
        #expect(core.executeAPI("global_getvar", "hostname").body == "vm")
        #expect(core.executeAPI("global_getvar", "nope").body == "-ERR no reply\n")
        #expect(core.executeAPI("reloadxml", "").body == "+OK [Success]\n")
        #expect(core.executeAPI("uuid_kill", "").body == "-USAGE: <uuid> [cause]\n")
        #expect(core.executeAPI("uuid_kill", "b9cc9a61-80a1-41a9-9da1-a01308023845").body == "-ERR No such channel!\n")
        #expect(core.executeAPI("hupall", "").body == "+OK hangup all channels with cause MANAGER_REQUEST\n")
        #expect(core.executeAPI("uuid_answer", "").body == "-USAGE: <uuid>\n")
        #expect(core.executeAPI("bgapi", "").body == "-ERR Invalid syntax\n")
    }
}
