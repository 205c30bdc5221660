/// Channel APIs answered from the core's channel list (spec §5.7).
extension APICommands {
    static let channelCommands: [String: APIImplementation] = [
        "uuid_exists": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("false") }
            return APIOutput(core.channelExists(uuid) ? "true" : "false")
        },
        "uuid_getvar": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <var>\n") }
            guard core.channelExists(words[0]) else { return APIOutput("-ERR No such channel!\n") }
            return APIOutput(core.channelVariable(words[0], words[1]) ?? "_undef_")
        },
        "uuid_setvar": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <var> [value]\n") }
            let value = words.count > 2 ? words[2...].joined(separator: " ") : nil
            return APIOutput(core.setChannelVariable(words[0], words[1], value) ? "+OK\n" : "-ERR No such channel!\n")
        },
        "uuid_kill": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("-USAGE: <uuid> [cause]\n") }
            return APIOutput(core.removeChannel(uuid) != nil ? "+OK\n" : "-ERR No such channel!\n")
        },
        "hupall": { argument, core in
            let words = argument.words
            let cause = words.first.flatMap { HangupCause.canonical($0) } ?? "MANAGER_REQUEST"
            let pairs = stride(from: 1, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
            for channel in core.channels where pairs.allSatisfy({ channel.variables[$0.0] == $0.1 }) {
                core.removeChannel(channel.uuid)
            }
            guard let first = pairs.first else { return APIOutput("+OK hangup all channels with cause \(cause)\n") }
            let more = pairs.count > 1 ? "..." : ""
            return APIOutput("+OK hangup all channels matching [\(first.0)]=[\(first.1)]\(more) with cause: \(cause)\n")
        },
    ]
}

/// Hangup cause names (`switch_channel_str2cause`): a known name in any case, or its Q.850 number.
enum HangupCause {
    static let names: [Int: String] = [
        0: "NONE", 1: "UNALLOCATED_NUMBER", 2: "NO_ROUTE_TRANSIT_NET", 3: "NO_ROUTE_DESTINATION", 16: "NORMAL_CLEARING",
        17: "USER_BUSY", 18: "NO_USER_RESPONSE", 19: "NO_ANSWER", 21: "CALL_REJECTED", 31: "NORMAL_UNSPECIFIED",
        34: "NORMAL_CIRCUIT_CONGESTION", 41: "NORMAL_TEMPORARY_FAILURE", 487: "ORIGINATOR_CANCEL", 500: "CRASH",
        501: "SYSTEM_SHUTDOWN", 503: "LOSE_RACE", 502: "MANAGER_REQUEST", 600: "BLIND_TRANSFER", 606: "USER_NOT_REGISTERED",
    ]

    /// The canonical name for `word`, or `nil` (the caller then uses MANAGER_REQUEST).
    static func canonical(_ word: String) -> String? {
        if let number = Int(word) { return names[number] == "NONE" ? nil : names[number] }
        let upper = word.uppercased()
        return names.values.contains(upper) && upper != "NONE" ? upper : nil
    }
}
