import MockSwitch
import SwitchCatalog
import TestSupport
import Testing

/// Every command of the module table, with no argument and with a typical bad one: no reply is a
/// bare `+OK` unless FreeSWITCH sends one there, and every command has an implementation (a
/// command the mock cannot simulate says so and is listed in ``notSimulated``).
@Suite struct CommandTableWalkTests {
    static let badArgument = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b no_such_thing"

    /// Where FreeSWITCH itself answers a bare `+OK` for these arguments (mod_commands, mod_hash).
    static let plainOK: Set<String> = ["alias no_such_thing", "msleep", "msleep " + badArgument, "log " + badArgument,
                                       "global_setvar " + badArgument]

    /// Commands the mock only names: each answers `-ERR <name> is not simulated by the mock switch`.
    static let notSimulated: Set<String> = [
        "banner", "chat", "complete", "console", "db_cache", "domain_data", "escape", "event_channel_broadcast",
        "event_sink", "file_exists", "getcputime", "gethost", "group_call", "host_lookup", "interface_ip", "json",
        "limit_hash_usage", "limit_interval_reset", "limit_reset", "limit_status", "limit_usage", "memory", "msrp",
        "nat_map", "page", "pause", "pool_stats", "presence", "reg_url", "reloadcert", "say_string",
        "sndfile_debug", "strepoch", "strmicroepoch", "stun", "time_test", "timer_test", "tone_detect", "xml_flush_cache",
        "xml_wrap",
    ]

    @Test func everyCommandAnswersAsTheSwitchWould() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        var unsimulated: Set<String> = []
        for command in core.modules.apiCommands where !["shutdown", "...", "fsctl"].contains(command.name) {
            for argument in ["", Self.badArgument] {
                let line = argument.isEmpty ? command.name : command.name + " " + argument
                let body = core.executeAPI(command.name, argument).body
                if body == "+OK\n" || body == "+OK" {
                    #expect(Self.plainOK.contains(line), "\(line) answered a bare +OK")
                }
                if body == "-ERR \(command.name) is not simulated by the mock switch\n" {
                    unsimulated.insert(command.name)
                }
            }
        }
        // Channel commands may say so only for a live channel, which this walk never names.
        #expect(unsimulated.subtracting(Self.notSimulated).isEmpty, "newly unsimulated: \(unsimulated.subtracting(Self.notSimulated).sorted())")
        #expect(Self.notSimulated.subtracting(unsimulated).isEmpty, "now simulated, drop from the list: \(Self.notSimulated.subtracting(unsimulated).sorted())")
    }

    /// unload/load change the one module table: help, show api, module_exists, completion.
    @Test func unloadAndLoadChangeEveryView() {
        let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))
        #expect(core.executeAPI("module_exists", "mod_hash").body == "true")
        let unloaded = core.executeAPI("unload", "mod_hash")
        #expect(unloaded.body == "+OK\n")
        #expect(unloaded.events.map { $0.name } == ["MODULE_UNLOAD", "MODULE_UNLOAD", "MODULE_UNLOAD", "MODULE_UNLOAD", "MODULE_UNLOAD", "API"])
        #expect(core.executeAPI("module_exists", "mod_hash").body == "false")
        #expect(core.executeAPI("hash", "select/r/k").body == "-ERR hash Command not found!\n")
        #expect(core.executeAPI("show", "api hash").body == "\n0 total.\n")
        #expect(!core.executeAPI("help", "").body.contains("\nhash,"))
        #expect(!core.executeAPI("console_complete", "hash_").body.contains("hash_dump"))
        let loaded = core.executeAPI("load", "mod_hash")
        #expect(loaded.body == "+OK Reloading XML\n+OK\n")
        #expect(loaded.events.map { $0.name }.prefix(2) == ["RELOADXML", "MODULE_LOAD"])
        #expect(core.executeAPI("show", "api hash").body.hasSuffix("\n1 total.\n"))
        #expect(core.executeAPI("load", "mod_nonexistent").body == "+OK Reloading XML\n-ERR [module load file routine returned an error]\n")
        #expect(core.executeAPI("reloadxml", "").events.map { $0.name } == ["RELOADXML", "API"])
    }
}
