/// The `uuid_*` commands that work on a live channel's media and call flow (mod_commands): media
/// bugs (`uuid_audio`, `uuid_displace`, `uuid_buglist`), DTMF (`uuid_drop_dtmf`,
/// `uuid_recv_dtmf`), the playing file (`uuid_fileman`) and the session heartbeat; `break` is
/// `uuid_break` under its old name.
extension APICommands {
    static let mediaChannelCommands: [String: APIImplementation] = [
        "break": liveChannelCommands["uuid_break"]!,
        "uuid_audio": uuidAudio,
        "uuid_buglist": { argument, core in
            guard let uuid = fields(argument, 2).first else { return APIOutput("-USAGE: <uuid>\n") }
            // An unknown channel lists nothing at all.
            guard let leg = core.leg(uuid) else { return APIOutput("") }
            let bugs = leg.media.bugs.map {
                " <media-bug>\n  <function>\($0.function)</function>\n  <target>\($0.target)</target>\n  <thread-locked>0</thread-locked>\n </media-bug>\n"
            }
            return APIOutput("<media-bugs>\n" + bugs.joined() + "</media-bugs>\n")
        },
        "uuid_displace": uuidDisplace,
        "uuid_drop_dtmf": uuidDropDTMF,
        // Only a channel playing a file has a file handle to manage; `stop` marks the file done,
        // so the playback ends as a finished one. The others change how it plays (speed, volume,
        // position, pause), which the mock's fixed playback lengths do not follow.
        "uuid_fileman": { argument, core in
            let words = fields(argument, 4)
            guard words.count >= 2 else { return APIOutput("-USAGE: <uuid> <cmd>:<val>\n") }
            guard let leg = core.leg(words[0]) else { return APIOutput("-ERR No such channel!\n") }
            guard let app = leg.application, app.name == "playback" else { return APIOutput("-ERR No file handle!\n") }
            if words[1].lowercased() == "stop" {
                core.calls.later { core.withCalls { $0.stopBroadcast(words[0], app.data, status: "done") } }
            }
            return APIOutput("+OK\n")
        },
        // The first call adds the speex `preprocess` bug (no target: "N/A"); later ones change
        // its settings, and `stop` makes it leave at its next frame.
        "uuid_preprocess": { argument, core in
            let words = fields(argument, 3)
            guard words.count >= 2 else { return APIOutput("-USAGE: <>\n") }
            guard let leg = core.leg(words[0]) else { return APIOutput("-ERR No such channel!\n") }
            var output = APIOutput("+OK\n")
            if !leg.media.bugs.contains(where: { $0.function == "preprocess" }) {
                (output.events, output.logLines) = core.withCalls { $0.addBug(words[0], function: "preprocess", target: "N/A") }
            } else if words[1].lowercased() == "stop" {
                removeBugAtNextFrame(words[0], function: "preprocess", core)
            }
            return output
        },
        "uuid_recv_dtmf": { argument, core in
            let words = fields(argument, 2)
            guard words.count == 2 else { return APIOutput("-USAGE: <uuid> <dtmf_data>\n") }
            guard core.leg(words[0]) != nil else { return APIOutput("-ERR Cannot locate session!\n") }
            // `+` separates groups, each with its own `@ms` (longer than the 50 ms minimum, else
            // the default 250 ms).
            let groups = words[1].drop { $0 == "~" }.split(separator: "+").map { group in
                let spec = group.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
                let asked = spec.count > 1 ? CNumber.atol(String(spec[1])) : 0
                return (String(spec[0]).filter { "0123456789*#ABCDabcdWwFf".contains($0) }, asked > 50 ? asked : 250)
            }
            guard groups.contains(where: { !$0.0.isEmpty }) else { return APIOutput("-USAGE: <uuid> <dtmf_data>\n") }
            // The digits wait in the channel's queue until its session reads them.
            core.calls.later {
                core.withCalls { script in
                    for (digits, duration) in groups { script.receiveDTMF(words[0], digits, durationMs: duration) }
                }
            }
            return APIOutput("+OK \(words[0]) received DTMF \(words[1]).\n")
        },
        "uuid_session_heartbeat": uuidSessionHeartbeat,
    ]

