import ESLClient
import ESLProtocol
import MockSwitch
import SwitchCatalog
import TestSupport
import Testing

/// The modules of a stock build that the captured switch leaves on disk: `load` adds them with
/// their interfaces, completion rows and events, `unload` takes all of it away again, and their
/// commands answer as on a switch with nothing configured.
@Suite struct StockModuleTests {
    static func core() -> SwitchCore { TestSwitch.make(clock: ManualClock(TestSwitch.start)) }

    @Test func loadAndUnloadChangeEveryView() {
        let core = Self.core()
        #expect(core.executeAPI("module_exists", "mod_db").body == "false")
        #expect(core.executeAPI("db", "select/r/k").body == "-ERR db Command not found!\n")
        #expect(!core.executeAPI("show", "complete").body.contains(",db,insert,"))

        let loaded = core.executeAPI("load", "mod_db")
        #expect(loaded.body == "+OK Reloading XML\n+OK\n")
        // Applications, then API commands, then the limit backend, as the loader walks them.
        #expect(loaded.events.filter { $0.name == "MODULE_LOAD" }.map { $0["name"] ?? "" } == ["db", "group", "db", "group", "db"])
        #expect(core.executeAPI("module_exists", "mod_db").body == "true")
        #expect(core.executeAPI("show", "api db").body == "name,description,syntax,ikey\ndb,db get/set,[insert|delete|select]/<realm>/<key>/<value>,mod_db\n\n1 total.\n")
        #expect(core.executeAPI("help", "").body.contains("\ngroup,[insert|delete|call]:<group name>:<url>,group [insert|delete|call],mod_db\n"))
        #expect(core.executeAPI("show", "modules").body.contains("\nlimit,db,mod_db,\(SwitchModule.directory)/mod_db.so\n"))
        #expect(core.executeAPI("show", "application db").body.contains("\ndb,Insert to the db,[insert|delete]/<realm>/<key>/<val>,mod_db\n"))
        #expect(core.executeAPI("show", "complete").body.contains(",db,insert,"))
        #expect(core.executeAPI("console_complete", "db ").body.contains("insert"))

        let unloaded = core.executeAPI("unload", "mod_db")
        #expect(unloaded.body == "+OK\n")
        #expect(unloaded.events.filter { $0.name == "MODULE_UNLOAD" }.count == 5)
        #expect(core.executeAPI("module_exists", "mod_db").body == "false")
        #expect(core.executeAPI("show", "api db").body == "\n0 total.\n")
        #expect(!core.executeAPI("show", "complete").body.contains(",db,insert,"))
        #expect(!core.executeAPI("console_complete", "db ").body.contains("insert"))
    }

    /// mod_conference's syntax lists each sub-command after two tabs, and each gets a completion row.
    @Test func conferenceRegistersItsSubcommands() {
        let core = Self.core()
        #expect(core.executeAPI("load", "mod_conference").body == "+OK Reloading XML\n+OK\n")
        #expect(SwitchModule.conferenceSyntax.hasPrefix("\t\tlist [delim <string>]|[count]\n\t\txml_list\n\t\tenergy "))
        #expect(SwitchModule.conferenceSyntax.hasSuffix("\n\t\tvid-bandwidth <BW>"))
        #expect(core.executeAPI("show", "complete").body.contains("\n0,conference,::conference::conference_list_conferences,kick,"))
        #expect(core.executeAPI("show", "application conference").body.contains("\nconference,conference,,mod_conference\n"))
        #expect(core.executeAPI("unload", "mod_conference").body == "+OK\n")
        #expect(!core.executeAPI("show", "complete").body.contains("conference_list_conferences"))
    }

