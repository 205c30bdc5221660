import Console
import ESLProtocol
import TestSupport
import Testing

@Suite struct InputParserTests {
    /// The wire bytes of every command a typed line sends, joined.
    private func wire(_ line: String) throws -> String {
        try InputParser.parse(line).commands.map { try $0.wireText }.joined()
    }

    @Test func typedLinesGoOutAsConsoleAPI() throws {
        #expect(InputParser.parse("status") == .api("status"))
        #expect(try wire("status") == "api status\nconsole_execute: true\n\n")
        #expect(try wire("   show channels") == "api show channels\nconsole_execute: true\n\n")
        #expect(try wire("version;;status") == "api version;;status\nconsole_execute: true\n\n")
    }

    @Test func blankLinesAreEmpty() {
        #expect(InputParser.parse("") == .empty)
        #expect(InputParser.parse("   \t ") == .empty)
        #expect(InputParser.parse("") .commands.isEmpty)
    }

    @Test func bgapiIsTheESLCommand() throws {
        #expect(InputParser.parse("bgapi status") == .bgapi("status"))
        #expect(InputParser.parse("BGAPI originate a b ") == .bgapi("originate a b"))
        #expect(try wire("bgapi status") == "bgapi status\n\n")
        guard case .error = InputParser.parse("bgapi") else {
            Issue.record("bare bgapi should be an error")
            return
        }
    }

    @Test func consoleLoglevelAlsoSetsTheSessionLevel() throws {
        #expect(InputParser.parse("console loglevel debug") == .consoleLogLevel(level: "debug", line: "console loglevel debug"))
        #expect(try wire("console loglevel debug") == "log debug\n\napi console loglevel debug\nconsole_execute: true\n\n")
        #expect(InputParser.parse("console colorize on") == .api("console colorize on"))
        #expect(InputParser.parse("console loglevel") == .api("console loglevel"))
    }

    /// The packets capture 43 shows for the lines typed into the real fs_cli, in order.
    @Test func capture43PacketsByteForByte() throws {
        let typed = ["status", "/log info", "reloadxml", "/nolog", "/event plain HEARTBEAT", "/noevents", "/exit"]
        let sent = try typed.flatMap { try InputParser.parse($0).commands.map { try $0.wireText } }
        let captured = try Captures.clientPackets("43_fs_cli_interactive").filter {
            !$0.hasPrefix("auth ") && !$0.hasPrefix("api console_complete") && !$0.hasPrefix("api switchname")
                && !$0.hasPrefix("api hostname") && $0 != "log \n\n"
        }
        #expect(sent == captured)
        #expect(captured.count == 6)
    }

    @Test(arguments: [
        ("/event plain ALL", "event plain ALL\n\n"),
        ("/event json CHANNEL_CREATE CHANNEL_DESTROY", "event json CHANNEL_CREATE CHANNEL_DESTROY\n\n"),
        ("/EVENT plain ALL", "event plain ALL\n\n"),
        ("/noevents", "noevents\n\n"),
        ("/nixevent HEARTBEAT", "nixevent HEARTBEAT\n\n"),
        ("/filter Unique-ID abc", "filter Unique-ID abc\n\n"),
        ("/filter delete Unique-ID", "filter delete Unique-ID\n\n"),
        ("/log info", "log info\n\n"),
        ("/log", "log\n\n"),
        ("  /log   debug  ", "log debug\n\n"),
        ("/nolog", "nolog\n\n"),
    ])
    func serverSlashCommandsWire(line: String, bytes: String) throws {
        #expect(try wire(line) == bytes)
    }

