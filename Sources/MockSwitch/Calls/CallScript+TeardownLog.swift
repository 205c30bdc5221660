/// The lines a session's teardown logs (`switch_core_session_hangup_state`, the reporting and
/// destroy states, `switch_core_session_thread` letting go): one call per stretch a thread runs,
/// so ``CallScript/finishHangup(_:)`` can interleave two legs as capture 31 shows.
extension CallScript {
    /// `State REPORTING`.
    func logReporting(_ uuid: String) {
        logState(uuid, .reporting)
    }

    /// The core's REPORTING handler and the request for CS_DESTROY.
    func logReported(_ uuid: String) {
        logStandard(uuid, .reporting)
        logState(uuid, .reporting, sleeping: true)
        logStateChange(uuid, .reporting, .destroy, .reportingDone)
    }

    /// The session thread waits for whoever still holds the session.
    func logLocked(_ uuid: String) {
        log(7, "Session \(self[uuid].sessionID) (\(self[uuid].name)) Locked, Waiting on external entities", .sessionLocked, uuid)
    }

    func logEnded(_ uuid: String) {
        log(5, "Session \(self[uuid].sessionID) (\(self[uuid].name)) Ended", .sessionEnded, uuid)
    }

    func logClosed(_ uuid: String) {
        log(5, "Close Channel \(self[uuid].name) [CS_DESTROY]", .sessionClosed, uuid, channel: .log)
    }

    /// CS_DESTROY's handlers, after its `Running State Change`.
    func logDestroyed(_ uuid: String) {
        logState(uuid, .destroy)
        logStandard(uuid, .destroy)
        logState(uuid, .destroy, sleeping: true)
    }
}

extension SourceLocation {
    /// Unverified: where a hangup is logged when no capture shows who asked for it.
    static let channelHangup = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_hangup", line: 3506)
    static let killUUID = SourceLocation(file: "switch_ivr.c", function: "switch_ivr_kill_uuid", line: 4404)
    static let loopbackHangsUpPartner = SourceLocation(file: "mod_loopback.c", function: "channel_on_hangup", line: 585)
    static let loopbackKill = SourceLocation(file: "mod_loopback.c", function: "channel_kill_channel", line: 610)
    static let hangupDone = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 616)
    static let reportingDone = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 607)
    static let sessionLocked = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_thread", line: 1748)
    static let sessionEnded = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_thread", line: 1766)
    static let sessionClosed = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_thread", line: 1770)
}