    /// `<uuid> [start [read|write] [mute|level <level>]|stop]`: one `audio` bug per channel,
    /// whose settings a second start changes.
    private static let uuidAudio: APIImplementation = { argument, core in
        let usage = APIOutput("-USAGE: <uuid> [start [read|write] [mute|level <level>]|stop]\n")
        let words = fields(argument, 5)
        guard words.count >= 2 else { return usage }
        guard let leg = core.leg(words[0]) else { return APIOutput("-ERR No such channel!\n") }
        var output = APIOutput("+OK\n")
        if words[1].lowercased() == "stop" {
            (output.events, output.logLines) = core.withCalls { _ = $0.removeBug(words[0], function: "audio") }
            return output
        }
        guard words[1].lowercased() == "start", words.count == 5, ["read", "write"].contains(words[2].lowercased()),
              ["mute", "level"].contains(words[3].lowercased()) else { return usage }
        guard !leg.media.bugs.contains(where: { $0.function == "audio" }) else { return output }
        (output.events, output.logLines) = core.withCalls { $0.addBug(words[0], function: "audio", target: words[3]) }
        // A bug with nothing to do (mute 0, or a level of 0 or outside -4…4) leaves at its first frame.
        let level = CNumber.atol(words[4])
        if level == 0 || (words[3].lowercased() == "level" && abs(level) >= 5) {
            removeBugAtNextFrame(words[0], function: "audio", core)
        }
        return output
    }

    /// A bug's callback that returns false ends it on the next frame (20 ms).
    private static func removeBugAtNextFrame(_ uuid: String, function: String, _ core: SwitchCore) {
        core.calls.later(.milliseconds(20)) {
            core.withCalls { script in
                guard script.book.legs[uuid] != nil else { return }
                _ = script.removeBug(uuid, function: function)
            }
        }
    }

    /// `<uuid> [start|stop] <path> [<limit>] [mux]`: a `displace` bug per file, which ends with
    /// the file (or its limit, or never with the `l`oop flag) unless stopped first.
    private static let uuidDisplace: APIImplementation = { argument, core in
        let usage = APIOutput("-USAGE: <uuid> [start|stop] <path> [<limit>] [mux]\n")
        let words = fields(argument, 5)
        guard words.count >= 3 else { return usage }
        let uuid = words[0]
        guard let leg = core.leg(uuid) else { return APIOutput("-ERR Cannot locate session!\n") }
        // Start opens the file by its full name, and notes the bug under it; stop looks for the
        // name it is given, so a relative name cannot be stopped.
        let path = words[1].lowercased() == "start" ? displacedFile(words[2], leg, core) : words[2]
        let running = leg.media.bugs.contains { $0.target == path && ["displace", "session_record"].contains($0.function) }
        var output = APIOutput("+OK Success\n")
        switch words[1].lowercased() {
        case "start":
            guard !running else { return APIOutput("-ERR Cannot displace session!\n") }
            (output.events, output.logLines) = core.withCalls { $0.addBug(uuid, function: "displace", target: path) }
            let limit = words.count > 3 ? (Int(words[3]) ?? 0) * 1000 : 0
            let loops = words.count > 4 && words[4].contains("l")
            let file = PlaybackLength.milliseconds(path)
            let ends = loops ? limit : (limit > 0 ? min(limit, file) : file)
            if ends > 0 {
                core.calls.later(.milliseconds(ends)) {
                    core.withCalls { script in
                        guard script.book.legs[uuid] != nil else { return }
                        _ = script.removeBug(uuid, function: "displace", target: path)
                    }
                }
            }
        case "stop":
            guard leg.media.bugs.contains(.init(function: "displace", target: path)) else {
                return APIOutput("-ERR Cannot stop displace session!\n")
            }
            (output.events, output.logLines) = core.withCalls { _ = $0.removeBug(uuid, function: "displace", target: path) }
        default:
            return usage
        }
        return output
    }

