import ESLProtocol

/// One simulated channel: what its events print and what the `show` tables and `uuid_*` commands
/// read. A value; ``CallEngine`` changes it and turns each change into the events FreeSWITCH fires.
struct CallLeg: Sendable, Hashable {
    enum Direction: String, Sendable { case inbound, outbound }

    let uuid: String
    var name: String
    let direction: Direction
    let sessionID: Int
    let createdAt: Int64
    var state = ChannelState.new
    var runningState = ChannelState.none
    var callState = CallState.down
    var answerState = "ringing"
    var hitDialplan: Bool
    var hasReadCodec = false
    var hasWriteCodec = false
    var profile: CallerProfile?
    var variables = ChannelVariables()
    var hangupCause: String?
    /// The application running now (`show channels` application column), with its data and the
    /// Application-UUID its EXECUTE events share.
    var application: (name: String, data: String, uuid: String)?
    /// The application started last (the CDR's `last_app`, `last_arg`).
    var lastApplication: (name: String, data: String)?
    /// What a `sendmsg` execute interrupted (park), resumed when it ends.
    var interrupted: (name: String, data: String, uuid: String)?
    var parked = false
    /// The `socket` application this leg is in.
    var socket: SocketApplication?
    /// When the running playback started (a broken one reports what it played).
    var playbackStartedAt: Int64 = 0
    /// When `uuid_record` started (the figures at its stop).
    var recordStartedAt: Int64 = 0
    /// The DTMF the leg received (the CDR's `digits_dialed`, capture 68).
    var digitsDialed = ""
    /// A `sendmsg` with `event-lock` runs: messages that arrive wait in `waitingMessages`.
    var lockedMessage = false
    var waitingMessages: [ESLEvent] = []
    /// The COMMAND event `uuid_broadcast` queued, fired as PRIVATE_COMMAND once its application ran.
    var queuedCommand: ESLEvent?
    var held = false
    /// Media bugs, heartbeat and video refresh mode (the media commands).
    var media = LegMedia()
    /// The `hash` limit resources (`realm_resource`) this leg is counted in, released at hangup.
    var limitKeys: [String] = []
    /// The other half of a loopback pair.
    var loopbackPartner: String?
    /// The bridge this leg is in, and its side of it.
    var bridge: Bridge?
    /// The `Other-Type`/`Other-Leg-*` headers: the other party's profile as it was when the
    /// switch copied it (at originate for the originator, at answer for the originatee).
    var otherLeg: OtherLeg?
    /// An originatee that has reported waits for the originator's bridge to end before it is
    /// destroyed: the bridge thread still sets variables on it (capture 69).
    var destroyWhenUnbridged = false
    /// What the originator runs once its `bridge` application returns.
    var afterBridge: (steps: [Dialplan.Step], hangUpAtEnd: Bool)?
    /// The `callee_name`/`callee_num` columns when the db kept values the profile no longer has
    /// (a bridge changes the originator's callee id without a CALL_UPDATE).
    var calleeColumns: (name: String, number: String)?
    /// `callee_direction` and `call_uuid` columns, filled in by CALL_UPDATE as the switch's db does.
    var calleeDirection = ""
    var callUUIDColumn = ""

    static func == (lhs: CallLeg, rhs: CallLeg) -> Bool { lhs.uuid == rhs.uuid && lhs.variables == rhs.variables && lhs.state == rhs.state }
    func hash(into hasher: inout Hasher) { hasher.combine(uuid) }

    /// The UUID of the other leg of the bridge, either side.
    var bridgedTo: String? { bridge?.peer }

    var isAnswered: Bool { (profile?.answeredAt ?? 0) != 0 }

    /// The `channels` table columns this leg fills (docs/api-output.md, "show"; capture 21).
    var columns: [String: String] {
        var values: [String: String] = [
            "direction": direction.rawValue, "name": name, "state": runningState.name,
            "read_codec": "L16", "read_rate": "8000", "read_bit_rate": "128000",
            "write_codec": "L16", "write_rate": "8000", "write_bit_rate": "128000",
            "callstate": callState.name, "callee_direction": calleeDirection, "call_uuid": callUUIDColumn,
        ]
        if let profile {
            values["cid_name"] = profile.callerIDName
            values["cid_num"] = profile.callerIDNumber
            values["dest"] = profile.destinationNumber
            values["dialplan"] = profile.dialplan
            values["context"] = profile.context
            values["callee_name"] = calleeColumns?.name ?? profile.calleeIDName
            values["callee_num"] = calleeColumns?.number ?? profile.calleeIDNumber
            values["initial_cid_name"] = profile.originalCallerIDName
            values["initial_cid_num"] = profile.originalCallerIDNumber
            values["initial_dest"] = profile.destinationNumber
            values["initial_dialplan"] = profile.dialplan
            values["initial_context"] = profile.context
        }
        if let application {
            values["application"] = application.name
            values["application_data"] = application.data
        }
        return values
    }

    /// The core's view of this leg, for `show`, completion and variable look-ups.
    var channel: SwitchChannel {
        var channel = SwitchChannel(uuid: uuid, createdAt: createdAt, columns: columns, variables: variables.dictionary,
                                    bridgedTo: bridge?.isOriginator == true ? bridge?.peer : nil)
        channel.sequence = sessionID
        return channel
    }
}

/// A leg's side of a bridge (`CF_BRIDGE_ORIGINATOR` or not) and the leg on the other side.
enum Bridge: Sendable, Hashable {
    case originator(String)
    case originatee(String)

    var peer: String {
        switch self {
        case .originator(let uuid), .originatee(let uuid): uuid
        }
    }

    var isOriginator: Bool {
        if case .originator = self { return true }
        return false
    }

    /// `last_bridge_role`.
    var role: String { isOriginator ? "originator" : "originatee" }
}

/// The other party of a leg as its events print it: `Other-Type` and a copy of that party's
/// caller profile, taken when the switch took it.
struct OtherLeg: Sendable, Hashable {
    /// `originator` or `originatee`.
    var type: String
    var profile: CallerProfile
}
