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
    var held = false
    /// The other half of a loopback pair.
    var loopbackPartner: String?
    /// The leg this one is bridged to.
    var bridgedTo: String?
    /// `callee_direction` and `call_uuid` columns, filled in by CALL_UPDATE as the switch's db does.
    var calleeDirection = ""
    var callUUIDColumn = ""

    static func == (lhs: CallLeg, rhs: CallLeg) -> Bool { lhs.uuid == rhs.uuid && lhs.variables == rhs.variables && lhs.state == rhs.state }
    func hash(into hasher: inout Hasher) { hasher.combine(uuid) }

    var isAnswered: Bool { (profile?.answeredAt ?? 0) != 0 }

    /// The `channels` table columns this leg fills (spec §5.4; capture 21).
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
            values["callee_name"] = profile.calleeIDName
            values["callee_num"] = profile.calleeIDNumber
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
                                    bridgedTo: direction == .outbound ? bridgedTo : nil)
        channel.sequence = sessionID
        return channel
    }
}
