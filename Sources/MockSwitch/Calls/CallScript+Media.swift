/// What the `uuid_*` media commands do to a leg: DTMF, broadcast playback, recording, hold, park
/// and transfer, each with the events capture 68 shows.
extension CallScript {
    /// One DTMF event per digit, on the leg that hears them (a loopback's partner).
    mutating func sendDTMF(_ uuid: String, _ digits: String, durationMs: Int) {
        let target = self[uuid].loopbackPartner.flatMap { book.legs[$0] != nil ? $0 : nil } ?? uuid
        // The sending leg notes the duration it sent (capture 68).
        if !digits.isEmpty { self[uuid].variables.set("last_dtmf_duration", String(durationMs * 8)) }
        guard !dropsDTMF(uuid) else { return }
        self[target].digitsDialed += digits
        for digit in digits {
            // A DTMF event carries the channel and its profile, not its variables (capture 68).
            fire("DTMF", target, .dequeueDTMF, .init(variables: false, trailing: [
                ("DTMF-Digit", String(digit)), ("DTMF-Duration", String(durationMs * 8)), ("DTMF-Source", "UNKNOWN"),
            ]))
        }
    }

    /// `uuid_broadcast`: the file plays inside whatever the leg runs (park resumes after). The
    /// switch queues it as a COMMAND event (`event-lock`, five lead frames) that the session
    /// parses, runs, then fires as PRIVATE_COMMAND with its own headers and the channel's added
    /// below the first ones (capture 68).
    mutating func startBroadcast(_ uuid: String, _ path: String) -> Duration {
        var command = core.events.makeEvent("COMMAND", source: .broadcast, time: now)
        for (name, value) in [("call-command", "execute"), ("execute-app-name", "playback"), ("execute-app-arg", path),
                              ("event-lock", "true"), ("lead-frames", "5")] {
            command.addHeader(name, value)
        }
        self[uuid].queuedCommand = command
        let length = startPlayback(uuid, path, loops: 1)
        fire("PLAYBACK_START", uuid, .playbackStart, .init(trailing: playbackHeaders(path)))
        return length
    }

    /// The broadcast ended (`done`) or was broken (`break`).
    mutating func stopBroadcast(_ uuid: String, _ path: String, status: String) {
        guard book.legs[uuid] != nil, self[uuid].application?.name == "playback", self[uuid].application?.data == path else { return }
        setPlaybackVariables(uuid, path, broken: status == "break")
        fire("PLAYBACK_STOP", uuid, .playbackStop, .init(trailing: playbackHeaders(path) + [("Playback-Status", status)]))
        finishPlayback(uuid, path)
        if let command = self[uuid].queuedCommand {
            self[uuid].queuedCommand = nil
            firePrivateCommand(uuid, command)
        }
    }

    func playbackHeaders(_ path: String) -> [(String, String)] {
        let type = path.firstRange(of: "://").map { String(path[..<$0.lowerBound]) } ?? "file"
        return [("Playback-File-Type", type), ("Playback-File-Path", path)]
    }

    /// `uuid_record start|stop`: RECORD_* and the media bug's events.
    mutating func record(_ uuid: String, _ path: String, start: Bool, completion: String = "success-maxtime") {
        if start {
            self[uuid].recordStartedAt = now
            self[uuid].media.bugs.append(.init(function: "session_record", target: path))
            fire("RECORD_START", uuid, .recordStart, .init(trailing: [("Record-File-Path", path)]))
            fire("MEDIA_BUG_START", uuid, .mediaBugStart, .init(
                leading: [("Media-Bug-Function", "session_record"), ("Media-Bug-Target", path)]))
        } else {
            // What was recorded: 16-bit samples at 8 kHz after a 44-byte WAV header (capture 68).
            let milliseconds = max((now - self[uuid].recordStartedAt) / 1000, 0)
            let samples = milliseconds * 8
            for (name, value) in [("record_file_size", String(44 + samples * 2)), ("record_samples", String(samples)),
                                  ("record_seconds", String(milliseconds / 1000)), ("record_ms", String(milliseconds)),
                                  ("record_completion_cause", completion)] {
                self[uuid].variables.set(name, value)
            }
            self[uuid].media.bugs.removeAll { $0 == .init(function: "session_record", target: path) }
            fire("RECORD_STOP", uuid, .recordStop, .init(trailing: [("Record-File-Path", path),
                                                                     ("Record-Completion-Cause", completion)]))
            fire("MEDIA_BUG_STOP", uuid, .mediaBugStop, .init(
                leading: [("Media-Bug-Function", "session_record"), ("Media-Bug-Target", path)]))
        }
    }

