/// Media bugs other than recording's (`uuid_audio`, `uuid_displace`), DTMF a leg receives from
/// `uuid_recv_dtmf`, and the session heartbeat: what a loopback leg, which has no RTP, still does.
extension CallScript {
    /// Adds a media bug: MEDIA_BUG_START with its function and target, as `uuid_record`'s.
    mutating func addBug(_ uuid: String, function: String, target: String) {
        self[uuid].media.bugs.append(.init(function: function, target: target))
        fire("MEDIA_BUG_START", uuid, .mediaBugStart, .init(
            leading: [("Media-Bug-Function", function), ("Media-Bug-Target", target)]))
    }

    /// Removes the first bug with this function (and target, when given); false when there is none.
    mutating func removeBug(_ uuid: String, function: String, target: String? = nil) -> Bool {
        guard let index = self[uuid].media.bugs.firstIndex(where: { $0.function == function && (target == nil || $0.target == target) }) else {
            return false
        }
        let bug = self[uuid].media.bugs.remove(at: index)
        fire("MEDIA_BUG_STOP", uuid, .mediaBugStop, .init(
            leading: [("Media-Bug-Function", bug.function), ("Media-Bug-Target", bug.target)]))
        return true
    }

    /// The hangup takes every bug off the leg, in the order they were added; a recording ends
    /// as one hung up on before anyone spoke.
    mutating func removeAllBugs(_ uuid: String) {
        for bug in self[uuid].media.bugs {
            if bug.function == "session_record" {
                record(uuid, bug.target, start: false, completion: "no-input-timeout")
            } else {
                _ = removeBug(uuid, function: bug.function, target: bug.target)
            }
        }
    }

    /// DTMF queued on the leg itself (by the API: source APP): one DTMF event per digit as the
    /// leg reads them.
    mutating func receiveDTMF(_ uuid: String, _ digits: String, durationMs: Int) {
        self[uuid].digitsDialed += digits
        for digit in digits {
            fire("DTMF", uuid, .dequeueDTMF, .init(variables: false, trailing: [
                ("DTMF-Digit", String(digit)), ("DTMF-Duration", String(durationMs * 8)), ("DTMF-Source", "APP"),
            ]))
        }
    }

    /// `uuid_drop_dtmf <uuid> on`: the leg sends no DTMF to its endpoint (the switch tests the
    /// channel flag that goes with this variable when it sends, not when it receives).
    func dropsDTMF(_ uuid: String) -> Bool {
        book.legs[uuid]?.variables["drop_dtmf"] == "true"
    }

    /// Sets (or, with 0, stops) the session heartbeat; returns the setting's generation, which
    /// the heartbeat's timer checks before it fires.
    mutating func setHeartbeat(_ uuid: String, seconds: Int) -> Int {
        self[uuid].media.heartbeatSeconds = seconds
        self[uuid].media.heartbeatGeneration += 1
        return self[uuid].media.heartbeatGeneration
    }

    /// SESSION_HEARTBEAT, when the leg still has the heartbeat `generation` set; whether it fired.
    mutating func heartbeat(_ uuid: String, generation: Int) -> Bool {
        guard let leg = book.legs[uuid], leg.hangupCause == nil, leg.media.heartbeatSeconds > 0,
              leg.media.heartbeatGeneration == generation else { return false }
        fire("SESSION_HEARTBEAT", uuid, .sessionHeartbeat)
        return true
    }
}

extension SourceLocation {
    // The read loop fires the heartbeat; the line is an estimate, no capture shows this event.
    static let sessionHeartbeat = SourceLocation(file: "switch_core_io.c", function: "switch_core_session_read_frame", line: 1043)
}
