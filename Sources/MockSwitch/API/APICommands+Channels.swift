import SwitchCatalog
/// Channel APIs answered from the simulated calls (docs/api-output.md, "Other commands"; captures 21, 67, 68).
extension APICommands {
    static let channelCommands: [String: APIImplementation] = [
        "originate": originate,
        "uuid_exists": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("false") }
            return APIOutput(core.channelExists(uuid) ? "true" : "false")
        },
        "uuid_getvar": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <var>\n") }
            guard core.channelExists(words[0]) else { return APIOutput("-ERR No such channel!\n") }
            return APIOutput(core.leg(words[0])?.variables[words[1]] ?? core.channelVariable(words[0], words[1]) ?? "_undef_")
        },
        "uuid_setvar": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <var> [value]\n") }
            let value = words.count > 2 ? words[2...].joined(separator: " ") : nil
            guard core.leg(words[0]) != nil else {
                return APIOutput(core.setChannelVariable(words[0], words[1], value) ? "+OK\n" : "-ERR No such channel!\n")
            }
            _ = core.withCalls { $0[words[0]].variables.set(words[1], value) }
            return APIOutput("+OK\n")
        },
        "uuid_kill": uuidKill,
        "uuid_bridge": uuidBridge,
        "hupall": hupall,
    ]

    /// `originate`: the call comes up (or fails) while the command runs, so the reply waits for
    /// an answer (a ringing user) or for `originate_timeout`; the originated leg's `&app()` or
    /// extension starts after the reply, as the switch starts it once originate returns.
    static let originate: APIImplementation = { argument, core in
        guard let request = OriginateRequest(argument) else {
            return APIOutput("-USAGE: \(core.modules.command(named: "originate")?.syntax ?? "")\n")
        }
        // `fsctl pause [outbound]`: the core creates no outbound session.
        guard core.acceptsOutboundSessions else { return APIOutput("-ERR SYSTEM_SHUTDOWN\n") }
        let dialplan = core.calls.dialplan
        let technology = request.endpoint.split(separator: "/").first.map(String.init) ?? ""
        var outcome = OriginateOutcome.failed("CHAN_NOT_IMPLEMENTED")
        let (events, logLines) = core.withCalls { script in
            switch technology {
            case "loopback": outcome = script.originateLoopback(request, dialplan: dialplan)
            case "user", "null": outcome = script.originateSingle(request)
            case "sofia" where core.modules.isLoaded(SwitchModule.sofia.name): outcome = script.originateSingle(request)
            case "error":
                let cause = String(request.endpoint.dropFirst("error/".count))
                outcome = .failed(HangupCause.canonical(cause) ?? "NORMAL_CLEARING")
            default: outcome = .failed("CHAN_NOT_IMPLEMENTED")
            }
        }
        let start: @Sendable (String) -> Void = { uuid in
            core.calls.later { core.withCalls { $0.start(uuid, request.target, context: request.context, dialplanName: request.dialplanName, dialplan: dialplan) } }
        }
        var output: APIOutput
        switch outcome {
        case .up(let uuid):
            output = APIOutput("+OK \(uuid)\n")
            start(uuid)
        case .ringing(let uuid) where technology == "user" || technology == "sofia":
            let ringTime = core.calls.ringTime
            output = APIOutput("+OK \(uuid)\n")
            output.delay = ringTime
            core.calls.later(ringTime) {
                var answered = false
                let result = core.withCalls { answered = $0.answerRinging(uuid, request.target) }
                if answered { start(uuid) }
                return result
            }
        case .answersIn(let uuid, let delay):
            output = APIOutput("+OK \(uuid)\n")
            output.delay = delay
            core.calls.later(delay) {
                var answered = false
                let result = core.withCalls { script in
                    guard script.book.legs[uuid]?.isAnswered == true, script[uuid].hangupCause == nil else { return }
                    script.completeOriginate(uuid, request.target)
                    answered = true
                }
                if answered { start(uuid) }
                return result
            }
        case .ringing(let uuid):
            let seconds = request.variable("originate_timeout").flatMap(Int.init) ?? request.timeoutSeconds
            output = APIOutput("-ERR NO_ANSWER\n")
            output.delay = .seconds(max(seconds, 1))
            core.calls.later(output.delay) { core.withCalls { $0.originateTimedOut(uuid) } }
        case .failed(let cause):
            output = APIOutput("-ERR \(cause)\n")
        }
        if output.delay > .zero {
            // The reply waits; what happened so far is on the wire already, as on the switch.
            core.calls.publish((events, logLines))
        } else {
            output.events = events
            output.logLines = logLines
        }
        return output
    }

    /// `hupall [<cause> [<var> <value>]…]`: every channel whose variables match (all pairs)
    /// hangs up; no cause means MANAGER_REQUEST, an unknown one NORMAL_CLEARING (capture 70).
    static let hupall: APIImplementation = { argument, core in
        let words = argument.words
        let cause = words.first.map { HangupCause.canonical($0) ?? "NORMAL_CLEARING" } ?? "MANAGER_REQUEST"
        let pairs = stride(from: 1, to: words.count - 1, by: 2).map { (words[$0], words[$0 + 1]) }
        let matching = core.channels.filter { channel in pairs.allSatisfy { channel.variables[$0.0] == $0.1 } }
        // The switch walks its session hash; newest first reproduces capture 22.
        let victims = matching.reversed().map(\.uuid)
        var output: APIOutput
        if let first = pairs.first {
            let more = pairs.count > 1 ? "..." : ""
            output = APIOutput("+OK hangup all channels matching [\(first.0)]=[\(first.1)]\(more) with cause: \(cause)\n")
        } else {
            output = APIOutput("+OK hangup all channels with cause \(cause)\n")
        }
        let simulated = victims.filter { core.leg($0) != nil }
        for uuid in victims where core.leg(uuid) == nil { core.removeChannel(uuid) }
        (output.events, output.logLines) = core.withCalls { script in
            for uuid in simulated { script.beginHangup(uuid, cause: cause) }
        }
        if !simulated.isEmpty {
            core.calls.later {
                core.withCalls { script in
                    for uuid in simulated.reversed() where script.book.legs[uuid] != nil { script.finishHangup(uuid) }
                }
            }
        }
        return output
    }

    /// `uuid_bridge <uuid> <other_uuid>`: both legs must be up; the first becomes the bridge's
    /// originator (CHANNEL_BRIDGE on it), the reply names the second.
    static let uuidBridge: APIImplementation = { argument, core in
        let words = argument.words
        guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <other_uuid>\n") }
        let up = { (uuid: String) in core.leg(uuid).map { $0.hangupCause == nil && $0.bridge == nil } ?? false }
        guard words[0] != words[1], up(words[0]), up(words[1]) else { return APIOutput("-ERR Invalid uuid\n") }
        var output = APIOutput("+OK \(words[1])\n")
        core.calls.later { core.withCalls { $0.bridgeLegs(words[0], words[1]) } }
        output.events = []
        return output
    }

    /// `uuid_kill <uuid> [cause]`: CHANNEL_HANGUP before the reply's API event, the rest of the
    /// teardown after it (capture 21).
    static let uuidKill: APIImplementation = { argument, core in
        let words = argument.words
        guard let uuid = words.first else { return APIOutput("-USAGE: <uuid> [cause]\n") }
        guard core.leg(uuid) != nil else {
            return APIOutput(core.removeChannel(uuid) != nil ? "+OK\n" : "-ERR No such channel!\n")
        }
        let cause = words.count > 1 ? HangupCause.canonical(words[1]) ?? "NORMAL_CLEARING" : "NORMAL_CLEARING"
        var output = APIOutput("+OK\n")
        (output.events, output.logLines) = core.withCalls { $0.beginHangup(uuid, cause: cause, from: .killUUID) }
        core.calls.later { core.withCalls { $0.finishHangup(uuid) } }
        return output
    }
}

