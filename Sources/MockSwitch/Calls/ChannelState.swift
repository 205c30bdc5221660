/// A channel's state (`switch_channel_state_t`): `Channel-State` prints the running state,
/// `Channel-State-Number` the state the channel is heading for, so the two differ between a
/// transition's request and the state machine catching up (capture 21).
enum ChannelState: Int, Sendable {
    case new = 0, initial, routing, softExecute, execute, exchangeMedia, park, consumeMedia, hibernate, reset, hangup,
         reporting, destroy, none

    /// The name FreeSWITCH prints (`CS_INIT` …).
    var name: String {
        switch self {
        case .new: "CS_NEW"
        case .initial: "CS_INIT"
        case .routing: "CS_ROUTING"
        case .softExecute: "CS_SOFT_EXECUTE"
        case .execute: "CS_EXECUTE"
        case .exchangeMedia: "CS_EXCHANGE_MEDIA"
        case .park: "CS_PARK"
        case .consumeMedia: "CS_CONSUME_MEDIA"
        case .hibernate: "CS_HIBERNATE"
        case .reset: "CS_RESET"
        case .hangup: "CS_HANGUP"
        case .reporting: "CS_REPORTING"
        case .destroy: "CS_DESTROY"
        case .none: "CS_NONE"
        }
    }
}

/// A channel's call state (`switch_channel_callstate_t`).
enum CallState: Int, Sendable {
    case down = 0, dialing, ringing, early, active, held, ringWait, hangup, unheld

    /// The name FreeSWITCH prints (`RINGING` …).
    var name: String {
        switch self {
        case .down: "DOWN"
        case .dialing: "DIALING"
        case .ringing: "RINGING"
        case .early: "EARLY"
        case .active: "ACTIVE"
        case .held: "HELD"
        case .ringWait: "RING_WAIT"
        case .hangup: "HANGUP"
        case .unheld: "UNHELD"
        }
    }
}
