/// The `uuid_*` commands that hand the channel a message, set a flag or send it text
/// (mod_commands, switch_msrp.c), on a live channel. A loopback leg accepts every message but a
/// display update (mod_loopback passes that to the bridge partner of its other half, and a parked
/// pair has none), has no media handle (no RTP stats, no MSRP, no media renegotiation by SIP), and
/// no event hook for chat; each command answers what FreeSWITCH prints for that. Several print
/// their usage and then the failure they report for a missing channel, as mod_commands does.
extension APICommands {
    static let channelMessageCommands: [String: APIImplementation] = [
        // Each sets a reply only a SIP channel fills in: the switch prints the null it leaves.
        "uuid_deflect": stringReplyMessage(usage: "<uuid> <uri>"),
        "uuid_redirect": stringReplyMessage(usage: "<uuid> <uri>"),
        "uuid_recovery_refresh": stringReplyMessage(usage: "<uuid> <uri>"),
        "uuid_set_media_stats": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-USAGE: <uuid>\n") }
            return APIOutput(core.leg(argument) != nil ? "+OK:\n" : "-ERR No such channel \(argument)!\n")
        },
        "uuid_media": { argument, core in mediaPath(argument, core) },
        "uuid_media_3p": { argument, core in mediaPath(argument, core) },
        // The switch asks the channel's media handle for the parameters; a loopback leg has none.
        "uuid_media_params": { argument, _ in
            let words = fields(argument, 2)
            guard words.count == 2 else { return APIOutput("-USAGE: <uuid> <json>\n") }
            return APIOutput("-ERR Operation failed\n")
        },
        "uuid_media_reneg": { argument, core in
            let words = fields(argument, 2)
            guard let first = words.first else { return APIOutput("-USAGE: <uuid>[ <codec_string>]\n-ERR Operation Failed\n") }
            let uuid = first.hasPrefix("+") ? String(first.dropFirst()) : first
            return APIOutput(core.leg(uuid) != nil ? "+OK Success\n" : "-ERR Operation Failed\n")
        },
        "uuid_phone_event": { argument, core in
            let words = fields(argument, 2)
            guard let uuid = words.first else { return APIOutput("-USAGE: <uuid>\n-ERR Operation failed\n") }
            return APIOutput(core.leg(uuid) != nil ? "+OK Success\n" : "-ERR Operation failed\n")
        },
        "uuid_simplify": { argument, core in
            guard let uuid = fields(argument, 2).first else { return APIOutput("-USAGE: <uuid>\n") }
            return APIOutput(core.leg(uuid) != nil ? "+OK Success\n" : "-ERR Operation failed\n")
        },
        "uuid_jitterbuffer": { argument, core in
            let words = fields(argument, 2)
            guard words.count == 2 else { return APIOutput("-USAGE: <uuid> [0|<min_msec>[:<max_msec>]]\n") }
            return APIOutput(core.leg(words[0]) != nil ? "+OK Success\n" : "-ERR Operation failed\n")
        },
        "uuid_debug_media": { argument, core in
            let words = fields(argument, 3)
            guard words.count == 3 else { return APIOutput("-USAGE: <uuid> <read|write|both|vread|vwrite|vboth|all> <on|off>\n") }
            return APIOutput(core.leg(words[0]) != nil ? "+OK Success\n" : "-ERR Operation failed\n")
        },
        "uuid_codec_debug": { argument, core in
            let words = fields(argument, 3)
            guard words.count == 3 else { return APIOutput("-USAGE: <uuid> audio|video <level>\n-ERR Operation Failed\n") }
            return APIOutput(core.leg(words[0]) != nil ? "+OK Success\n" : "-ERR Operation Failed\n")
        },
        // No codec answers the request, so its reply keeps the switch's placeholder.
        "uuid_codec_param": { argument, core in
            let words = fields(argument, 5)
            guard words.count >= 3 else { return APIOutput("-USAGE: <uuid> audio|video read|write <param> <val>\n-ERR Operation Failed [NOT SENT]\n") }
            return APIOutput(core.leg(words[0]) != nil ? "+OK Command sent reply: [NOT SENT]\n" : "-ERR Operation Failed [NOT SENT]\n")
        },
        "uuid_send_info": { argument, core in
            let words = fields(argument, 4)
            guard !words.isEmpty, words.count != 3 else {
                return APIOutput("-USAGE: <uuid> [<mime_type> <mime_subtype>] <message>\n-ERR Operation Failed\n")
            }
            return APIOutput(core.leg(words[0]) != nil ? "+OK Success\n" : "-ERR Operation Failed\n")
        },
        "uuid_send_message": { argument, core in
            let words = fields(argument, 2)
            guard words.count == 2 else { return APIOutput("-USAGE: <uuid> <message>\n") }
            return APIOutput(core.leg(words[0]) != nil ? "+OK Success\n" : "-ERR Unable to find session for UUID\n")
        },
        // The flag changes what the channel does once it is transferred or hung up, nothing now.
        "uuid_xfer_zombie": { argument, core in
            guard let uuid = fields(argument, 2).first else { return APIOutput("-USAGE: <uuid>\n-ERR Operation Failed\n") }
            return APIOutput(core.leg(uuid) != nil ? "+OK Success\n" : "-ERR Operation Failed\n")
        },
        "uuid_zombie_exec": { argument, core in
            APIOutput(!argument.isEmpty && core.leg(argument) != nil ? "+OK MMM Brains...\n" : "-ERR no such session\n")
        },
        // Sets CF_EARLY_OK and prints nothing.
        "uuid_early_ok": { argument, core in
            APIOutput(!argument.isEmpty && core.leg(argument) != nil ? "" : "-ERROR\n")
        },
        // Rings a channel that is not ringing or answered yet; changes nothing on one that is.
        "uuid_ring_ready": { argument, core in
            let words = fields(argument, 2)
            guard let uuid = words.first, words.count < 2 || words[1].lowercased() == "queued" else {
                return APIOutput("-USAGE: <uuid> [queued]\n")
            }
            guard core.leg(uuid) != nil else { return APIOutput("-ERROR\n") }
            var output = APIOutput("+OK\n")
            (output.events, output.logLines) = core.withCalls { $0.ringReady(uuid) }
            return output
        },
        "uuid_outgoing_answer": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-USAGE: <uuid>\n") }
            guard let leg = core.leg(argument) else { return APIOutput("-ERR No such channel!\n") }
            guard leg.direction == .outbound else { return APIOutput("-ERR Not an outbound channel!\n") }
            var output = APIOutput("+OK\n")
            (output.events, output.logLines) = core.withCalls { $0.answer(argument) }
            return output
        },
        // The chat arrives as an event for the session; a loopback channel takes no events.
        "uuid_chat": textCommand(usage: "<uuid> <text>") { _, _, _ in APIOutput("-ERR Send failed\n") },
        // The text goes to the session's text buffer (a channel without text media drops it).
        "uuid_send_text": textCommand(usage: "<uuid> <text>") { _, _, _ in APIOutput("+OK\n") },
        // Sets or clears CF_CAPTURE_TEXT and prints nothing.
        "uuid_capture_text": textCommand(usage: "<uuid> <on|off>") { _, _, _ in APIOutput("") },
        "uuid_msrp_send": { argument, core in
            let words = fields(argument, 3)
            guard words.count >= 2 else { return APIOutput("-ERR Usage: uuid_msrp_send <uuid> msg\n") }
            return APIOutput(core.leg(words[0]) != nil ? "-ERR No msrp_session.\n" : "-ERR Usage: cannot locate session.\n")
        },
        // The session's own log level; the level is checked before the channel.
        "uuid_loglevel": { argument, core in
            var (uuid, level) = argument.splitAtFirstSpace
            if level.lowercased().hasPrefix("-b") { level = level.splitAtFirstSpace.tail }
            guard !uuid.isEmpty, !level.isEmpty else { return APIOutput("-USAGE: <uuid> <level>\n") }
            guard LogLineFactory.level(named: level) != nil else { return APIOutput("-ERR Invalid log level!\n") }
            return APIOutput(core.leg(uuid) != nil ? "+OK\n" : "-ERR No such channel \(uuid)!\n")
        },
        "uuid_pause": pauseMedia,
        "pause": pauseMedia,
        "uuid_video_refresh": { argument, core in
            let words = fields(argument, 2)
            guard let uuid = words.first else { return APIOutput("-USAGE: <uuid> [auto|manual]\n-ERR Operation Failed\n") }
            guard let leg = core.leg(uuid) else { return APIOutput("-ERR Operation Failed\n") }
            guard words.count > 1 else { return APIOutput("+OK Success\n") }
            var manual = leg.media.manualVideoRefresh
            switch words[1].lowercased() {
            case "manual": manual = true
            case "auto": manual = false
            default: break
            }
            _ = core.withCalls { $0[uuid].media.manualVideoRefresh = manual }
            return APIOutput("\(leg.name) video refresh now in \(manual ? "manual" : "auto") mode.\n+OK Success\n")
        },
        // Both print the refresh command's syntax as their usage (mod_commands reuses it).
        "uuid_video_bitrate": videoRate,
        "uuid_video_bandwidth": videoRate,
    ]

    /// `<uuid> <uri>` commands whose message reply (`string_reply`) only a SIP channel sets.
    private static func stringReplyMessage(usage: String) -> APIImplementation {
        textCommand(usage: usage) { _, _, _ in APIOutput("+OK:(null)\n") }
    }

    /// `<uuid> <text>` split at the first space; `live` answers for a live channel.
    private static func textCommand(usage: String, _ live: @escaping @Sendable (String, String, SwitchCore) -> APIOutput) -> APIImplementation {
        { argument, core in
            let (uuid, text) = argument.splitAtFirstSpace
            guard !uuid.isEmpty, !text.isEmpty else { return APIOutput("-USAGE: \(usage)\n") }
            guard core.leg(uuid) != nil else { return APIOutput("-ERR No such channel \(uuid)!\n") }
            return live(uuid, text, core)
        }
    }

    /// `uuid_media` and `uuid_media_3p`: taking media back needs a channel in bypass (proxy)
    /// mode, which a loopback leg never is; `off` on one that is not bridged only asks it.
    private static func mediaPath(_ argument: String, _ core: SwitchCore) -> APIOutput {
        let words = fields(argument, 4)
        guard let first = words.first else { return APIOutput("-USAGE: [off] <uuid>\n-ERR Operation failed\n") }
        let off = first.lowercased() == "off"
        let uuid = off ? (words.count > 1 ? words[1] : "") : first
        guard core.leg(uuid) != nil, off else { return APIOutput("-ERR Operation failed\n") }
        return APIOutput("+OK Success\n")
    }

    /// `pause` and `uuid_pause`: CF_HOLD set or cleared without a hold message; the switch
    /// prints nothing.
    private static let pauseMedia: APIImplementation = { argument, core in
        let words = fields(argument, 4)
        guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <on|off>\n") }
        guard core.leg(words[0]) != nil else { return APIOutput("-ERR No such channel!\n") }
        _ = core.withCalls { $0[words[0]].held = words[1].lowercased() == "on" }
        return APIOutput("")
    }

    private static let videoRate: APIImplementation = { argument, core in
        let words = fields(argument, 2)
        guard words.count == 2 else { return APIOutput("-USAGE: <uuid> [auto|manual]\n-ERR Operation Failed\n") }
        return APIOutput(core.leg(words[0]) != nil ? "+OK Success\n" : "-ERR Operation Failed\n")
    }

    /// `switch_separate_string` with at most `limit` fields: runs of spaces separate, the last
    /// field keeps the rest of the line.
    static func fields(_ argument: String, _ limit: Int) -> [String] {
        var result: [String] = []
        var rest = Substring(argument)
        while result.count < limit - 1 {
            rest = rest.drop(while: { $0 == " " })
            guard !rest.isEmpty else { return result }
            let word = rest.prefix(while: { $0 != " " })
            result.append(String(word))
            rest = rest.dropFirst(word.count)
        }
        rest = rest.drop(while: { $0 == " " })
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }
}
