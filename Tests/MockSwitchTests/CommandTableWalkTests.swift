import MockSwitch
import SwitchCatalog
import TestSupport
import Testing

/// Every command of the module table, with no argument and with a typical bad one: no reply is a
/// bare `+OK` unless FreeSWITCH sends one there, and no command answers that it is not simulated.
@Suite struct CommandTableWalkTests {
    static let badArgument = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b no_such_thing"

    /// Where FreeSWITCH itself answers a bare `+OK` for these arguments (mod_commands, mod_hash;
    /// reloadcert's text is from memory of mod_commands, not from a capture; `log` with no
    /// argument logs an empty DEBUG line).
    /// mod_lua's `luarun` starts its script in a thread and answers `+OK` before it runs;
    /// `show_local_stream` lists its (no) streams and ends with `+OK`.
    static let plainOK: Set<String> = ["alias no_such_thing", "msleep", "msleep " + badArgument, "log", "log " + badArgument,
                                       "global_setvar " + badArgument, "reloadcert", "reloadcert " + badArgument,
                                       "luarun " + badArgument, "show_local_stream"]

    /// Walks the captured modules' commands and, loaded first, every stock module's.
    @Test func everyCommandAnswersAsTheSwitchWould() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        for name in SwitchModule.stockNames {
            #expect(core.executeAPI("load", name).body.hasSuffix("+OK\n"), "load \(name)")
        }
        for command in SwitchModule.stock.flatMap(\.apiCommands) {
            #expect(core.modules.command(named: command.name)?.module == command.module, "\(command.name) not loaded")
        }
        var unsimulated: Set<String> = []
        // The walk names no live channel, so even the channel commands answer as FreeSWITCH does.
        for command in core.modules.apiCommands where !["shutdown", "...", "fsctl"].contains(command.name) {
            for argument in ["", Self.badArgument] {
                let line = argument.isEmpty ? command.name : command.name + " " + argument
                let body = core.executeAPI(command.name, argument).body
                if body == "+OK\n" || body == "+OK" {
                    #expect(Self.plainOK.contains(line), "\(line) answered a bare +OK")
                }
                if body.contains("not simulated") {
                    unsimulated.insert(command.name)
                }
            }
        }
        #expect(unsimulated.isEmpty, "answering \"not simulated\": \(unsimulated.sorted())")
    }

    /// With a loopback call up, every channel command named with the live UUID answers as the
    /// switch does for such a channel: none says it is not simulated, whatever follows the UUID.
    @Test func everyChannelCommandSimulatesALiveChannel() throws {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        let reply = core.executeAPI("originate", "loopback/7000/default &park()").body
        let uuid = try #require(reply.firstMatch(of: /\+OK ([0-9a-f-]{36})/)?.1).description
        let followers = ["", " x", " start x", " stop x", " on x y", " audio read x y", " x y z w"]
        var unsimulated: Set<String> = []
        for command in core.modules.apiCommands where command.name.hasPrefix("uuid_") || command.name == "break" {
            guard !["uuid_kill", "uuid_transfer", "uuid_dual_transfer", "uuid_limit"].contains(command.name) else { continue }
            for follower in followers {
                let body = core.executeAPI(command.name, uuid + follower).body + core.executeAPI(command.name, "off " + uuid + follower).body
                if body.contains("not simulated") { unsimulated.insert(command.name) }
            }
        }
        #expect(core.channelExists(uuid))
        #expect(unsimulated.isEmpty, "answering \"not simulated\": \(unsimulated.sorted())")
        for (name, data) in [("execute", #"{"uuid":"\#(uuid)","app":"log","arg":"INFO hi"}"#), ("mediaStats", #"{"uuid":"\#(uuid)"}"#)] {
            let json = core.executeAPI("json", #"{"command":"\#(name)","data":\#(data)}"#).body
            #expect(json.contains(#""status":"success""#), "\(name): \(json)")
            #expect(!json.contains("not simulated"))
        }
    }

    /// unload/load change the one module table: help, show api, module_exists, completion.
    @Test func unloadAndLoadChangeEveryView() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        #expect(core.executeAPI("module_exists", "mod_hash").body == "true")
        let unloaded = core.executeAPI("unload", "mod_hash")
        #expect(unloaded.body == "+OK\n")
        #expect(unloaded.events.map { $0.name } == ["MODULE_UNLOAD", "MODULE_UNLOAD", "MODULE_UNLOAD", "MODULE_UNLOAD", "MODULE_UNLOAD", "API"])
        // mod_hash's task goes with the scheduler thread's next pass.
        #expect(core.schedulerTick().events.map { $0.name } == ["DEL_SCHEDULE"])
        #expect(core.executeAPI("show", "tasks").body == "\n0 total.\n")
        #expect(core.executeAPI("module_exists", "mod_hash").body == "false")
        #expect(core.executeAPI("hash", "select/r/k").body == "-ERR hash Command not found!\n")
        #expect(core.executeAPI("show", "api hash").body == "\n0 total.\n")
        #expect(!core.executeAPI("help", "").body.contains("\nhash,"))
        #expect(!core.executeAPI("console_complete", "hash_").body.contains("hash_dump"))
        let loaded = core.executeAPI("load", "mod_hash")
        #expect(loaded.body == "+OK Reloading XML\n+OK\n")
        #expect(loaded.events.map { $0.name }.prefix(3) == ["RELOADXML", "ADD_SCHEDULE", "MODULE_LOAD"])
        #expect(core.executeAPI("show", "tasks").body.contains(",limit_hash_cleanup,mod_hash,"))
        #expect(core.executeAPI("reload", "mod_hash").body == "+OK Reloading XML\n+OK module unloaded\n+OK module loaded\n")
        #expect(core.executeAPI("show", "api hash").body.hasSuffix("\n1 total.\n"))
        #expect(core.executeAPI("load", "mod_nonexistent").body == "+OK Reloading XML\n-ERR [module load file routine returned an error]\n")
        #expect(core.executeAPI("reloadxml", "").events.map { $0.name } == ["RELOADXML", "API"])
    }
}
