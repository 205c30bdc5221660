import MockSwitch
import Testing

/// The mod_commands (and mod_dptools, mod_console, mod_sndfile, mod_event_socket) commands that
/// need no call: each one's normal path and its error path.
@Suite struct CoreCommandTests {
    let core = TestSwitch.make(clock: ManualClock(TestSwitch.start))

    func api(_ command: String, _ argument: String = "") -> String { core.executeAPI(command, argument).body }

    @Test func processFigures() {
        #expect(api("banner").hasPrefix("\n.=====") && api("banner").contains("ClueCon http://www.cluecon.com/"))
        #expect(api("getcputime").firstMatch(of: /^\d+, \d+$/) != nil)
        #expect(api("getcputime", "reset").firstMatch(of: /^\d+, \d+$/) != nil)
        #expect(api("pool_stats") == "Unable to get core pool statictics. Please rebuild FreeSWITCH with --enable-pool-debug")
        #expect(api("memory").hasPrefix("Total non-mmapped bytes (arena):") || api("memory") == "mallinfo not supported on this platform\n")
        let timed = core.executeAPI("time_test", "100 2")
        #expect(timed.body == "test 1 sleep 100 100\ntest 2 sleep 100 100\navg 100\n")
        #expect(timed.delay == .microseconds(200))
        #expect(api("time_test") == "parameter missing\n")
        #expect(api("timer_test", "20 10") == "Avg: 20.000ms Total Time: 200.000ms\n")
        #expect(api("timer_test", "25") == "parameter missing: <10|20|40|60|120> [<1..200>] [<timer_name>]\n")
        #expect(api("timer_test", "20 10 posix") == "Timer Error!\n")
        #expect(api("timer_test") == "Avg: 20.000ms Total Time: 1000.000ms\n")
    }

    /// The session figures of `status` follow the calls: the last full second's new sessions,
    /// their peak, and the limits `fsctl` sets.
    @Test func sessionFiguresFollowTheCalls() {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        func status() -> String { core.executeAPI("status", "").body }
        clock.advance(microseconds: 1_000_000 - TestSwitch.start % 1_000_000)  // the start of a second
        for index in 0..<3 { core.addChannel(SwitchChannel(uuid: "call-\(index)", createdAt: clock.clock.now())) }
        #expect(status().contains("\n3 session(s) since startup\n3 session(s) - peak 3, last 5min 3 \n0 session(s) per Sec out of max 30, peak 0, last 5min 0 \n"))
        clock.advance(microseconds: 1_000_000)
        core.removeChannel("call-0")
        #expect(status().contains("\n2 session(s) - peak 3, last 5min 3 \n3 session(s) per Sec out of max 30, peak 3, last 5min 3 \n"))
        clock.advance(microseconds: 2_000_000)
        #expect(status().contains("\n0 session(s) per Sec out of max 30, peak 3, last 5min 3 \n"))
        clock.advance(microseconds: 300_000_000)
        #expect(status().contains("\n2 session(s) - peak 3, last 5min 2 \n0 session(s) per Sec out of max 30, peak 3, last 5min 0 \n"))
        #expect(core.executeAPI("fsctl", "sps 50").body == "+OK sessions per second: 50\n")
        #expect(core.executeAPI("fsctl", "max_sessions 200").body == "+OK max sessions: 200\n")
        #expect(status().contains(" out of max 50, ") && status().contains("\n200 session(s) max\n"))
        #expect(core.heartbeat().first?["Max-Sessions"] == "200")
    }

