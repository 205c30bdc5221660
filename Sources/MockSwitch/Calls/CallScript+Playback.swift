/// `playback`: CHANNEL_EXECUTE now, CHANNEL_EXECUTE_COMPLETE with the playback variables when the
/// file has played (capture 24), on the engine's timer.
extension CallScript {
    /// Starts `path` on a leg `loops` times; returns how long it plays. An application the leg was
    /// running (park) resumes afterwards. A playback the dialplan runs (`byMessage` false)
    /// interrupts nothing and sets no `current_loop`/`total_loops`: only an application a
    /// message executes (`sendmsg`, `uuid_broadcast`) has those (capture 69).
    /// Each of a message's `loops` is one execution (`loop` counts from 1); returns how long one
    /// plays.
    mutating func startPlayback(_ uuid: String, _ path: String, loops: Int, loop: Int = 1, byMessage: Bool = true) -> Duration {
        let interrupted = byMessage ? (loop > 1 ? self[uuid].interrupted : self[uuid].application) : nil
        if byMessage {
            self[uuid].variables.set("current_loop", String(loop))
            self[uuid].variables.set("total_loops", String(loops))
        }
        beginExecute(uuid, "playback", path)
        self[uuid].interrupted = interrupted
        self[uuid].playbackStartedAt = now
        return .milliseconds(PlaybackLength.milliseconds(path))
    }

    /// The file has played: the playback variables and CHANNEL_EXECUTE_COMPLETE.
    /// `last` is false between a message's loops: the loop variables stay and nothing resumes yet.
    mutating func finishPlayback(_ uuid: String, _ path: String, last: Bool = true) {
        guard book.legs[uuid] != nil, self[uuid].hangupCause == nil, self[uuid].application?.name == "playback" else { return }
        setPlaybackVariables(uuid, path)
        self[uuid].variables.set("current_application_response", "FILE PLAYED")
        completeExecute(uuid)
        guard last else { return }
        self[uuid].variables.set("current_loop", nil)
        self[uuid].variables.set("total_loops", nil)
        self[uuid].application = self[uuid].interrupted
        self[uuid].interrupted = nil
    }

    /// What `switch_ivr_play_file` leaves on the channel when it ends, before PLAYBACK_STOP: the
    /// whole file, or as much as played when it was broken off.
    mutating func setPlaybackVariables(_ uuid: String, _ path: String, broken: Bool = false) {
        let played = max(Int((now - self[uuid].playbackStartedAt) / 1000), 0)
        let milliseconds = broken ? min(played, PlaybackLength.milliseconds(path)) : PlaybackLength.milliseconds(path)
        let samples = milliseconds * 8
        for (name, value) in [("playback_last_offset_pos", String(samples)), ("playback_seconds", String(milliseconds / 1000)),
                              ("playback_ms", String(milliseconds)), ("playback_samples", String(samples))] {
            self[uuid].variables.set(name, value)
        }
    }
}