    @Test func localSlashCommandsSendNothing() {
        let cases: [(String, SlashCommand)] = [
            ("/help", .help(nil)), ("/exit", .exit), ("/quit", .exit), ("/bye", .exit), ("...", .exit), ("/...", .exit),
            ("/EXIT", .exit), ("/exit now", .exit),
            ("/uuid", .uuid(nil)), ("/uuid 6f1c", .uuid("6f1c")),
            ("/logfilter", .logfilter(nil)), ("/logfilter sofia", .logfilter(.text("sofia"))),
            ("/logfilter /sip|sdp/", .logfilter(.regex("sip|sdp"))), ("/logfilter \"a b\"", .logfilter(.text("\"a b\""))),
            ("/debug", .debug(nil)), ("/debug 7", .debug(7)), ("/debug 0", .debug(0)),
            ("/history", .history), ("/clear", .clear), ("/reconnect", .reconnect), ("/subs", .subs),
        ]
        for (line, command) in cases {
            let input = InputParser.parse(line)
            #expect(input == .slash(command), "\(line)")
            #expect(input.commands.isEmpty, "\(line)")
        }
    }

    @Test func badArgumentsAreErrors() {
        for line in ["/debug 8", "/debug x", "/event", "/nixevent", "/filter", "/nolog now", "/subs x", "/logfilter /(/", "...x", "/... x"] {
            guard case .error = InputParser.parse(line) else {
                Issue.record("\(line) should be an error, got \(InputParser.parse(line))")
                continue
            }
        }
    }

    /// Whole words, not prefixes: fs_cli's strncasecmp would take all of these.
    @Test func wholeWordMatching() {
        #expect(InputParser.parse("/eventfoo plain ALL") == .error("unknown command /eventfoo; did you mean /event?"))
        #expect(InputParser.parse("/events") == .error("unknown command /events; did you mean /event?"))
        #expect(InputParser.parse("/logs") == .error("unknown command /logs; did you mean /log?"))
        #expect(InputParser.parse("/exitnow") == .error("unknown command /exitnow; did you mean /exit?"))
        #expect(InputParser.parse("/log") == .slash(.log(nil)))
        #expect(InputParser.parse("/logfilter") == .slash(.logfilter(nil)))
    }

    @Test func typoSuggestions() {
        #expect(InputParser.parse("/evnt plain ALL") == .error("unknown command /evnt; did you mean /event?"))
        #expect(InputParser.parse("/nolgo") == .error("unknown command /nolgo; did you mean /nolog?"))
        #expect(InputParser.parse("/fitler x y") == .error("unknown command /fitler; did you mean /filter?"))
        #expect(InputParser.parse("/hist") == .error("unknown command /hist; did you mean /history?"))
        #expect(InputParser.parse("/zzzzzzzz") == .error("unknown command /zzzzzzzz; type /help for the list"))
        #expect(InputParser.parse("/") == .error("unknown command /; type /help for the list"))
    }

    @Test func everySlashNameParses() {
        for name in SlashCommandName.allCases {
            let argument = name == .help ? "event" : name == .event ? "HEARTBEAT" : "x"
            let input = InputParser.parse(name.word + " " + (name.arguments.isEmpty ? "" : argument))
            if case .error(let message) = input {
                // Commands that need a number or a specific shape may reject `x`, never as unknown.
                #expect(!message.hasPrefix("unknown"), "\(name)")
            }
        }
    }

    @Test func logFilterMatching() throws {
        #expect(try LogFilterPattern(argument: "sofia").matches("mod_sofia.c:1 hello"))
        #expect(try !LogFilterPattern(argument: "Sofia").matches("mod_sofia.c:1 hello"))
        #expect(try LogFilterPattern(argument: "/sip|sdp/").matches("an sdp body"))
        #expect(try !LogFilterPattern(argument: "/^sip/").matches("an sip line"))
    }
}

@Suite struct SlashCommandHelpTests {
    @Test func helpListsEveryCommandOnce() {
        let lines = SlashCommandName.helpText.split(separator: "\n")
        #expect(lines.count == SlashCommandName.allCases.count - 2)
        for name in SlashCommandName.allCases {
            #expect(lines.filter { $0.hasPrefix(name.word + " ") || $0.hasPrefix(name.word + ",") || $0.contains(" \(name.word),") || $0.contains(" \(name.word) ") }.count >= 1, "\(name)")
        }
        #expect(lines.contains { $0.hasPrefix("/exit, /quit, /bye, ...  ") })
        #expect(lines.contains { $0.hasPrefix("/filter <header> <value> | delete <header> [<value>] | delete all  add or delete") })
    }
}