/// Hangup cause names (`switch_channel_str2cause`): a known name in any case, or its Q.850 number.
enum HangupCause {
    static let names: [Int: String] = [
        0: "NONE", 1: "UNALLOCATED_NUMBER", 2: "NO_ROUTE_TRANSIT_NET", 3: "NO_ROUTE_DESTINATION", 16: "NORMAL_CLEARING",
        17: "USER_BUSY", 18: "NO_USER_RESPONSE", 19: "NO_ANSWER", 21: "CALL_REJECTED", 27: "DESTINATION_OUT_OF_ORDER", 31: "NORMAL_UNSPECIFIED",
        34: "NORMAL_CIRCUIT_CONGESTION", 41: "NORMAL_TEMPORARY_FAILURE", 487: "ORIGINATOR_CANCEL", 500: "CRASH",
        501: "SYSTEM_SHUTDOWN", 503: "LOSE_RACE", 502: "MANAGER_REQUEST", 600: "BLIND_TRANSFER", 606: "USER_NOT_REGISTERED",
    ]

    /// The canonical name for `word`, or `nil` (the caller then uses MANAGER_REQUEST).
    static func canonical(_ word: String) -> String? {
        if let number = Int(word) { return names[number] == "NONE" ? nil : names[number] }
        let upper = word.uppercased()
        return names.values.contains(upper) && upper != "NONE" ? upper : nil
    }

    /// The Q.850 number of a cause name (`hangup_cause_q850`): the switch reports its own causes
    /// (above 127) as NORMAL_CLEARING, 16.
    static func q850(_ name: String) -> Int {
        let number = names.first { $0.value == name }?.key ?? 0
        return number > 127 ? 16 : number
    }
}