    /// 1.11 has none of the legacy commands; `--legacy-commands` loads them into mod_commands,
    /// where help, show api and completion see them, and the durations are fsctl's.
    @Test func legacyCommandsOnlyWhenAsked() {
        #expect(core.executeAPI("min_dtmf_duration", "").body == "-ERR min_dtmf_duration Command not found!\n")
        #expect(core.executeAPI("uuid_debug_audio", "x read on").body == "-ERR uuid_debug_audio Command not found!\n")
        #expect(!core.executeAPI("show", "api").body.contains("min_dtmf_duration,"))
        let legacy = SwitchCore(identity: TestSwitch.make(clock: ManualClock(TestSwitch.start)).identity,
                                clock: ManualClock(TestSwitch.start).clock, legacyCommands: true)
        #expect(legacy.executeAPI("min_dtmf_duration", "").body == "+OK min dtmf duration: 400\n")
        #expect(legacy.executeAPI("min_dtmf_duration", "300").body == "+OK min dtmf duration: 300\n")
        #expect(legacy.executeAPI("fsctl", "min_dtmf_duration").body == "+OK min dtmf duration: 300\n")
        #expect(legacy.executeAPI("default_dtmf_duration", "").body == "+OK default dtmf duration: 2000\n")
        #expect(legacy.executeAPI("uuid_debug_audio", "00000000-dead-beef-0000-000000000000 read on").body
            == legacy.executeAPI("uuid_debug_media", "00000000-dead-beef-0000-000000000000 read on").body)
        #expect(legacy.executeAPI("show", "api min_dtmf_duration").body.contains("\n1 total.\n"))
        #expect(legacy.executeAPI("help", "").body.contains("\nuuid_debug_audio,<uuid> <read|write|both> <on|off>,Debug audio,mod_commands\n"))
        #expect(legacy.executeAPI("console_complete", "uuid_debug_a").body.contains("uuid_debug_audio"))
        #expect(legacy.executeAPI("show", "complete").body.contains("\n0,uuid_debug_audio,::console::list_uuid,"))
    }

    /// A `--user` login is a directory user of its domain, with its `esl-*` params, and can be dialled.
    @Test func loginsAreDirectoryUsers() throws {
        let login = try #require(MockSwitchConfiguration.User(specification: "ops@example.org:s3cret:HEARTBEAT,API:status:false"))
        let core = SwitchCore(identity: core.identity, clock: ManualClock(TestSwitch.start).clock, logins: [login])
        func api(_ command: String, _ argument: String) -> String { core.executeAPI(command, argument).body }
        #expect(api("user_exists", "id ops example.org") == "true")
        #expect(api("user_exists", "id ops 192.0.2.2") == "false")
        #expect(api("domain_exists", "example.org") == "true")
        #expect(api("user_data", "ops@example.org param esl-allowed-events") == "HEARTBEAT,API")
        #expect(api("user_data", "ops@example.org param esl-allowed-log") == "false")
        #expect(api("user_data", "ops@example.org attr id") == "ops")
        #expect(api("find_user_xml", "id ops example.org") == """
            <user id="ops" domain-name="example.org">
                <params>
                  <param name="esl-password" value="s3cret"></param>
                  <param name="esl-allowed-events" value="HEARTBEAT,API"></param>
                  <param name="esl-allowed-api" value="status"></param>
                  <param name="esl-allowed-log" value="false"></param>
                </params>
              </user>

            """)
        #expect(core.calls.registeredUsers.contains("ops"))
        #expect(api("user_exists", "id 1001 192.0.2.2") == "true")  // the stock users stay
    }

    /// The host commands run nothing unless the mock was started to allow it.
    @Test func hostCommandsNeedTheirFlag() {
        for name in ["system", "bg_system", "spawn", "spawn_stream", "bg_spawn"] {
            #expect(core.executeAPI(name, "").body == "-USAGE: <command>\n")
            #expect(core.executeAPI(name, "touch /tmp/fscli-never").body
                == "-ERR \(name) is disabled: the mock switch runs no host commands unless started with --allow-system-commands\n")
        }
        let allowed = SwitchCore(identity: core.identity, clock: ManualClock(TestSwitch.start).clock, hostCommands: true)
        #expect(allowed.executeAPI("system", "echo from-the-host").body == "from-the-host\n")
        #expect(allowed.executeAPI("spawn", "true").body == "+OK\n")
    }

    @Test func strings() {
        #expect(api("escape", "a b\t$x") == "a\\sb\\t\\$x")
        #expect(api("escape") == "-ERR no reply\n")
        #expect(api("strepoch", "2026-11-26 14:45:30") == "1795704330")
        #expect(api("strepoch") == "1795704330")
        #expect(api("strepoch", "not a date") == "0")
        #expect(api("strmicroepoch", "20261126144530") == "1795704330000000")
        #expect(api("file_exists", "/usr/local/freeswitch/conf") == (core.globalVariable("conf_dir") == "/usr/local/freeswitch/conf" ? "true" : "false"))
        #expect(api("file_exists", core.globalVariable("sounds_dir")!) == "true")
        #expect(api("file_exists", "/no/such/file.wav") == "false")
        #expect(api("xml_flush_cache", "id 1000 192.0.2.2") == "+OK cleared 0 entries\n")
        #expect(api("say_string", "en.wav en NUMBER pronounced 12") == "-ERR Invalid Say Interface [en]!\n")
        #expect(api("say_string", "en") == "-USAGE: <module_name>[.<ext>] <lang>[.<ext>] <say_type> <say_method> [<say_gender>] <text>\n")
        #expect(api("sndfile_debug", "on") == "Sndfile Debug: on\n")
        #expect(api("sndfile_debug", "maybe") == "-USAGE: <on|off>\n")
    }

    @Test func network() {
        #expect(api("gethost", "localhost") == "127.0.0.1")
        #expect(api("gethost", "vm") == "192.0.2.2")
        #expect(api("gethost", "no.such.host.invalid") == "-ERR")
        #expect(api("host_lookup", "127.0.0.1") == "127.0.0.1")
        #expect(api("host_lookup", "no.such.host.invalid") == "!err!")
        #expect(api("host_lookup") == "parameter missing\n")
        #expect(api("interface_ip", "ipv4 lo") == "127.0.0.1")
        #expect(api("interface_ip", "ipv4 no_such_interface") == "-ERR no reply\n")
        #expect(api("interface_ip", "lo") == "USAGE: interface_ip [auto|ipv4|ipv6] <ifname>\n")
        #expect(api("interface_ip", "ipv5 lo") == "USAGE: interface_ip [auto|ipv4|ipv6] <ifname>\n")
        #expect(api("stun") == "-STUN Failed! NO STUN SERVER\n")
        #expect(api("stun", "stun.example.invalid") == "-STUN Failed! [Remote Address Error!]\n")
        #expect(core.executeAPI("stun", "127.0.0.1:3478").delay == .seconds(5))
        #expect(api("nat_map", "status") == "false")
        #expect(api("nat_map") == "false")
        #expect(api("nat_map", "add 5060 udp") == "false")
    }

    @Test func limits() {
        #expect(api("limit_usage", "hash realm resource") == "0")
        #expect(api("limit_usage", "hash realm resource rate") == "0/0")
        #expect(api("limit_usage", "db realm resource") == "0")
        #expect(api("limit_usage") == "USAGE: limit_usage <backend> <realm> <id>\n")
        #expect(api("limit_hash_usage", "realm resource") == "0")
        #expect(api("limit_status", "hash") == "-ERR not supported yet (locking problems).")
        #expect(api("limit_status", "db") == "-ERR")
        #expect(api("limit_reset", "hash") == "-ERR")
        #expect(api("limit_interval_reset", "hash realm resource") == "+OK")
        #expect(api("limit_interval_reset", "db realm resource") == "-ERR")
        #expect(api("limit_interval_reset", "hash") == "USAGE: limit_interval_reset <backend> <realm> <resource>\n")
    }

    @Test func consoleAndCompletion() {
        #expect(api("console", "loglevel err") == "+OK console log level set to ERR\n")
        #expect(api("console", "loglevel") == "+OK console log level set to ERR\n")
        #expect(api("console", "loglevel nonsense") == "-ERR Invalid console loglevel (nonsense)!\n\n")
        #expect(api("console", "loglevel 9") == "+OK console log level set to DEBUG\n")
        #expect(api("console", "colorize toggle") == "+OK console color disabled\n")
        #expect(api("console", "uuid on") == "+OK console uuid enabled\n")
        let rule = String(repeating: "-", count: 80)
        let usage = "USAGE:\n\(rule)\nconsole help\nconsole loglevel [[0-7] | <loglevel_string>]\nconsole uuid [on|off|toggle]\n"
            + "console json [on|off|toggle]\nconsole colorize [on|off|toggle]\n\(rule)\n"
        #expect(api("console") == usage)
        #expect(api("console", "help") == usage)
        #expect(api("console", "bogus") == usage)
        #expect(api("console", "loglevel help") == "USAGE:\n\(rule)\nconsole loglevel [[0-7] | <loglevel_string>]\n\n"
            + "Set the logging verbosity of the console from 0 (least verbose) to\n7 (debugging), or specify the loglevel as a string:\n\n"
            + "  0 console\n  1 alert\n  2 crit\n  3 err\n  4 warning\n  5 notice\n  6 info\n  7 debug\n\(rule)\n")
        #expect(api("console", "colorize help") == "USAGE:\n\(rule)\nconsole colorize [on|off|toggle]\n\nEnable, disable, or toggle console coloring.\n\(rule)\n")
        #expect(api("complete", "add zzcmd one") == "+OK\n")
        #expect(api("show", "complete").contains("0,zzcmd,one,"))
        #expect(api("console_complete", "zzcmd ").contains("one"))
        #expect(api("complete", "del zzcmd") == "+OK\n")
        #expect(!api("show", "complete").contains("zzcmd"))
        #expect(api("complete", "del") == "-USAGE: add <word>|del [<word>|*]\n")
    }

    @Test func jsonAndXMLWrap() {
        #expect(api("json", #"{"command":"fsapi","data":{"cmd":"echo","arg":"hi"}}"#)
            == #"{"command":"fsapi","data":{"cmd":"echo","arg":"hi"},"status":"success","response":{"message":"hi"}}"# + "\n")
        #expect(api("json", #"{"command":"fsapi","data":{"cmd":"nope"}}"#)
            == #"{"command":"fsapi","data":{"cmd":"nope"},"status":"error","message":"The command returned an error","response":{"message":"INVALID CALL"}}"# + "\n")
        #expect(api("json", #"{"command":"nope","data":{}}"#)
            == #"{"command":"nope","data":{},"status":"error","message":"Invalid request or non-existant command","response":null}"# + "\n")
        #expect(api("json", #"{"command":"status","data":"","format":"pretty"}"#).contains("\t\"systemStatus\":\t\"ready\",\n"))
        #expect(api("json", "{") == "-ERR Parse error.\n")
        #expect(api("json") == "-ERR No JSON supplied.\n")
        #expect(api("xml_wrap", "echo hi") == "<result>\n  <row id=\"1\">\n    <data>hi</data>\n  </row>\n</result>\n")
        #expect(api("xml_wrap", "encoded echo a b").contains("<data>a%20b</data>"))
        #expect(api("xml_wrap", "nope").contains("<data>INVALID COMMAND!\n</data>"))
        #expect(api("xml_wrap") == "-ERR xml_wrap Command not found!\n")
        #expect(core.executeAPI("xml_wrap", "echo hi").events.map(\.name) == ["API", "API"])
    }

    @Test func messaging() {
        let sent = core.executeAPI("presence", "in|1000@vm|busy|On the phone")
        #expect(sent.body == "Event Sent")
        #expect(sent.events.first?.name == "PRESENCE_IN")
        #expect(sent.events.first?["status"] == "On the phone")
        #expect(api("presence", "sideways|1000") == "Invalid")
        #expect(api("presence", "in|1000") == "Invalid")
        let chat = core.executeAPI("chat", "event|1000@vm|1001@vm|hello")
        #expect(chat.body == "Sent")
        #expect(chat.events.first?.name == "RECV_MESSAGE")
        #expect(api("chat", "sip|a|b|hello") == "Error! Message Not Sent")
        #expect(api("chat", "sip|a") == "Invalid")
        #expect(api("event_channel_broadcast", #"demo {"a":1}"#) == "+OK message sent\n")
        #expect(api("event_channel_broadcast", "demo {") == "-ERR parse error\n")
        // Over the socket event_sink has no HTTP parameters, whatever the argument.
        #expect(api("event_sink") == "This is a web application!\n")
        #expect(api("event_sink", "command=create-listener&events=HEARTBEAT&format=json") == "This is a web application!\n")
    }

    @Test func registryAndChannels() {
        #expect(api("domain_data", "192.0.2.2 var default_areacode") == "918")
        #expect(api("domain_data", "192.0.2.2 param jsonrpc-allowed-methods") == "verto")
        #expect(api("domain_data", "192.0.2.2 attr name") == "192.0.2.2")
        #expect(api("domain_data", "example.org var default_areacode") == "-ERR no reply\n")
        #expect(api("group_call", "default@192.0.2.2") == "error/NO_ROUTE_DESTINATION")
        #expect(api("reg_url", "1000@192.0.2.2") == "error/user_not_registered")
        #expect(api("pause", "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b on") == "-ERR No such channel!\n")
        #expect(api("pause") == "-USAGE: <uuid> <on|off>\n")
        #expect(api("tone_detect", "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b key 440") == "-ERR Cannot locate session!\n")
        #expect(api("tone_detect", "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b key") == "-ERR no reply\n")
        #expect(api("tone_detect") == "-ERR no reply\n")
        #expect(api("page") == "-ERR no data")
        #expect(api("page", "loopback/7000") == "-ERR no file specified")
        #expect(api("db_cache", "status").hasSuffix("1 total. 0 in use.\n"))
        #expect(api("db_cache") == "parameter missing\n")
        #expect(api("msrp", "debug on") == "+OK debug on\n")
        #expect(api("msrp", "debug off") == "+OK debug off\n")
        #expect(api("msrp") == "-ERR usage: debug <on|off>|restart\n")
        #expect(api("msrp", "restart") == "-ERR no reply\n")
        #expect(api("msrp", "DEBUG on") == "-ERR no reply\n")
        #expect(api("list_users", "a b c d e f g h i") == "-USAGE: [group <group>] [domain <domain>] [user <user>] [context <context>]\n")
        #expect(api("domain_exists") == "-ERR no reply\n")
        #expect(api("user_data", "1001 var user_context") == "default")
    }

    /// Texts checked against mod_commands, mod_console and switch_core: the usage lines, the
    /// replies to a bad argument and the paths that write nothing.
    @Test func sourceTexts() {
        #expect(api("log") == "+OK\n")
        let logged = core.executeAPI("log", "hello")
        #expect(logged.body == "+OK\n")
        #expect(logged.logLines.map(\.level) == [7])
        #expect(api("strftime_tz", "UTC 0|%Y") == "2026")
        #expect(api("strftime_tz", "UTC 86400|%Y-%m-%d") == "1970-01-02")
        #expect(api("strftime_tz", "UTC x|%Y") == "2026")
        #expect(api("uptime", "MS") == api("uptime", "ms"))
        #expect(api("getenv", "FSCLI_NO_SUCH_VARIABLE") == "_undef_")
        #expect(api("coalesce") == "-USAGE: [^^<delim>]<value1>,<value2>,...\n")
        #expect(api("quote_shell_arg") == "-ERR no reply\n")
        #expect(api("replace", "only") == "-ERR")
        #expect(api("regex", "abc|^x|%1|n") == "-ERR no reply\n")
        #expect(api("regex", "abc|^x|%1|b") == "false")
        #expect(api("regex", "abc|^x|%1") == "abc")
        #expect(api("regex", "abc|(") == "false")
        #expect(api("cond", "1 == 1 ? yes") == "yes")
        #expect(api("cond", "1 == 2 ? yes") == "-ERR no reply\n")
        #expect(api("cond", "5>3 ? a : b") == "-ERR")
        #expect(api("cond", "1 = 1 ? a : b") == "-ERR")
        #expect(api("cond", "'hello world' > 3 ? long : short") == "long")
        #expect(api("cond", "'3' == 3 ? same : diff") == "diff")
        #expect(api("cond", "1 == 1 ? a : b : c") == "a")
        #expect(api("cond", "3 < 4 ?a:b") == "a")
        #expect(api("xml_locate") == "-ERR bad args\n")
        #expect(api("xml_locate", "directory domain") == "-ERR bad args\n")
        #expect(api("xml_locate", "nosuchsection") == "can't find anything\n")
        #expect(api("xml_locate", "root") == "can't find anything\n")
        #expect(api("unload", "-f") == "-ERR [No such module!]\n")
        #expect(api("reload", "mod_nothing")
            == "+OK Reloading XML\n-ERR unloading module [No such module!]\n-ERR loading module [module load file routine returned an error]\n")
    }

    @Test func fsctlTexts() {
        let syntax = core.modules.command(named: "fsctl")?.syntax ?? ""
        #expect(api("fsctl", "sps_peak_reset") == "+OK max sessions per second counter reset\n")
        #expect(api("fsctl", "mdns_resolve") == "-ERR Invalid command\nUSAGE: fsctl \(syntax)\n")
        #expect(api("fsctl", "mdns_resolve disable") == "+OK\n")
        #expect(api("fsctl", "min_idle_cpu 12.5") == "+OK min idle cpu: 12.50%\n")
        #expect(api("fsctl", "min_idle_cpu") == "+OK min idle cpu: 12.50%\n")
        #expect(api("status").contains("\nmin idle cpu 12.50/"))
        #expect(api("fsctl", "min_idle_cpu 0") == "+OK min idle cpu: DISABLED\n")
        #expect(api("fsctl", "debug_sql") == "+OK SQL DEBUG [on]\n")
        #expect(api("fsctl", "debug_sql") == "+OK SQL DEBUG [off]\n")
        #expect(api("fsctl", "recover") == "+OK 0 session(s) recovered in total\n")
        #expect(api("fsctl", "recover flush") == "+OK flushed\n")
        #expect(api("fsctl", "sql") == "-ERR no reply\n")
        #expect(api("fsctl", "sql start") == "+OK\n")
        #expect(api("fsctl", "sync_clock") == "+OK clock synchronized\n")
        #expect(api("fsctl", "sync_clock_when_idle") == "+OK clock synchronized\n")
        #expect(api("fsctl", "loglevel warning") == "+OK log level: WARNING [4]\n")
        #expect(api("fsctl", "loglevel") == "+OK log level: WARNING [4]\n")
        #expect(api("fsctl", "sps 0") == "+OK sessions per second: 30\n")
    }
}
