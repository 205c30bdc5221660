/// The `uuid_*` commands that count a live channel against a limit or send it elsewhere
/// (mod_commands): `uuid_limit`, which sends a channel over the limit on, `uuid_limit_release`
/// and `uuid_dual_transfer`.
extension APICommands {
    static let channelFlowCommands: [String: APIImplementation] = [
        "uuid_limit": uuidLimit,
        "uuid_limit_release": { argument, core in
            let words = fields(argument, 5)
            guard words.count >= 2 else { return APIOutput("USAGE: uuid_limit_release <uuid> <backend> [realm] [resource]\n") }
            guard core.leg(words[0]) != nil else { return APIOutput("-ERR Cannot find session with uuid \(words[0])\n") }
            // Without a realm and resource the leg gives back everything it holds.
            if hasLimitBackend(words[1], core) {
                let key = words.count >= 4 ? "\(words[2])_\(words[3])" : nil
                _ = core.withCalls { $0.releaseLimits(words[0], key: key) }
            }
            return APIOutput("+OK")
        },
        "uuid_dual_transfer": uuidDualTransfer,
    ]

    /// `<uuid> <backend> <realm> <resource> [<max>[/interval]] [number [dialplan [context]]]`:
    /// counts the channel in; over the maximum (or with a backend that is not loaded) the channel
    /// goes to `number` (`limit_exceeded`), or hangs up with `!<cause>`.
    private static let uuidLimit: APIImplementation = { argument, core in
        let words = fields(argument, 8)
        guard words.count >= 4 else {
            return APIOutput("USAGE: uuid_limit <uuid> <backend> <realm> <resource> [<max>[/interval]] [number [dialplan [context]]]\n")
        }
        var maximum = -1, interval = 0
        if words.count > 4, !words[4].hasPrefix("-") {
            let parts = words[4].split(separator: "/", maxSplits: 1)
            maximum = max(CNumber.atol(String(parts.first ?? "")), 0)
            if parts.count > 1 { interval = CNumber.atol(String(parts[1])) }
        }
        let exceeded = words.count > 5 ? words[5] : "limit_exceeded"
        guard let leg = core.leg(words[0]) else { return APIOutput("-ERR Cannot find session with uuid \(words[0])\n") }
        var counted = false
        var output = APIOutput("+OK")
        // A backend that is not loaded fails the check as a full one does.
        if hasLimitBackend(words[1], core) {
            (output.events, output.logLines) = core.withCalls {
                counted = $0.limitIncrement(words[0], realm: words[2], resource: words[3], maximum: maximum, interval: interval)
            }
        }
        if counted {
            return output
        } else if exceeded.hasPrefix("!") {
            let cause = HangupCause.canonical(String(exceeded.dropFirst())) ?? "NORMAL_CLEARING"
            let hangup = core.withCalls { $0.beginHangup(words[0], cause: cause) }
            output.events += hangup.events
            output.logLines += hangup.logLines
            core.calls.later { core.withCalls { $0.finishHangup(words[0]) } }
        } else {
            let dialplan = core.calls.dialplan
            let context = words.count > 7 ? words[7] : leg.profile?.context ?? "default"
            let dialplanName = words.count > 6 ? words[6] : nil
            core.calls.later { core.withCalls { $0.transfer(words[0], to: exceeded, context: context, dialplanName: dialplanName, dialplan: dialplan) } }
        }
        return output
    }

    /// `<uuid> <A-dest>[/<dialplan>][/<context>] <B-dest>[/…]`: the bridged partner goes to the
    /// second destination, the channel to the first.
    private static let uuidDualTransfer: APIImplementation = { argument, core in
        let words = fields(argument, 5)
        guard words.count == 3 else {
            return APIOutput("-USAGE: <uuid> <A-dest-exten>[/<A-dialplan>][/<A-context>] <B-dest-exten>[/<B-dialplan>][/<B-context>]\n")
        }
        guard let leg = core.leg(words[0]) else { return APIOutput("-ERR No such channel!\n") }
        let dialplan = core.calls.dialplan
        func destination(_ text: String, of uuid: String) -> (exten: String, dialplan: String?, context: String) {
            let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let context = parts.count > 2 ? parts[2] : core.leg(uuid)?.profile?.context ?? "default"
            return (parts[0], parts.count > 1 ? parts[1] : nil, context)
        }
        // The partner moves first, as the switch transfers it before the channel itself.
        let moves = (leg.bridgedTo.map { [($0, destination(words[2], of: $0))] } ?? []) + [(words[0], destination(words[1], of: words[0]))]
        core.calls.later {
            core.withCalls { script in
                for (uuid, target) in moves where script.book.legs[uuid] != nil {
                    script.transfer(uuid, to: target.exten, context: target.context, dialplanName: target.dialplan, dialplan: dialplan)
                }
            }
        }
        return APIOutput("+OK\n")
    }
}
