/// Hanging up: `switch_channel_perform_hangup` (CHANNEL_HANGUP), the session thread leaving its
/// application (UNPARK, EXECUTE_COMPLETE), CS_HANGUP, CS_REPORTING (HANGUP_COMPLETE with the CDR
/// variables) and CS_DESTROY, in the interleaving of a loopback pair that capture 21 shows.
extension CallScript {
    /// CHANNEL_HANGUP: the part that happens in the thread that asked (`uuid_kill`), which is
    /// `source` in the log line.
    mutating func beginHangup(_ uuid: String, cause: String, from source: SourceLocation = .channelHangup) {
        guard let leg = book.legs[uuid], leg.hangupCause == nil else { return }
        log(5, "Hangup \(leg.name) [\(leg.state.name)] [\(cause)]", source, uuid, channel: .log)
        if leg.loopbackPartner != nil { log(7, "\(leg.name) CHANNEL KILL", .loopbackKill, uuid) }
        self[uuid].state = .hangup
        self[uuid].answerState = "hangup"
        self[uuid].hangupCause = cause
        hangupCauses[uuid] = cause
        if let bridge = leg.bridge {
            // The peer learns why its bridge went; the leg notes its side (capture 69).
            if let peer = book.legs[bridge.peer], peer.hangupCause == nil {
                self[bridge.peer].variables.set("last_bridge_hangup_cause", cause)
            }
            self[uuid].variables.set("last_bridge_role", bridge.role)
        }
        fire("CHANNEL_HANGUP", uuid, .hangup)
    }

    /// The rest, for the leg and its loopback partner. When both were hung up at once (`hupall`),
    /// the two session threads interleave as capture 22 shows; when one was (`uuid_kill`), the
    /// loopback hangs up the other from the first one's thread, as capture 21 shows.
    mutating func finishHangup(_ uuid: String) {
        guard let leg = book.legs[uuid], let cause = leg.hangupCause else { return }
        // The leg's thread is inside `socket`: the teardown runs when the application returns.
        if leg.socket?.holdsThread == true { return }
        let partner = leg.loopbackPartner.flatMap { book.legs[$0] != nil ? $0 : nil }
        if let partner, self[partner].hangupCause != nil, self[partner].runningState != .hangup {
            let (a, b) = leg.direction == .outbound ? (uuid, partner) : (partner, uuid)
            return finishBoth(a, b)
        }
        // The hangup's kill signal unlinks the loopback pair, which fails the other half's next
        // read. A leg parked by uuid_park (CS_PARK) has no application to leave, so that read
        // wins: the other half leaves its park application and ends its dialplan with
        // NORMAL_CLEARING before this leg's hangup handler reaches it (capture 68). A leg that was
        // running an application gets there first and passes its own cause on, either way round
        // (captures 21, 71, 74).
        let partnerLeftFirst = leg.runningState == .park
        if let partner, partnerLeftFirst {
            unpark(partner)
            completeExecute(partner)
            self[partner].application = nil
        }
        unwind(uuid)
        if let partner { beginHangup(partner, cause: partnerLeftFirst ? "NORMAL_CLEARING" : cause, from: .loopbackHangsUpPartner) }
        report(uuid, step: .state)
        logReporting(uuid)
        logReported(uuid)
        logLocked(uuid)
        report(uuid, step: .complete)
        if let partner {
            unwind(partner)
            report(partner, step: .state)
            // The two session threads' last lines interleave as capture 31 shows.
            logEnded(uuid)
            logReporting(partner)
            logClosed(uuid)
            logReported(partner)
            logRunning(uuid, .destroy, ended: 1)
            logLocked(partner)
            logEnded(partner)
            logClosed(partner)
            logDestroyed(uuid)
            logRunning(partner, .destroy, ended: 2)
            logDestroyed(partner)
        } else {
            logEnded(uuid)
            logClosed(uuid)
            logRunning(uuid, .destroy, ended: 1)
            logDestroyed(uuid)
        }
        destroy(uuid)
        if let partner {
            report(partner, step: .complete)
            destroy(partner)
        }
    }

    private mutating func finishBoth(_ a: String, _ b: String) {
        unwind(a)
        report(a, step: .state)
        logReporting(a)
        logReported(a)
        logLocked(a)
        unpark(b)
        report(a, step: .complete)
        unwind(b)
        report(b, step: .state)
        logReporting(b)
        logReported(b)
        logLocked(b)
        report(b, step: .complete)
        for (uuid, ended) in [(b, 1), (a, 2)] {
            logEnded(uuid)
            logClosed(uuid)
            logRunning(uuid, .destroy, ended: ended)
            logDestroyed(uuid)
        }
        destroy(b)
        destroy(a)
    }

    private mutating func unpark(_ uuid: String) {
        if self[uuid].parked {
            self[uuid].parked = false
            fire("CHANNEL_UNPARK", uuid, .unpark)
        }
    }

    private mutating func unwind(_ uuid: String) {
        _ = endBridge(uuid)
        unpark(uuid)
        completeExecute(uuid)
        // The session thread comes back from the application it was running.
        if self[uuid].runningState == .execute { logState(uuid, .execute, sleeping: true) }
        removeAllBugs(uuid)
        releaseLimits(uuid)
        run(uuid, .hangup)
        logRunning(uuid, .hangup)
        let time = now
        self[uuid].profile?.hangupAt = time
        callState(uuid, .hangup)
        logState(uuid, .hangup)
        logLoopback(uuid, .hangup)
    }