    /// The file `uuid_displace` opens: a bare name under `sound_prefix` (else the base
    /// directory), with the read codec's name as its extension when it has none.
    private static func displacedFile(_ file: String, _ leg: CallLeg, _ core: SwitchCore) -> String {
        guard !file.contains("://") else { return file }
        var path = file
        if !file.hasPrefix("/") {
            path = (leg.variables["sound_prefix"] ?? core.globalVariable("base_dir") ?? "") + "/" + file
        }
        return path.contains(".") ? path : path + ".L16"
    }

    /// `<uuid> [on | off ] [ mask_digits <digits> | mask_file <file>]`: the flag and its
    /// variables, then what the channel does now.
    private static let uuidDropDTMF: APIImplementation = { argument, core in
        let usage = APIOutput("-USAGE: <uuid> [on | off ] [ mask_digits <digits> | mask_file <file>]\n")
        let words = fields(argument, 5)
        guard words.count >= 4 else { return usage }
        let uuid = words[0]
        guard core.leg(uuid) != nil else { return APIOutput("-ERR No such channel \(uuid)!\n") }
        let maskVariable: String
        switch words[2].lowercased() {
        case "mask_digits": maskVariable = "drop_dtmf_masking_digits"
        case "mask_file": maskVariable = "drop_dtmf_masking_file"
        default:
            _ = core.withCalls { script in
                script[uuid].variables.set("drop_dtmf_masking_digits", nil)
                script[uuid].variables.set("drop_dtmf_masking_file", nil)
            }
            return usage
        }
        var variables = ChannelVariables()
        _ = core.withCalls { script in
            script[uuid].variables.set("drop_dtmf_masking_digits", nil)
            script[uuid].variables.set("drop_dtmf_masking_file", nil)
            script[uuid].variables.set(maskVariable, words[3])
            script[uuid].variables.set("drop_dtmf", words[1].lowercased() == "on" ? "true" : "false")
            variables = script[uuid].variables
        }
        let dropping = variables["drop_dtmf"] == "true" ? "dropping" : "not dropping"
        return APIOutput("+OK \(uuid) is \(dropping) DTMF. mask_file: \(variables["drop_dtmf_masking_file"] ?? "NONE") mask_digits: \(variables["drop_dtmf_masking_digits"] ?? "NONE")\n")
    }

    /// `<uuid> [sched] [0|<seconds>]`: SESSION_HEARTBEAT every so many seconds (60 unless a
    /// positive number is given; 0 or a false word turns it off), the first one an interval after
    /// (or at once with `heartbeat_fire_on_set`).
    private static let uuidSessionHeartbeat: APIImplementation = { argument, core in
        let syntax = "uuid_session_heartbeat <uuid> [sched] [0|<seconds>]"
        let words = fields(argument, 3)
        guard words.count >= 2 else { return APIOutput("-USAGE: \(syntax)\n") }
        guard let leg = core.leg(words[0]) else { return APIOutput("-ERR Cannot locate session. USAGE: \(syntax)\n") }
        let setting = words[1].lowercased() == "sched" ? (words.count > 2 ? words[2] : "") : words[1]
        var seconds = 60
        if let number = Int(setting) {
            if number > 0 { seconds = number }
        } else if !SwitchTrue.isTrue(setting) {
            seconds = 0
        }
        var generation = 0
        _ = core.withCalls { generation = $0.setHeartbeat(words[0], seconds: seconds) }
        // `heartbeat_fire_on_set` makes the first one come with the next frame.
        let first: Duration = SwitchTrue.isTrue(leg.variables["heartbeat_fire_on_set"] ?? "") ? .milliseconds(20) : .seconds(seconds)
        if seconds > 0 { scheduleHeartbeat(words[0], after: first, every: seconds, generation: generation, core) }
        return APIOutput("+OK\n")
    }

    private static func scheduleHeartbeat(_ uuid: String, after delay: Duration, every seconds: Int, generation: Int, _ core: SwitchCore) {
        core.calls.later(delay) {
            var fired = false
            let result = core.withCalls { fired = $0.heartbeat(uuid, generation: generation) }
            if fired { scheduleHeartbeat(uuid, after: .seconds(seconds), every: seconds, generation: generation, core) }
            return result
        }
    }
}
