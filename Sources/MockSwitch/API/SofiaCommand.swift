/// `sofia` (mod_sofia's `sofia_function`): help, status, xmlstatus, jsonstatus, global, loglevel, tracelevel,
/// recover and, through ``SofiaProfileCommand``, `sofia profile`. The texts are mod_sofia's.
enum SofiaCommand {
    static let usage = """
        USAGE:
        --------------------------------------------------------------------------------
        sofia global siptrace <on|off>
        sofia        capture  <on|off>
                     watchdog <on|off>

        sofia profile <name> [start | stop | restart | rescan] [wait]
                             flush_inbound_reg [<call_id> | <[user]@domain>] [reboot]
                             check_sync [<call_id> | <[user]@domain>]
                             [register | unregister] [<gateway name> | all]
                             killgw <gateway name>
                             [stun-auto-disable | stun-enabled] [true | false]]
                             siptrace <on|off>
                             capture  <on|off>
                             watchdog <on|off>

        sofia <status|xmlstatus> profile <name> [reg [<contact str>]] | [pres <pres str>] | [user <user@domain>]
        sofia <status|xmlstatus> gateway <name>

        sofia loglevel <all|default|tport|iptsec|nea|nta|nth_client|nth_server|nua|soa|sresolv|stun> [0-9]
        sofia tracelevel <console|alert|crit|err|warning|notice|info|debug>

        sofia help
        --------------------------------------------------------------------------------

        """

    /// The sofia-sip components `sofia loglevel` knows.
    static let components = ["all", "default", "tport", "iptsec", "nea", "nta", "nth_client", "nth_server", "nua", "soa", "sresolv", "stun"]

    static func run(_ argument: String, _ core: SwitchCore) -> APIOutput {
        let argv = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = argv.first else { return APIOutput(usage) }
        let rest = Array(argv.dropFirst())
        switch first.lowercased() {
        case "profile": return SofiaProfileCommand.run(rest, core)
        case "status": return APIOutput(status(rest, core))
        case "xmlstatus": return APIOutput(SofiaXMLStatus.text(rest, core))
        case "jsonstatus": return APIOutput(SofiaJSONStatus.text(core))
        case "help": return APIOutput(usage)
        case "tracelevel":
            let level = core.sofia.setTraceLevel(rest.first)
            return APIOutput("+OK tracelevel is \(level)")
        case "loglevel": return APIOutput(loglevel(rest, core))
        case "global": return APIOutput(global(rest, core))
        case "recover":
            if rest.first?.lowercased() == "flush" { return APIOutput("Flushing recovery database.\n") }
            var output = APIOutput("No calls to recover.\n")
            var event = core.events.makeEvent("CUSTOM", subclass: "sofia::recovery_recovered", source: .sofiaRecover)
            event.addHeader("recovered_calls", "0")
            output.events = [event]
            return output
        default:
            return APIOutput("Unknown Command [\(first)]\n")
        }
    }

    /// `cmd_status`.
    static func status(_ argv: [String], _ core: SwitchCore) -> String {
        let domain = APICommands.directory(core).domain
        guard let subject = argv.first else {
            return SofiaStatusText.summary(core.sofia.runningProfiles, alias: domain)
        }
        if argv.count == 1 {
            let header = "\(SofiaStatusText.padded("Profile::Gateway-Name", 25))\t\(SofiaStatusText.padded("    Data    ", 32))\tState\tPing Time\tIB Calls(F/T)\tOB Calls(F/T)\n"
            return header + "\(SofiaStatusText.line)\n\(SofiaStatusText.line)\n0 gateways: Inbound(Failed/Total): 0/0,Outbound(Failed/Total):0/0\n"
        }
        switch subject.lowercased() {
        case "gateway":
            return "Invalid Gateway!\n"
        case "profile":
            guard let profile = core.sofia.profile(named: argv[1], domain: domain) else { return "Invalid Profile!\n" }
            let mode = argv.count > 2 ? argv[2].lowercased() : nil
            var out = ""
            if mode != "reg" && mode != "user" {
                out += SofiaStatusText.details(profile, askedAs: argv[1], registrations: core.sofia.registrations(on: profile.name).count)
            }
            if let rows = registrationRows(profile, argv, core) {
                out += SofiaStatusText.registrations(rows, now: core.clock.now() / 1_000_000, zone: core.clock.timeZone,
                                                     host: core.identity.switchname)
            }
            return out
        default:
            return "Invalid Syntax!\n"
        }
    }

    /// The rows `status profile NAME pres X | reg [X] | user X` selects, or `nil` when the words
    /// ask for no registration listing.
    static func registrationRows(_ profile: SofiaProfile, _ argv: [String], _ core: SwitchCore) -> [SofiaRegistration]? {
        let regs = core.sofia.registrations(on: profile.name)
        guard argv.count > 2 else { return nil }
        let mode = argv[2].lowercased()
        let filter = argv.count > 3 ? argv[3] : nil
        switch (mode, filter) {
        case ("pres", let text?): return regs.filter { _ in profile.presenceHosts.contains(text) }
        case ("reg", let text?): return regs.filter { $0.contact.contains(text) }
        case ("reg", nil): return regs
        case ("user", let text?):
            guard let at = text.firstIndex(of: "@") else { return regs.filter { $0.host == text } }
            let user = String(text[..<at]), host = String(text[text.index(after: at)...])
            return regs.filter { (user.isEmpty || $0.user == user) && (host.isEmpty || $0.host == host) }
        default: return nil
        }
    }

    static func loglevel(_ argv: [String], _ core: SwitchCore) -> String {
        if argv.count > 1, let level = Int(argv[1]), argv[1].allSatisfy(\.isNumber) {
            guard components.contains(argv[0]) else { return usage }
            core.sofia.setLogLevel(argv[0], level)
            return "Sofia log level for component [\(argv[0])] has been set to [\(level)]"
        }
        if let component = argv.first {
            // sofia_get_loglevel has no answer for `all`; the components start at 0.
            guard components.contains(component), component != "all" else { return usage }
            return "Sofia-sip loglevel for [\(component)] is [\(core.sofia.logLevel(component))]"
        }
        return usage
    }

    static func global(_ argv: [String], _ core: SwitchCore) -> String {
        guard argv.count > 1 else {
            return "-ERR Usage: siptrace <on|off>|capture <on|off>|watchdog <on|off>|debug <sla|presence|none"
        }
        let what = argv[0].lowercased()
        if what == "debug" {
            var out = ""
            var debug = core.sofia.debug
            if argv[1].contains("presence") { debug.presence = true; out += "+OK Debugging presence\n" }
            if argv[1].contains("sla") { debug.sla = true; out += "+OK Debugging sla\n" }
            if argv[1].contains("none") { debug = (false, false); out += "+OK Debugging nothing\n" }
            core.sofia.debug = debug
            return out + "+OK Debugging summary: presence: \(debug.presence ? "on" : "off") sla: \(debug.sla ? "on" : "off")\n"
        }
        let on = SwitchTrue.isTrue(argv[1])
        switch what {
        case "siptrace": return "+OK Global siptrace \(on ? "on" : "off")"
        case "capture": return "+OK Global capture \(on ? "on" : "off")"
        case "watchdog": return "+OK Global watchdog \(on ? "on" : "off")"
        case "standby": return "+OK Global standby \(on ? "on" : "off")"
        default: return "-ERR Usage: siptrace <on|off>|capture <on|off>|watchdog <on|off>|debug <sla|presence|none"
        }
    }
}

extension SourceLocation {
    static let sofiaRecover = SourceLocation(file: "mod_sofia.c", function: "sofia_function", line: 4474)
}
