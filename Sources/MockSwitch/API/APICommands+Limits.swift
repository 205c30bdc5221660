/// limit_usage, limit_hash_usage, limit_status, limit_reset, limit_interval_reset against the one
/// limit backend the captured switch loads: mod_hash's `hash` (an in-memory table).
extension APICommands {
    static let limitCommands: [String: APIImplementation] = [
        "limit_usage": { argument, core in APIOutput(limitUsage(argument.words, core: core)) },
        "limit_hash_usage": { argument, core in
            // The deprecated form: the hash backend, with the realm and id that follow.
            APIOutput(limitUsage(argument.isEmpty ? [] : ["hash"] + argument.words, core: core))
        },
        "limit_status": { argument, core in
            guard let backend = argument.words.first else { return APIOutput("USAGE: limit_status <backend>\n") }
            guard hasLimitBackend(backend, core) else { return APIOutput("-ERR") }
            // mod_hash does not count its entries (it would have to lock the whole table).
            return APIOutput("-ERR not supported yet (locking problems).")
        },
        "limit_reset": { argument, core in
            guard let backend = argument.words.first else { return APIOutput("USAGE: limit_reset <backend>\n") }
            // mod_hash cannot reset all its counters: its reset fails.
            _ = hasLimitBackend(backend, core)
            return APIOutput("-ERR")
        },
        "limit_interval_reset": { argument, core in
            let words = argument.words
            guard words.count >= 3 else { return APIOutput("USAGE: limit_interval_reset <backend> <realm> <resource>\n") }
            guard hasLimitBackend(words[0], core) else { return APIOutput("-ERR") }
            core.commandState.withLockedValue { state in state.limits["\(words[1])_\(words[2])"]?.rate = 0 }
            return APIOutput("+OK")
        },
    ]

    static func hasLimitBackend(_ name: String, _ core: SwitchCore) -> Bool {
        core.modules.interfaces.contains { $0.kind == .limit && $0.name == name }
    }

    /// `<backend> <realm> <id> [rate]`: the usage, or usage/rate; 0 for an unknown backend. Two
    /// words are the old form, which asks the `db` backend (not loaded here).
    private static func limitUsage(_ words: [String], core: SwitchCore) -> String {
        guard words.count >= 2 else { return "USAGE: limit_usage <backend> <realm> <id>\n" }
        let wantsRate = words.count > 3 && words[3].lowercased() == "rate"
        var usage = LimitUsage()
        if words.count > 2, hasLimitBackend(words[0], core) {
            usage = core.commandState.withLockedValue { $0.limits["\(words[1])_\(words[2])"] } ?? LimitUsage()
        }
        return wantsRate ? "\(usage.total)/\(usage.rate)" : String(usage.total)
    }
}