    /// CHANNEL_HOLD / CHANNEL_UNHOLD.
    mutating func hold(_ uuid: String, on: Bool) {
        self[uuid].held = on
        fire(on ? "CHANNEL_HOLD" : "CHANNEL_UNHOLD", uuid, on ? .hold : .unhold)
    }

    /// Leaves the running application (UNPARK for park) before a park or transfer.
    mutating func interrupt(_ uuid: String) {
        if self[uuid].parked {
            self[uuid].parked = false
            fire("CHANNEL_UNPARK", uuid, .unpark)
        }
        completeExecute(uuid)
        self[uuid].application = nil
    }

    /// `uuid_park`: the leg goes to CS_PARK and parks there.
    mutating func park(_ uuid: String) {
        self[uuid].state = .park
        interrupt(uuid)
        run(uuid, .park)
        self[uuid].parked = true
        fire("CHANNEL_PARK", uuid, .park)
    }

    /// `uuid_transfer`: the leg routes `destination` again and runs what it finds.
    mutating func transfer(_ uuid: String, to destination: String, context: String, dialplanName: String? = nil, dialplan: Dialplan) {
        self[uuid].state = .routing
        releaseLimitsOnTransfer(uuid)
        // A new profile, as the extension form's, before the leg leaves what it ran; routing sets
        // call_uuid again (capture 68). The leg is now inbound to the dialplan.
        blindTransfer(uuid, to: destination, context: context, dialplanName: dialplanName ?? self[uuid].profile?.dialplan ?? "XML")
        self[uuid].profile?.logicalDirection = "inbound"
        interrupt(uuid)
        self[uuid].variables.set("call_uuid", self[uuid].variables["call_uuid"] ?? uuid)
        run(uuid, .routing)
        guard let steps = huntDialplan(uuid, context: context, dialplan: dialplan) else {
            beginHangup(uuid, cause: "NO_ROUTE_DESTINATION")
            finishHangup(uuid)
            return
        }
        self[uuid].state = .execute
        run(uuid, .execute)
        runSteps(uuid, steps)
    }
}

extension SourceLocation {
    static let broadcast = SourceLocation(file: "switch_ivr_async.c", function: "switch_ivr_broadcast", line: 5732)
    static let parseNextEvent = SourceLocation(file: "switch_ivr.c", function: "switch_ivr_parse_next_event", line: 804)
    static let dequeueDTMF = SourceLocation(file: "switch_channel.c", function: "switch_channel_dequeue_dtmf", line: 678)
    static let playbackStart = SourceLocation(file: "switch_ivr_play_say.c", function: "switch_ivr_play_file", line: 1649)
    static let playbackStop = SourceLocation(file: "switch_ivr_play_say.c", function: "switch_ivr_play_file", line: 2023)
    static let recordStart = SourceLocation(file: "switch_ivr_async.c", function: "record_callback", line: 1482)
    static let recordStop = SourceLocation(file: "switch_ivr_async.c", function: "send_record_stop_event", line: 1241)
    static let mediaBugStart = SourceLocation(file: "switch_core_media_bug.c", function: "switch_core_media_bug_add", line: 1014)
    static let mediaBugStop = SourceLocation(file: "switch_core_media_bug.c", function: "switch_core_media_bug_destroy", line: 84)
    static let hold = SourceLocation(file: "switch_ivr.c", function: "switch_ivr_hold", line: 1558)
    static let unhold = SourceLocation(file: "switch_ivr.c", function: "switch_ivr_unhold", line: 1598)
    static let uuidDump = SourceLocation(file: "mod_commands.c", function: "uuid_dump_function", line: 6495)
}
