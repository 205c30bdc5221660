/// The DEBUG lines FreeSWITCH's state machine writes for a session (capture 31): a state asked
/// for, the session thread running it (`Running State Change`, with the switch's session counts),
/// the state's handlers (`State X`, the endpoint's `CHANNEL X`, the core's `Standard X`) and the
/// thread going to sleep. Each is one call, so a caller can interleave two legs' threads the way
/// the capture shows them. None formats anything unless a listener logs at DEBUG.
extension CallScript {
    /// `(name) State Change CS_A -> CS_B`, logged where the state is asked for.
    func logStateChange(_ uuid: String, _ from: ChannelState, _ to: ChannelState, _ source: SourceLocation) {
        log(7, "(\(self[uuid].name)) State Change \(from.name) -> \(to.name)", source, uuid, channel: .log)
    }

    /// `(name) Running State Change CS_X (Cur N Tot M)`: the sessions up (less `ended`, those that
    /// ended but are still being torn down) and the sessions since start-up.
    func logRunning(_ uuid: String, _ state: ChannelState, ended: Int = 0) {
        guard logs(7) else { return }
        let source: SourceLocation = state == .destroy ? .destroyStateRunning : .sessionRunRunning
        let current = book.legs.count - ended, total = core.statistics.sessionsSinceStartup
        log(7, "(\(self[uuid].name)) Running State Change \(state.name) (Cur \(current) Tot \(total))", source, uuid, channel: .log)
    }

    /// `(name) State X`, or `… going to sleep` when its handlers are done.
    func logState(_ uuid: String, _ state: ChannelState, sleeping: Bool = false) {
        log(7, "(\(self[uuid].name)) State \(state.name.dropFirst(3))\(sleeping ? " going to sleep" : "")", Self.stateSource(state), uuid)
    }

    /// `(name) Callstate Change A -> B`.
    func logCallState(_ uuid: String, _ from: CallState, _ to: CallState) {
        let source: SourceLocation = switch to {
        case .ringing: .callStateRinging
        case .hangup: .callStateHangup
        default: .callStateAnswered
        }
        log(7, "(\(self[uuid].name)) Callstate Change \(from.name) -> \(to.name)", source, uuid, channel: .log)
    }

    /// mod_loopback's handler line for a state (`name CHANNEL ROUTING`); other endpoints log none.
    func logLoopback(_ uuid: String, _ state: ChannelState) {
        guard self[uuid].loopbackPartner != nil else { return }
        let name = self[uuid].name
        switch state {
        case .routing: log(7, "\(name) CHANNEL ROUTING", .loopbackRouting, uuid)
        case .execute: log(7, "\(name) CHANNEL EXECUTE", .loopbackExecute, uuid)
        case .hangup: log(7, "\(name) CHANNEL HANGUP", .loopbackHangup, uuid)
        // Without the channel's name: mod_loopback prints it so.
        case .consumeMedia: log(7, "CHANNEL CONSUME_MEDIA", .loopbackConsumeMedia, uuid)
        default: break
        }
    }

    /// The core's own handler line (`name Standard ROUTING`, `… HANGUP, cause: X`).
    func logStandard(_ uuid: String, _ state: ChannelState) {
        let leg = self[uuid]
        let word = state.name.dropFirst(3)
        let cause = state == .hangup || state == .reporting ? ", cause: \(leg.hangupCause ?? "NORMAL_CLEARING")" : ""
        log(7, "\(leg.name) Standard \(word)\(cause)", Self.standardSource(state), uuid)
    }

    /// The session thread entering `state`: running, the state's line, the endpoint's handler.
    func logEnter(_ uuid: String, _ state: ChannelState, ended: Int = 0) {
        logRunning(uuid, state, ended: ended)
        logState(uuid, state)
        logLoopback(uuid, state)
    }

    private static func stateSource(_ state: ChannelState) -> SourceLocation {
        switch state {
        case .initial: .stateInit
        case .routing: .stateRouting
        case .consumeMedia: .stateConsumeMedia
        case .hangup: .stateHangup
        case .reporting: .stateReporting
        case .destroy: .stateDestroy
        default: .stateExecute
        }
    }

    private static func standardSource(_ state: ChannelState) -> SourceLocation {
        switch state {
        case .routing: .standardRouting
        case .hangup: .standardHangup
        case .reporting: .standardReporting
        case .destroy: .standardDestroy
        default: .standardExecute
        }
    }
}

extension SourceLocation {
    static let sessionRunRunning = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 581)
    static let destroyStateRunning = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_destroy_state", line: 735)
    static let stateInit = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 624)
    static let stateRouting = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 640)
    static let stateExecute = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 647)
    static let stateConsumeMedia = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 659)
    static let stateHangup = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_hangup_state", line: 846)
    static let stateReporting = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_reporting_state", line: 932)
    static let stateDestroy = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_destroy_state", line: 745)
    static let standardRouting = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_standard_on_routing", line: 230)
    static let standardExecute = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_standard_on_execute", line: 323)
    static let standardHangup = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_standard_on_hangup", line: 59)
    static let standardReporting = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_standard_on_reporting", line: 168)
    static let standardDestroy = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_standard_on_destroy", line: 175)
    static let callStateRinging = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_set_running_state", line: 2400)
    static let callStateAnswered = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_mark_answered", line: 3914)
    static let callStateHangup = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_hangup_state", line: 844)
    static let loopbackRouting = SourceLocation(file: "mod_loopback.c", function: "channel_on_routing", line: 412)
    static let loopbackExecute = SourceLocation(file: "mod_loopback.c", function: "channel_on_execute", line: 454)
    static let loopbackHangup = SourceLocation(file: "mod_loopback.c", function: "channel_on_hangup", line: 569)
    static let loopbackConsumeMedia = SourceLocation(file: "mod_loopback.c", function: "channel_on_consume_media", line: 681)
}
