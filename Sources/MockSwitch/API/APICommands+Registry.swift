/// domain_data, group_call, reg_url (the directory and the registrations table), tone_detect
/// (a channel's media), page (mod_dptools), db_cache, msrp, reloadcert (the core's
/// own services).
extension APICommands {
    static let registryCommands: [String: APIImplementation] = [
        "domain_data": { argument, core in
            let words = argument.words
            guard words.count >= 3, words[0] == directory(core).domain else { return APIOutput("") }
            switch words[1] {
            case "attr": return APIOutput(words[2] == "name" ? words[0] : "")
            case "var": return APIOutput(SwitchDirectory.domainVariables.first { $0.0.lowercased() == words[2].lowercased() }?.1 ?? "")
            default: return APIOutput(SwitchDirectory.domainParams.first { $0.0.lowercased() == words[2].lowercased() }?.1 ?? "")
            }
        },
        // As `in_group`: the captured switch finds no member in any group.
        "group_call": { _, _ in APIOutput("error/NO_ROUTE_DESTINATION") },
        // Registrations come from mod_sofia or verto, which the captured switch does not load.
        "reg_url": { _, _ in APIOutput("error/user_not_registered") },
        // Fewer than three arguments, or a timeout already past, only log an error: nothing is written.
        "tone_detect": { argument, core in
            let words = argument.words
            guard words.count >= 3 else { return APIOutput("") }
            guard core.channelExists(words[0]) else { return APIOutput("-ERR Cannot locate session!\n") }
            if words.count > 4 {
                let timeout = words[4]
                let now = Int(core.clock.now() / 1_000_000)
                let valid = timeout.hasPrefix("+") ? CNumber.atol(String(timeout.dropFirst())) > 0 : CNumber.atol(timeout) >= now
                guard valid else { return APIOutput("") }
            }
            // It names the key, the tone spec and the flags; flags left out print as C's "(null)".
            let flags = words.count > 3 ? words[3] : "(null)"
            return APIOutput("+OK Enabling tone detection '\(words[1])' '\(words[2])' '\(flags)'\n")
        },
        "page": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR no data") }
            var variables: [String: String] = [:]
            var rest = Substring(argument)
            if rest.first == "(", let close = rest.firstIndex(of: ")") {
                for pair in rest[rest.index(after: rest.startIndex)..<close].split(separator: ",") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    if kv.count == 2 { variables[kv[0]] = kv[1] }
                }
                rest = rest[rest.index(after: close)...]
            }
            guard let path = variables["page_path"] else { return APIOutput("-ERR no file specified") }
            // Each channel is called and played the file, as `originate <chan> &playback(<path>)`.
            var output = APIOutput("+OK")
            for channel in rest.trimmingBlanks().components(separatedBy: ":_:") where !channel.isEmpty {
                let inner = core.run("originate", "\(channel) &playback(\(path))", wholeLine: nil)
                output.events += inner.events
                output.logLines += inner.logLines
            }
            return output
        },
        "db_cache": { argument, core in
            guard argument.words.first?.lowercased() == "status" else { return APIOutput("parameter missing\n") }
            // The core's one SQLite handle, as an idle switch shows it.
            return APIOutput("\(core.globalVariable("db_dir") ?? "")/core.db\n\tType: CORE_DB\n\tLast used: 0\n\tTotal used: 1\n"
                             + "\tFlags: Unlocked, Detached(0)\n\tCreator: switch_core_sqldb.c:switch_core_sqldb_start\n"
                             + "\tLast User: switch_core_sqldb.c:switch_core_sqldb_start\n1 total. 0 in use.\n")
        },
        // switch_msrp.c compares the whole argument, case and spacing included; `restart` and
        // anything else it does not know write nothing.
        "msrp": { argument, core in
            switch argument {
            case "": return APIOutput("-ERR usage: \(core.modules.command(named: "msrp")?.syntax ?? "")\n")
            case "debug on", "debug off": return APIOutput("+OK \(argument)\n")
            default: return APIOutput("")
            }
        },
        // The captured switch has no TLS certificates in use (no mod_sofia, no verto).
        "reloadcert": { _, _ in APIOutput("+OK\n") },
    ]
}
