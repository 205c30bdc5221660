/// mod_hash's API (capture 65): `hash <action>/<realm>/<key>[/<value>]`, hash_dump, hash_remote.
extension APICommands {
    static let hashCommands: [String: APIImplementation] = [
        "hash": { argument, core in
            let usage = APIOutput("-ERR Usage: hash insert|insert_ifempty|select|delete|delete_ifmatch/realm/key[/value]\n")
            let parts = argument.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 3 else { return usage }
            let action = parts[0].lowercased(), realm = parts[1], key = parts[2]
            let value = parts.count > 3 ? parts[3] : nil
            return core.commandState.withLockedValue { state in
                let current = state.hash[realm]?[key]
                switch action {
                case "insert", "insert_ifempty":
                    guard let value else { return usage }
                    if action == "insert_ifempty", current != nil { return APIOutput("-ERR key already exists\n") }
                    state.hash[realm, default: [:]][key] = value
                    return APIOutput("+OK\n")
                case "select":
                    return APIOutput(current ?? "")
                case "delete":
                    guard current != nil else { return APIOutput("-ERR Not found\n") }
                    state.hash[realm]?[key] = nil
                    return APIOutput("+OK\n")
                case "delete_ifmatch":
                    guard let value else { return usage }
                    guard let current else { return APIOutput("-ERR Not found\n") }
                    guard current == value else { return APIOutput("-ERR Doesn't match\n") }
                    state.hash[realm]?[key] = nil
                    return APIOutput("+OK\n")
                default:
                    return usage
                }
            }
        },
        // The mock keeps no limit counters and no database-backed hash, so a valid dump is empty,
        // as the captured switch's was.
        "hash_dump": { argument, _ in
            guard let mode = argument.words.first, ["all", "limit", "db"].contains(mode) else {
                return APIOutput("Usage: all|limit|db [<realm>]\n")
            }
            return APIOutput("")
        },
        // No remote hash instances are configured.
        "hash_remote": { argument, _ in
            switch argument.words.first {
            case "list": return APIOutput("Remote connections:\nName\t\t\tState\n+OK\n")
            case "rescan": return APIOutput("+OK\n")
            case "kill": return APIOutput(argument.words.count > 1 ? "-ERR No such remote instance \(argument.words[1])\n" : "-ERR Usage: list|kill [name]|rescan\n")
            default: return APIOutput("-ERR Usage: list|kill [name]|rescan\n")
            }
        },
    ]
}

extension SwitchCore {
    /// The `hash` application (`<action>/<realm>/<key>[/<value>]`): the API's changes without its
    /// replies, and no `select`. `false` for what the application rejects with its usage line.
    func applyHashApplication(_ data: String) -> Bool {
        let parts = data.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3 else { return false }
        let action = parts[0].lowercased(), realm = parts[1], key = parts[2]
        let value = parts.count > 3 ? parts[3] : nil
        return commandState.withLockedValue { state in
            let current = state.hash[realm]?[key]
            switch action {
            case "insert", "insert_ifempty":
                guard let value else { return false }
                if action == "insert" || current == nil { state.hash[realm, default: [:]][key] = value }
            case "delete":
                state.hash[realm]?[key] = nil
            case "delete_ifmatch":
                guard let value else { return false }
                if current == value { state.hash[realm]?[key] = nil }
            default:
                return false
            }
            return true
        }
    }
}
