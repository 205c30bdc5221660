/// `playback`: CHANNEL_EXECUTE now, CHANNEL_EXECUTE_COMPLETE with the playback variables when the
/// file has played (capture 24), on the engine's timer.
extension CallScript {
    /// Starts `path` on a leg `loops` times; returns how long it plays. An application the leg was
    /// running (park) resumes afterwards. A playback the dialplan runs (`byMessage` false)
    /// interrupts nothing and sets no `current_loop`/`total_loops`: only an application a
    /// message executes (`sendmsg`, `uuid_broadcast`) has those (capture 69).
    mutating func startPlayback(_ uuid: String, _ path: String, loops: Int, byMessage: Bool = true) -> Duration {
        let interrupted = byMessage ? self[uuid].application : nil
        if byMessage {
            self[uuid].variables.set("current_loop", "1")
            self[uuid].variables.set("total_loops", String(loops))
        }
        beginExecute(uuid, "playback", path)
        self[uuid].interrupted = interrupted
        return .milliseconds(PlaybackLength.milliseconds(path) * max(loops, 1))
    }

    /// The file has played: the playback variables and CHANNEL_EXECUTE_COMPLETE.
    mutating func finishPlayback(_ uuid: String, _ path: String) {
        guard book.legs[uuid] != nil, self[uuid].hangupCause == nil, self[uuid].application?.name == "playback" else { return }
        setPlaybackVariables(uuid, path)
        self[uuid].variables.set("current_application_response", "FILE PLAYED")
        completeExecute(uuid)
        self[uuid].variables.set("current_loop", nil)
        self[uuid].variables.set("total_loops", nil)
        self[uuid].application = self[uuid].interrupted
        self[uuid].interrupted = nil
    }

    /// What `switch_ivr_play_file` leaves on the channel when it ends, before PLAYBACK_STOP.
    mutating func setPlaybackVariables(_ uuid: String, _ path: String) {
        let milliseconds = PlaybackLength.milliseconds(path)
        let samples = milliseconds * 8
        for (name, value) in [("playback_last_offset_pos", String(samples)), ("playback_seconds", String(milliseconds / 1000)),
                              ("playback_ms", String(milliseconds)), ("playback_samples", String(samples))] {
            self[uuid].variables.set(name, value)
        }
    }
}