    /// A name no stock build has keeps capture 72's failure; `load` completes stock names too.
    @Test func onlyStockNamesLoad() {
        let core = Self.core()
        #expect(core.executeAPI("load", "mod_conference_nope").body == "+OK Reloading XML\n-ERR [module load file routine returned an error]\n")
        #expect(core.executeAPI("load", "mod_sofia").body.hasSuffix("-ERR [module load file routine returned an error]\n"))
        #expect(core.executeAPI("console_complete", "load mod_con").body.contains("mod_conference"))
        #expect(!core.executeAPI("console_complete", "unload mod_con").body.contains("mod_conference"))
        for name in SwitchModule.stockNames {
            #expect(core.executeAPI("load", name).body == "+OK Reloading XML\n+OK\n", "\(name)")
            #expect(core.executeAPI("load", name).body.hasSuffix("-ERR [Module already loaded]\n"))
        }
        #expect(core.executeAPI("unload", "mod_lua").body == "-ERR [Module is not unloadable]\n")
        #expect(core.executeAPI("unload", "mod_valet_parking").body == "-ERR [Module is not unloadable]\n")
        #expect(core.executeAPI("console_complete", "unload mod_con").body.contains("mod_conference"))
        #expect(core.executeAPI("unload", "mod_opus").body == "+OK\n")
        #expect(core.executeAPI("show", "codec").body.contains("G.729"))
        #expect(!core.executeAPI("show", "codec").body.contains("OPUS"))
    }

    /// Each stock command with no argument and on an empty switch (an empty answer reaches the
    /// client as `-ERR no reply`).
    @Test func commandsAnswerAsOnAnEmptySwitch() {
        let core = Self.core()
        for name in SwitchModule.stockNames { _ = core.executeAPI("load", name) }
        let none = "-ERR no reply\n"
        let replies: [(String, String, String)] = [
            ("expr", "", "!err!"), ("expr", "1+1", "2"), ("expr", "7/2", "3.5"), ("expr", "2^10|x=3;x*2", "6"), ("expr", "1+", "!err!"),
            ("db", "", "!err!"), ("db", "select/realm/key", none), ("db", "exists/realm/key", "false"),
            ("db", "insert/realm/key/value", "+OK"), ("db", "select/realm/key", "value"), ("db", "exists/realm/key", "true"),
            ("db", "delete/realm/key", "+OK"), ("db", "select/realm/key", none),
            ("group", "", "!err!"), ("group", "call:g", none), ("group", "insert:g:user/1000", "+OK"), ("group", "insert:g:user/1001", "+OK"),
            ("group", "call:g", "user/1000,user/1001"), ("group", "call:g:order", "user/1000|user/1001"), ("group", "delete:g:*", "+OK"),
            ("group", "call:g", none),
            ("valet_info", "", "<lots>\n</lots>\n"), ("valet_info", "lot1", "<lots>\n</lots>\n"),
            ("luarun", "", "-ERR no args specified!\n"), ("lua", "", none), ("lua", "hello.lua", "-ERR Cannot execute script\n"),
            ("opus_debug", "", "-USAGE: <on|off>\n"), ("opus_debug", "off", "OPUS Debug: off\n"),
            ("fifo", "", SwitchModule.fifoSyntax + "\n"), ("fifo", "list", "<fifo_report/>\n\n"), ("fifo", "count", "none\n"),
            ("fifo", "has_outbound q", "none\n"), ("fifo", "importance q", "no fifo by that name\n"), ("fifo", "debug", "debug 0\n"),
            ("fifo", "debug 2", "debug 2\n"), ("fifo", "status", " caller_orig:\n consumer_orig:\n bridge:\n"),
            ("fifo", "bogus", "-ERR Usage: \(SwitchModule.fifoSyntax)\n"),
            ("fifo_member", "", "-USAGE: \(SwitchModule.fifoMemberSyntax)\n"), ("fifo_member", "add q", "-ERR Invalid!\n"),
            ("fifo_add_outbound", "", "0"), ("fifo_check_bridge", "", "false"),
            ("show_local_stream", "", "+OK"), ("show_local_stream", "moh", "-ERR Cannot locate local_stream moh!\n"),
            ("start_local_stream", "", "-USAGE: <local_stream_name>\n"), ("stop_local_stream", "moh", "-ERR Cannot locate local_stream moh!\n"),
            ("reload_local_stream", "", "-USAGE: <local_stream_name>\n"), ("hup_local_stream", "moh", none),
            ("enum", "", "Usage: enum [reload | <number> [<root>] ]\n"), ("enum", "reload", "+OK ENUM Reloaded.\n"),
            ("enum", "15551234567", "No Match!\n"), ("enum_auto", "", "none"), ("enum_auto", "15551234567", "none"),
            ("httapi", "", "USAGE: [debug_on|debug_off]\n"), ("httapi", "debug_on", "OK\n"),
            ("spandsp_start_tone_detect", "", "-ERR missing uuid\n"), ("spandsp_start_tone_detect", "x", "-ERR missing descriptor name\n"),
            ("spandsp_start_tone_detect", "x busy", "-ERR Cannot locate session\n"),
            ("spandsp_stop_tone_detect", "", "-ERR missing session UUID\n"), ("start_tdd_detect", "", "-ERR Cannot locate session\n"),
            ("stop_tdd_detect", "x", "-ERR Cannot locate session\n"), ("uuid_send_tdd", "x", "-ERR missing text\n"),
            ("uuid_send_tdd", "x hello", "-ERR Cannot locate session\n"),
            ("conference", "", SwitchModule.conferenceSyntax + "\n"), ("conference", "help", SwitchModule.conferenceSyntax + "\n"),
            ("conference", "list", "No active conferences.\n"), ("conference", "list count", "No active conferences.\n"),
            ("conference", "xml_list", "<?xml version=\"1.0\"?>\n<conferences/>\n"),
            ("conference", "3000 kick all", "Conference 3000 not found\n"),
            ("conference", "3000 dial", "Bad Args\ndial <endpoint_module_name>/<destination> <callerid number> <callerid name>"),
            ("conference", "3000 dial sofia/gateway/x/1000 1000 Caller", "Call Requested: result: [CHAN_NOT_IMPLEMENTED]\n"),
        ]
        for (name, argument, expected) in replies {
            #expect(core.executeAPI(name, argument).body == expected, "\(name) \(argument)")
        }
    }

