/// Endpoints with one channel: `user/<user>[@<domain>]` rings the mock's directory user, who
/// answers after the engine's ring time, as does `sofia/<profile>/<user>[@<host>]` (mod_sofia
/// loaded); `null/<anything>` answers at once (cheap load).
extension CallScript {
    /// The originated leg's UUID: `origination_uuid` when the request names one (ESL applications
    /// use it to know the UUID before the reply), else a new one; `nil` when that UUID is taken
    /// (the switch refuses a duplicate session).
    func newLegUUID(_ request: OriginateRequest) -> String? {
        guard let wanted = request.variable("origination_uuid"), !wanted.isEmpty else { return UUIDText.make() }
        return book.legs[wanted] == nil ? wanted : nil
    }

    /// Creates the leg and takes it as far as the endpoint goes now: `.up` for null/, `.ringing`
    /// for a registered user, `.failed(USER_NOT_REGISTERED)` for anyone else.
    /// With an `originator` (the `bridge` application) the leg takes its caller id from it.
    mutating func originateSingle(_ request: OriginateRequest, originator: String? = nil) -> OriginateOutcome {
        let parts = request.endpoint.split(separator: "/", maxSplits: 1).map(String.init)
        let technology = parts[0], destination = parts.count > 1 ? parts[1] : ""
        let phone = technology == "user" || technology == "sofia"
        // sofia/<profile>/<user>[@<host>]: the user part follows the profile.
        let dialed = technology == "sofia" ? String(destination.drop { $0 != "/" }.dropFirst()) : destination
        let user = dialed.split(separator: "@").first.map(String.init) ?? ""
        if technology == "user", !book.registeredUsers.contains(user) { return .failed("USER_NOT_REGISTERED") }
        // An INVITE to an address where no phone answers times out (SIP 408).
        if technology == "sofia", !book.registeredUsers.contains(user) { return .failed("RECOVERY_ON_TIMER_EXPIRE") }
        guard let uuid = newLegUUID(request) else { return .failed("DESTINATION_OUT_OF_ORDER") }
        let caller = originator.flatMap { book.legs[$0]?.profile }
        let callerName = request.variable("origination_caller_id_name") ?? caller?.callerIDName ?? request.callerIDName ?? ""
        let callerNumber = request.variable("origination_caller_id_number") ?? caller?.callerIDNumber ?? request.callerIDNumber
            ?? "0000000000"
        let name = "\(technology)/\(destination)"
        add(CallLeg(uuid: uuid, name: name, direction: .outbound, sessionID: nextSessionID(), createdAt: now, hitDialplan: false))
        setCodecs(uuid)
        self[uuid].state = .initial
        self[uuid].profile = CallerProfile(
            direction: "outbound", callerIDName: callerName, callerIDNumber: callerNumber,
            originalCallerIDName: callerName, originalCallerIDNumber: callerNumber, calleeIDName: "Outbound Call",
            calleeIDNumber: user.isEmpty ? destination : user, ani: callerNumber, destinationNumber: user.isEmpty ? destination : user,
            uuid: uuid, source: phone ? "mod_sofia" : "mod_null", context: request.context, channelName: name,
            createdAt: now)
        if let caller { self[uuid].otherLeg = OtherLeg(type: "originator", profile: caller.originatorCopy) }
        fire("CHANNEL_OUTGOING", uuid, .outgoingChannel, .init(variables: false))
        run(uuid, .initial)
        for (variable, value) in [("direction", "outbound"), ("is_outbound", "true"), ("uuid", uuid), ("call_uuid", uuid),
                                  ("session_id", String(self[uuid].sessionID)), ("read_codec", "L16"), ("read_rate", "8000"),
                                  ("write_codec", "L16"), ("write_rate", "8000"), ("channel_name", name)]
            + (originator.map { [("originator", $0), ("signal_bond", $0), ("call_uuid", $0)] } ?? [])
            + request.variables + [("originate_endpoint", technology)] {
            self[uuid].variables.set(variable, value)
        }
        routeOriginated(uuid)
        sleepInConsumeMedia(uuid)
        guard phone else {
            answer(uuid)
            if originator == nil { completeOriginate(uuid, request.target) } else { self[uuid].variables.set("endpoint_disposition", "ANSWER") }
            return .up(uuid)
        }
        let time = now
        self[uuid].profile?.progressAt = time
        callState(uuid, .ringing)
        fire("CHANNEL_PROGRESS", uuid, .markRinging)
        return .ringing(uuid)
    }

    /// The ringing user picks up.
    mutating func answerRinging(_ uuid: String, _ target: OriginateRequest.Target) -> Bool {
        guard book.legs[uuid] != nil, self[uuid].hangupCause == nil else { return false }
        answer(uuid)
        completeOriginate(uuid, target)
        return true
    }
}

extension SourceLocation {
    static let markRinging = SourceLocation(file: "switch_channel.c", function: "switch_channel_perform_mark_ring_ready_value", line: 3485)
}
