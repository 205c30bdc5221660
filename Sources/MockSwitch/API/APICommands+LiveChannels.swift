import ESLProtocol
import NIOCore

/// The `uuid_*` commands on a live simulated channel (mod_commands; captures 66, 68). Each answers
/// FreeSWITCH's own text; a channel the mock does not know gets `-ERR No such channel!`.
extension APICommands {
    static let liveChannelCommands: [String: APIImplementation] = [
        "uuid_setvar_multi": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <var>=<value>;<var>=<value>...\n") }
            guard core.leg(words[0]) != nil else { return APIOutput("-ERR No such channel!\n") }
            let pairs = words[1...].joined(separator: " ").split(separator: ";").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
            _ = core.withCalls { script in
                for pair in pairs where !pair.isEmpty { script[words[0]].variables.set(pair[0], pair.count > 1 ? pair[1] : nil) }
            }
            return APIOutput("+OK\n")
        },
        "uuid_dump": { argument, core in
            let words = argument.words
            guard let uuid = words.first else { return APIOutput("-USAGE: <uuid> [format]\n") }
            guard let leg = core.leg(uuid) else { return APIOutput("-ERR No such channel!\n") }
            let event = core.events.channelEvent("CHANNEL_DATA", leg, source: .uuidDump, time: core.clock.now())
            var buffer = ByteBuffer()
            switch words.count > 1 ? words[1].lowercased() : "plain" {
            case "json": event.encodeJSON(into: &buffer)
            case "xml": event.encodeXML(into: &buffer)
            default:
                // `uuid_dump` prints raw values in brackets, not the URL-encoded event.
                return APIOutput(event.headers.map { "\($0.name): [\($0.value)]\n" }.joined() + "\n")
            }
            return APIOutput(String(buffer: buffer))
        },
        "uuid_send_dtmf": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <dtmf_data>\n") }
            guard core.leg(words[0]) != nil else { return APIOutput("-ERR No such channel!\n") }
            let spec = words[1].split(separator: "@", maxSplits: 1)
            let duration = spec.count > 1 ? Int(spec[1]) ?? 250 : 250
            let digits = String(spec[0]).filter { "0123456789*#ABCDabcd".contains($0) }
            core.calls.later { core.withCalls { $0.sendDTMF(words[0], digits, durationMs: duration) } }
            return APIOutput("+OK \(words[0]) sent DTMF \(words[1]).\n")
        },
        "uuid_flush_dtmf": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("-USAGE: <uuid>\n") }
            return APIOutput(core.leg(uuid) != nil ? "+OK\n" : "-ERR No such channel!\n")
        },
        "uuid_broadcast": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n") }
            guard let leg = core.leg(words[0]) else { return APIOutput("-ERR No such channel!\n") }
            let path = words[1]
            let other = [leg.loopbackPartner ?? leg.bridgedTo].compactMap { $0 }
            let targets: [String]
            switch words.count > 2 ? words[2].lowercased() : "aleg" {
            case "bleg": targets = other
            case "both": targets = [leg.uuid] + other
            default: targets = [leg.uuid]
            }
            core.calls.later {
                var length = Duration.zero
                let result = core.withCalls { script in
                    for target in targets where script.book.legs[target] != nil { length = script.startBroadcast(target, path) }
                }
                core.calls.later(length) {
                    core.withCalls { script in for target in targets { script.stopBroadcast(target, path, status: "done") } }
                }
                return result
            }
            return APIOutput("+OK Message sent\n")
        },
        "uuid_break": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("-USAGE: <uuid> [all]\n") }
            guard let leg = core.leg(uuid) else { return APIOutput("-ERR No such channel!\n") }
            if let app = leg.application, app.name == "playback" {
                core.calls.later { core.withCalls { $0.stopBroadcast(uuid, app.data, status: "break") } }
            }
            return APIOutput("+OK\n")
        },
        "uuid_display": { argument, core in
            let words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <display>\n") }
            guard let leg = core.leg(words[0]) else { return APIOutput("-ERR No such channel!\n") }
            // The core notes what it sent; mod_loopback ignores the display update, so the switch
            // reports a failure (capture 68).
            let display = words[1...].joined(separator: " ")
            _ = core.withCalls { script in
                script[words[0]].variables.set("last_sent_callee_id_name", display)
                // mod_loopback hands the update to its other half as that leg's callee name.
                if let partner = leg.loopbackPartner, script.book.legs[partner] != nil { script[partner].profile?.calleeIDName = display }
            }
            return APIOutput(leg.loopbackPartner != nil ? "-ERR Operation failed\n" : "+OK Success\n")
        },
        "uuid_record": { argument, core in
            let words = argument.words
            guard words.count >= 3 else { return APIOutput("-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n") }
            guard core.leg(words[0]) != nil else { return APIOutput("-ERR No such channel!\n") }
            let start = words[1].lowercased() == "start"
            guard start || words[1].lowercased() == "stop" else { return APIOutput("-ERR Cannot execute command\n") }
            var output = APIOutput("+OK Success\n")
            (output.events, output.logLines) = core.withCalls { $0.record(words[0], words[2], start: start) }
            return output
        },
        "uuid_hold": { argument, core in
            var words = argument.words
            var mode = "on"
            if let first = words.first, ["off", "toggle"].contains(first.lowercased()) { mode = first.lowercased(); words.removeFirst() }
            guard let uuid = words.first else { return APIOutput("-USAGE: [off|toggle] <uuid> [<display>]\n") }
            guard let leg = core.leg(uuid) else { return APIOutput("-ERR No such channel!\n") }
            // A loopback channel never leaves hold: unhold fails and toggle holds again (capture 68).
            let isLoopback = leg.loopbackPartner != nil
            let hold: Bool
            switch mode {
            case "off":
                guard !isLoopback else { return APIOutput("-ERR Operation failed\n") }
                hold = false
            case "toggle": hold = isLoopback || !leg.held
            default: hold = true
            }
            var output = APIOutput("+OK Success\n")
            (output.events, output.logLines) = core.withCalls { $0.hold(uuid, on: hold) }
            return output
        },
        "uuid_park": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("-USAGE: <uuid>\n") }
            guard core.leg(uuid) != nil else { return APIOutput("-ERR No such channel!\n") }
            core.calls.later { core.withCalls { $0.park(uuid) } }
            return APIOutput("+OK\n")
        },
        "uuid_transfer": { argument, core in
            var words = argument.words
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n") }
            let uuid = words.removeFirst()
            if words.first?.hasPrefix("-") == true { words.removeFirst() }
            guard core.leg(uuid) != nil else { return APIOutput("-ERR No such channel!\n") }
            guard let destination = words.first else { return APIOutput("-ERR No such channel!\n") }
            let context = words.count > 2 ? words[2] : core.leg(uuid)?.profile?.context ?? "default"
            // The dialplan's name is kept as given (`XML`, capture 71); without one, the profile's.
            let dialplanName = words.count > 1 ? words[1] : nil
            let dialplan = core.calls.dialplan
            core.calls.later { core.withCalls { $0.transfer(uuid, to: destination, context: context, dialplanName: dialplanName, dialplan: dialplan) } }
            return APIOutput("+OK\n")
        },
        "uuid_answer": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("-USAGE: <uuid>\n") }
            guard core.leg(uuid) != nil else { return APIOutput("-ERR No such channel!\n") }
            var output = APIOutput("+OK\n")
            (output.events, output.logLines) = core.withCalls { $0.answer(uuid) }
            return output
        },
        "uuid_pre_answer": { argument, core in
            guard let uuid = argument.words.first else { return APIOutput("-USAGE: <uuid>\n") }
            guard core.leg(uuid) != nil else { return APIOutput("-ERR No such channel!\n") }
            var output = APIOutput("+OK\n")
            (output.events, output.logLines) = core.withCalls { $0.preAnswer(uuid) }
            return output
        },
    ]
}