    /// mod_spandsp's channel commands find a live channel; no tone descriptor is configured.
    @Test func spandspCommandsFindALiveChannel() throws {
        let core = Self.core()
        _ = core.executeAPI("load", "mod_spandsp")
        let reply = core.executeAPI("originate", "loopback/7000/default &park()").body
        let uuid = try #require(reply.firstMatch(of: /\+OK ([0-9a-f-]{36})/)?.1).description
        #expect(core.executeAPI("start_tdd_detect", uuid).body == "+OK started\n")
        #expect(core.executeAPI("stop_tdd_detect", uuid).body == "+OK stopped\n")
        #expect(core.executeAPI("uuid_send_tdd", uuid + " hello").body == "+OK\n")
        #expect(core.executeAPI("spandsp_start_tone_detect", uuid + " busy").body == "-ERR failed to start tone detector\n")
        #expect(core.executeAPI("spandsp_stop_tone_detect", uuid).body == "+OK stopped\n")
    }

    /// MODULE_LOAD and MODULE_UNLOAD reach a subscriber over a real socket, one per interface.
    @Test func moduleEventsReachASubscriber() async throws {
        var rig = try await CallTests.Rig.start(events: "MODULE_LOAD MODULE_UNLOAD API")
        #expect(try await rig.api("load mod_opus") == "+OK Reloading XML\n+OK\n")
        var names = await rig.eventNames(until: "MODULE_LOAD")
        names += await rig.eventNames(until: "MODULE_LOAD")
        #expect(names == ["MODULE_LOAD", "MODULE_LOAD"])
        #expect(try await rig.api("unload mod_opus") == "+OK\n")
        #expect(await rig.eventNames(until: "MODULE_UNLOAD").last == "MODULE_UNLOAD")
        #expect(await rig.eventNames(until: "MODULE_UNLOAD").last == "MODULE_UNLOAD")
        #expect(try await rig.api("module_exists mod_opus") == "false")
        await rig.stop()
    }
}
