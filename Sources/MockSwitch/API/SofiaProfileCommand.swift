/// `sofia profile NAME …` (mod_sofia's `cmd_profile`). The vanilla profiles have no gateways, so
/// the gateway subcommands answer as they do when none is found.
enum SofiaProfileCommand {
    static func run(_ argv: [String], _ core: SwitchCore) -> APIOutput {
        guard argv.count >= 2 else { return APIOutput("Invalid Args!\n") }
        let action = argv[1].lowercased()
        if action == "start" {
            // Both vanilla profiles are running already: config_sofia finds nothing new to start.
            return APIOutput("Reload XML [Success]\nFailure starting \(argv[0])\n")
        }
        if argv[0].lowercased() == "restart", action == "all" { return APIOutput("") }
        guard let profile = core.sofia.profile(named: argv[0], domain: APICommands.directory(core).domain) else {
            return APIOutput("Invalid Profile [\(argv[0])]")
        }
        let third = argv.count > 2 ? argv[2] : nil
        switch action {
        case "killgw":
            guard let name = third else { return APIOutput("-ERR missing gw name\n") }
            return APIOutput(name.lowercased() == "_all_" ? "+OK every gateway marked for deletion.\n" : "-ERR no such gateway.\n")
        case "startgw":
            guard let name = third else { return APIOutput("-ERR missing gw name\n") }
            return APIOutput("Reload XML [Success]\n-ERR cannot add gateway \(name) for profile \(profile.name)\n")
        case "rescan":
            return APIOutput("Reload XML [Success]\n+OK scan complete\n")
        case "check_sync":
            return APIOutput(third == nil ? "+OK syncing all registrations\n" : "+OK syncing all registrations matching specified call_id\n")
        case "flush_inbound_reg":
            return flush(profile, Array(argv.dropFirst(2)), core)
        case "recover":
            return APIOutput(third?.lowercased() == "flush" ? "Flushing recovery database.\n" : "No sessions to recover.\n")
        case "register", "unregister":
            guard let name = third else { return APIOutput("No gateway name provided!\n") }
            return APIOutput(name.lowercased() == "all" ? "+OK\n" : "Invalid gateway!\n")
        case "stop", "restart":
            let up = Int(core.uptimeMicroseconds / 1_000_000)
            if up < 10 {
                let remain = 10 - up
                return APIOutput("Profile \(profile.name) must be up for at least 10 seconds to stop/restart.\nPlease wait \(remain) second\(remain == 1 ? "" : "s")\n")
            }
            if action == "stop" { core.sofia.stop(profile: profile.name) }
            return APIOutput("Reload XML [Success]\n\(action == "stop" ? "stopping" : "restarting"): \(profile.name)")
        case "siptrace", "capture", "watchdog":
            guard let value = third else { return APIOutput("Usage: sofia profile <name> \(action) <on/off>\n") }
            let on = SwitchTrue.isTrue(value)
            let what = action == "capture" ? "capturing" : "debugging"
            return APIOutput("\(on ? "Enabled" : "Disabled") sip \(what) on \(profile.name)")
        default:
            return APIOutput("-ERR Unknown command!\n")
        }
    }

    /// `flush_inbound_reg [<call_id>|<[user]@domain>] [reboot]`: each registration removed fires
    /// `sofia::expire`.
    static func flush(_ profile: SofiaProfile, _ words: [String], _ core: SwitchCore) -> APIOutput {
        var words = words
        var reboot = false
        if words.first?.lowercased() == "reboot" { reboot = true; words = [] }
        if words.count > 1, words[1].lowercased() == "reboot" { reboot = true }
        let verb = reboot ? "rebooting" : "flushing"
        let removed = core.sofia.flush(words.first, on: profile.name)
        // Calls to a flushed phone find no contact for it.
        core.calls.registeredUsers.subtract(removed.map(\.user))
        var output = APIOutput(words.isEmpty ? "+OK \(verb) all registrations\n" : "+OK \(verb) all registrations matching specified call_id\n")
        output.events = removed.map { core.events.sofiaExpire($0, profile: profile.name) }
        return output
    }
}
