import ESLProtocol

extension EventFactory {
    /// What a channel event carries besides the standard and channel headers.
    struct ChannelEventParts {
        /// Headers before the channel data (`Original-Channel-Call-State`, `Direction` …).
        var leading: [(String, String)] = []
        /// Whether the caller profile goes in (not before the channel has one).
        var profile = true
        /// Whether the `variable_*` headers go in (`switch_channel_event_set_extended_data`).
        var variables = true
        /// Headers after the variables (`Application` …).
        var trailing: [(String, String)] = []
    }

    /// A channel event as `switch_channel_event_set_data` fills it (capture 21): the standard
    /// headers, `parts.leading`, the channel's basic data, its caller profile, its variables, then
    /// `parts.trailing`.
    func channelEvent(_ name: String, _ leg: CallLeg, source: SourceLocation, time: Int64,
                      _ parts: ChannelEventParts = ChannelEventParts()) -> ESLEvent {
        var event = makeEvent(name, source: source, time: time)
        for (header, value) in parts.leading { event.addHeader(header, value) }
        event.addHeader("Channel-State", leg.runningState.name)
        event.addHeader("Channel-Call-State", leg.callState.name)
        event.addHeader("Channel-State-Number", String(leg.state.rawValue))
        event.addHeader("Channel-Name", leg.name)
        event.addHeader("Unique-ID", leg.uuid)
        event.addHeader("Call-Direction", leg.direction.rawValue)
        event.addHeader("Presence-Call-Direction", leg.direction.rawValue)
        event.addHeader("Channel-HIT-Dialplan", leg.hitDialplan ? "true" : "false")
        event.addHeader("Channel-Call-UUID", leg.variables["call_uuid"] ?? leg.uuid)
        event.addHeader("Answer-State", leg.answerState)
        if let cause = leg.hangupCause { event.addHeader("Hangup-Cause", cause) }
        if leg.hasReadCodec {
            event.addHeader("Channel-Read-Codec-Name", "L16")
            event.addHeader("Channel-Read-Codec-Rate", "8000")
            event.addHeader("Channel-Read-Codec-Bit-Rate", "128000")
        }
        if leg.hasWriteCodec {
            event.addHeader("Channel-Write-Codec-Name", "L16")
            event.addHeader("Channel-Write-Codec-Rate", "8000")
            event.addHeader("Channel-Write-Codec-Bit-Rate", "128000")
        }
        if parts.profile, let profile = leg.profile {
            for (header, value) in profile.headers() { event.addHeader(header, value) }
            if let other = leg.otherLeg {
                event.addHeader("Other-Type", other.type)
                for (header, value) in other.profile.headers(prefix: "Other-Leg") { event.addHeader(header, value) }
            }
        }
        if parts.variables {
            for entry in leg.variables.entries { event.addHeader("variable_" + entry.name, entry.value) }
        }
        for (header, value) in parts.trailing { event.addHeader(header, value) }
        return event
    }
}

extension SourceLocation {
    static let setReadCodec = SourceLocation(file: "switch_core_codec.c", function: "switch_core_session_set_read_codec", line: 300)
    static let setWriteCodec = SourceLocation(file: "switch_core_codec.c", function: "switch_core_session_set_write_codec", line: 471)
    static let outgoingChannel = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_outgoing_channel", line: 768)
    static let runningState = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_set_running_state", line: 2409)
    static let sessionRunCreate = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 626)
    static let sessionRunOriginate = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_run", line: 632)
    static let setCallState = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_set_callstate", line: 302)
    static let execute = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_exec", line: 2949)
    static let executeComplete = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_exec", line: 2972)
    static let markAnswered = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_mark_answered", line: 3848)
    static let markPreAnswered = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_mark_pre_answered", line: 3622)
    static let park = SourceLocation(file: "switch_ivr.c", function: "switch_ivr_park", line: 1002)
    static let unpark = SourceLocation(file: "switch_ivr.c", function: "switch_ivr_park", line: 1213)
    static let flipCID = SourceLocation(file: "switch_channel.c", function: "switch_channel_flip_cid", line: 3279)
    static let hangup = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_hangup", line: 3447)
    static let reportingState = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_session_reporting_state", line: 943)
    static let destroy = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_perform_destroy", line: 1588)
}