    private enum ReportStep { case state, complete }

    private mutating func report(_ uuid: String, step: ReportStep) {
        switch step {
        case .state:
            logStandard(uuid, .hangup)
            logState(uuid, .hangup, sleeping: true)
            logStateChange(uuid, .hangup, .reporting, .hangupDone)
            self[uuid].state = .reporting
            run(uuid, .reporting)
            logRunning(uuid, .reporting)
        case .complete:
            setCDRVariables(uuid)
            fire("CHANNEL_HANGUP_COMPLETE", uuid, .reportingState, .init(leading: [("Hangup-Cause", self[uuid].hangupCause ?? "")]))
        }
    }

    mutating func destroy(_ uuid: String) {
        guard book.legs[uuid] != nil else { return }
        if case .originatee(let a)? = self[uuid].bridge, book.legs[a] != nil {
            // The originator's bridge thread still holds this leg: it is destroyed when the
            // bridge ends, now if the originator is up (it then goes on with its dialplan).
            self[uuid].destroyWhenUnbridged = true
            guard self[a].hangupCause == nil, let next = endBridge(a) else { return }
            completeExecute(a)
            runSteps(a, next.steps, hangUpAtEnd: next.hangUpAtEnd)
            return
        }
        self[uuid].state = .destroy
        fire("CHANNEL_DESTROY", uuid, .destroy)
        run(uuid, .destroy)
        remove(uuid)
    }

    /// The variables `switch_channel_process_export`/`switch_ivr_generate_cdr` leave on a channel
    /// at CS_REPORTING: cause, stamps, epochs and the durations derived from them.
    private mutating func setCDRVariables(_ uuid: String) {
        var leg = self[uuid]
        guard let profile = leg.profile else { return }
        let cause = leg.hangupCause ?? "NORMAL_CLEARING"
        let zone = core.clock.timeZone
        let start = profile.createdAt, answered = profile.answeredAt, end = now
        func stamp(_ micros: Int64) -> String { SwitchTimeText.local(micros, zone) }
        func seconds(_ micros: Int64) -> String { String(micros.floorDiv(1_000_000)) }
        func span(_ from: Int64, _ to: Int64, _ unit: Int64) -> String {
            from == 0 || to == 0 ? "0" : String(to / unit - from / unit)
        }
        var values: [(String, String)] = [
            ("hangup_cause", cause), ("hangup_cause_q850", String(HangupCause.q850(cause))), ("digits_dialed", leg.digitsDialed.isEmpty ? "none" : leg.digitsDialed),
            ("start_stamp", stamp(start)), ("profile_start_stamp", stamp(start)),
        ]
        if answered != 0 { values.append(("answer_stamp", stamp(answered))) }
        if profile.bridgedAt != 0 { values.append(("bridge_stamp", stamp(profile.bridgedAt))) }
        values += [
            ("end_stamp", stamp(end)), ("start_epoch", seconds(start)), ("start_uepoch", String(start)),
            ("profile_start_epoch", seconds(start)), ("profile_start_uepoch", String(start)),
            ("answer_epoch", seconds(answered)), ("answer_uepoch", String(answered)),
            ("bridge_epoch", seconds(profile.bridgedAt)), ("bridge_uepoch", String(profile.bridgedAt)),
            ("last_hold_epoch", "0"), ("last_hold_uepoch", "0"),
            ("hold_accum_seconds", "0"), ("hold_accum_usec", "0"), ("hold_accum_ms", "0"),
            ("resurrect_epoch", "0"), ("resurrect_uepoch", "0"),
            ("progress_epoch", seconds(profile.progressAt)), ("progress_uepoch", String(profile.progressAt)),
            ("progress_media_epoch", seconds(profile.progressMediaAt)), ("progress_media_uepoch", String(profile.progressMediaAt)),
            ("end_epoch", seconds(end)), ("end_uepoch", String(end)),
            ("last_app", leg.lastApplication?.name ?? ""), ("last_arg", leg.lastApplication?.data ?? ""),
            ("caller_id", profile.callerIDName.isEmpty ? profile.callerIDNumber : "\"\(profile.callerIDName)\" <\(profile.callerIDNumber)>"),
        ]
        let billFrom = answered != 0 ? answered : 0
        for (suffix, unit) in [("sec", Int64(1_000_000)), ("msec", 1000), ("usec", 1)] {
            let name = suffix == "sec" ? "duration" : suffix == "msec" ? "mduration" : "uduration"
            values.append((name, span(start, end, unit)))
            values.append(("bill\(suffix)", span(billFrom, end, unit)))
            values.append(("progress\(suffix)", span(start, profile.progressAt, unit)))
            values.append(("answer\(suffix)", span(start, answered, unit)))
            values.append(("wait\(suffix)", span(start, answered, unit)))
            values.append(("progress_media\(suffix)", span(start, profile.progressMediaAt, unit)))
            values.append(("flow_bill\(suffix)", span(start, end, unit)))
        }
        if leg.loopbackPartner != nil { values.append(("is_loopback", "1")) }
        for (name, value) in values { leg.variables.set(name, value) }
        self[uuid] = leg
    }
}
