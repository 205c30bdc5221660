import SwitchCatalog

/// The API commands of the stock application modules `load` adds (mod_db, mod_expr,
/// mod_valet_parking, mod_lua, mod_opus, mod_enum, mod_httapi), answering as they do on a switch
/// with nothing configured and no network: no valet lots, no Lua scripts, no ENUM answers.
extension APICommands {
    static let stockCommands: [String: APIImplementation] = [
        "db": { argument, core in APIOutput(database(argument, core)) },
        "group": { argument, core in APIOutput(group(argument, core)) },
        "expr": { argument, _ in APIOutput(ExprEvaluation.evaluate(argument).map(ExprEvaluation.format) ?? "!err!") },
        // No lot exists until a call parks in one, so the report is empty whatever lot is named.
        "valet_info": { _, _ in APIOutput("<lots>\n</lots>\n") },
        // The script runs in its own thread; a missing file is only logged there.
        "luarun": { argument, _ in APIOutput(argument.isEmpty ? "-ERR no args specified!\n" : "+OK\n") },
        // No script is installed, so loading any fails.
        "lua": { argument, _ in APIOutput(argument.isEmpty ? "" : "-ERR Cannot execute script\n") },
        "enum": { argument, _ in
            guard let number = argument.split(separator: " ").first else { return APIOutput("Usage: enum [reload | <number> [<root>] ]\n") }
            // The lookup asks DNS (e164.org, e164.arpa), which answers nothing here.
            return APIOutput(number.lowercased() == "reload" ? "+OK ENUM Reloaded.\n" : "No Match!\n")
        },
        "enum_auto": { _, _ in APIOutput("none") },
        "httapi": { argument, _ in
            ["debug_on", "debug_off"].contains(argument.lowercased()) ? APIOutput("OK\n") : APIOutput("USAGE: [debug_on|debug_off]\n")
        },
        "opus_debug": { argument, _ in
            switch argument.lowercased() {
            case "on": APIOutput("OPUS Debug: on\nLibrary version: libopus 1.3.1\n")
            case "off": APIOutput("OPUS Debug: off\n")
            default: APIOutput("-USAGE: <on|off>\n")
            }
        },
    ]

    /// `db insert|delete|select|exists/<realm>/<key>[/<value>]`; anything else is `!err!`.
    private static func database(_ argument: String, _ core: SwitchCore) -> String {
        let parts = argument.isEmpty ? [] : argument.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard let action = parts.first?.lowercased() else { return "!err!" }
        let realm = parts.count > 1 ? parts[1] : "", key = parts.count > 2 ? parts[2] : ""
        return core.commandState.withLockedValue { state in
            switch action {
            case "insert" where parts.count >= 4:
                state.database[realm, default: [:]][key] = parts[3]
                return "+OK"
            case "delete" where parts.count >= 2:
                state.database[realm]?[key] = nil
                return "+OK"
            case "select" where parts.count >= 3:
                return state.database[realm]?[key] ?? ""
            case "exists" where parts.count >= 3:
                return state.database[realm]?[key] == nil ? "false" : "true"
            default:
                return "!err!"
            }
        }
    }

    /// `group insert|delete|call:<group>[:<url>|:*|:order]`; anything else is `!err!`.
    private static func group(_ argument: String, _ core: SwitchCore) -> String {
        let parts = argument.isEmpty ? [] : argument.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return "!err!" }
        let name = parts[1]
        return core.commandState.withLockedValue { state in
            switch parts[0].lowercased() {
            case "insert" where parts.count >= 3:
                state.groups[name, default: []].removeAll { $0 == parts[2] }
                state.groups[name, default: []].append(parts[2])
                return "+OK"
            case "delete" where parts.count >= 3:
                if parts[2] == "*" { state.groups[name] = nil } else { state.groups[name]?.removeAll { $0 == parts[2] } }
                return "+OK"
            case "call":
                let ordered = parts.count > 2 && parts[2].lowercased() == "order"
                return (state.groups[name] ?? []).joined(separator: ordered ? "|" : ",")
            default:
                return "!err!"
            }
        }
    }
}
