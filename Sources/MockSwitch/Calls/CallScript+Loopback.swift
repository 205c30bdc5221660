/// mod_loopback: `loopback/<ext>[/<context>[/<dialplan>]]` makes an a-leg (outbound, the
/// originated channel) and a b-leg (inbound) that runs the dialplan; answering the b-leg answers
/// the a-leg. The events come in the order capture 21 shows for one thread of the real switch.
extension CallScript {
    /// Creates the pair and runs the b-leg's dialplan until it waits (park, echo …) or fails.
    /// Returns the a-leg's UUID, or the hangup cause when the call did not come up.
    /// With an `originator` (the `bridge` application) the new a-leg takes its caller id from it
    /// and carries the originator's variables and profile, as `switch_ivr_originate` gives them.
    mutating func originateLoopback(_ request: OriginateRequest, dialplan: Dialplan, originator: String? = nil) -> OriginateOutcome {
        let path = request.endpoint.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard let destination = path.first, !destination.isEmpty else { return .failed("CHAN_NOT_IMPLEMENTED") }
        let context = path.count > 1 && !path[1].isEmpty ? path[1] : "default"
        let planName = path.count > 2 && !path[2].isEmpty ? path[2] : "xml"
        guard let a = newLegUUID(request) else { return .failed("DESTINATION_OUT_OF_ORDER") }
        let b = UUIDText.make()
        let caller = originator.flatMap { book.legs[$0]?.profile }
        let callerName = request.variable("origination_caller_id_name") ?? caller?.callerIDName ?? request.callerIDName ?? ""
        let callerNumber = request.variable("origination_caller_id_number") ?? caller?.callerIDNumber ?? request.callerIDNumber
            ?? "0000000000"
        let dialString = path.joined(separator: "/")

        func profile(_ uuid: String, _ direction: String, _ name: String) -> CallerProfile {
            CallerProfile(direction: direction, dialplan: planName, callerIDName: callerName, callerIDNumber: callerNumber,
                          originalCallerIDName: caller?.originalCallerIDName ?? callerName,
                          originalCallerIDNumber: caller?.originalCallerIDNumber ?? callerNumber,
                          calleeIDName: "Outbound Call", calleeIDNumber: context, ani: caller?.ani ?? callerNumber,
                          destinationNumber: destination, uuid: uuid, source: "mod_loopback", context: context,
                          channelName: name, createdAt: now)
        }

        if request.hasGlobalVariables { log(7, "Parsing global variables", .originateGlobalVariables, "") }
        add(CallLeg(uuid: a, name: "loopback/\(dialString)-a", direction: .outbound, sessionID: nextSessionID(),
                    createdAt: now, hitDialplan: false, loopbackPartner: b))
        logNewChannel(a)
        setCodecs(a)
        rename(a, to: "loopback/\(destination)-a")
        self[a].state = .initial
        self[a].profile = profile(a, "outbound", self[a].name)
        if let caller { self[a].otherLeg = OtherLeg(type: "originator", profile: caller.originatorCopy) }
        logStateChange(a, .new, .initial, .loopbackOutgoing)
        fire("CHANNEL_OUTGOING", a, .outgoingChannel, .init(variables: false))
        run(a, .initial)
        logEnter(a, .initial)

        // From here the two legs' threads interleave; the lines follow capture 31.
        add(CallLeg(uuid: b, name: "loopback/\(destination)-b", direction: .inbound, sessionID: nextSessionID(),
                    createdAt: now, hitDialplan: true, loopbackPartner: a))
        logNewChannel(b)
        setCodecs(b)
        logStateChange(b, .new, .initial, .loopbackInitB)
        log(7, "setting other_loopback_from_uuid on b leg to \(originator ?? "(null)")", .loopbackFromUUID, b)
        logStateChange(a, .initial, .routing, .loopbackInit)
        logState(a, .initial, sleeping: true)
        logRunning(b, .initial)

        // What the originator hands the new leg (capture 69), between its channel name and the
        // originate's own variables.
        let inherited: [(String, String)] = originator.map { o in
            [("max_forwards", "70"), ("originator_codec", "L16@8000h@20i"), ("originator", o), ("signal_bond", o), ("call_uuid", o)]
        } ?? []
        let fromOriginator: [(String, String)] = originator.map { [("loopback_from_uuid", $0)] } ?? []
        let originating: [(String, String)] = originator.map { [("originating_leg_uuid", $0)] } ?? []
        for (name, value) in [("direction", "outbound"), ("is_outbound", "true"), ("uuid", a), ("call_uuid", a),
                              ("session_id", String(self[a].sessionID))] + codecVariables + fromOriginator
            + [("channel_name", self[a].name)] + inherited
            + request.variables + [("originate_early_media", request.variable("ignore_early_media") == "true" ? "false" : "true")]
            + originating + [("originate_endpoint", "loopback"),
                                   ("other_loopback_leg_uuid", b), ("loopback_leg", "A")] {
            self[a].variables.set(name, value)
        }
        routeOriginated(a)
        logState(b, .initial)
        logStateChange(b, .initial, .routing, .loopbackInit)
        logState(b, .initial, sleeping: true)
        sleepInConsumeMedia(a)

        self[b].state = .initial
        self[b].profile = profile(b, "inbound", self[b].name)
        for (name, value) in [("direction", "inbound"), ("uuid", b), ("call_uuid", b),
                              ("session_id", String(self[b].sessionID)), ("channel_name", self[b].name)]
            + codecVariables + (originator == nil ? request.variables : [])
            + [("other_loopback_leg_uuid", a)] + (originator.map { [("other_loopback_from_uuid", $0)] } ?? []) + [("loopback_leg", "B")] {
            self[b].variables.set(name, value)
        }
        run(b, .initial)
        self[b].state = .routing
        fire("CHANNEL_CREATE", b, .sessionRunCreate)
        self[b].runningState = .routing
        logRunning(b, .routing)
        callState(b, .ringing)
        fire("CHANNEL_STATE", b, .runningState, .init(variables: false))
        logState(b, .routing)
        logLoopback(b, .routing)
        logStandard(b, .routing)

        // Routing sets call_uuid (it moves to the end), found or not (captures 21, 67).
        self[b].variables.set("call_uuid", b)
        guard let steps = huntDialplan(b, context: context, dialplan: dialplan) else {
            // The b-leg finds no extension and hangs up; the loopback takes the a-leg with it.
            beginHangup(b, cause: "NO_ROUTE_DESTINATION")
            beginHangup(a, cause: "NO_ROUTE_DESTINATION")
            finishHangup(a)
            return .failed("NO_ROUTE_DESTINATION")
        }
        logStateChange(b, .routing, .execute, .standardRoutingDone)
        logState(b, .routing, sleeping: true)
        self[b].state = .execute
        run(b, .execute)
        logEnter(b, .execute)
        logStandard(b, .execute)
        runSteps(b, steps)
        // A b-leg that hangs up at once (`hangup`, an unknown application) takes the a-leg with
        // it: the originate fails with its cause, or succeeded if the call was answered first.
        if book.legs[a]?.hangupCause != nil || book.legs[a] == nil {
            return answered.contains(a) ? .up(a) : .failed(hangupCauses[b] ?? hangupCauses[a] ?? "NORMAL_CLEARING")
        }
        guard self[a].isAnswered else {
            // A `bridge` in the b-leg's dialplan answers it when its ringing peer does.
            let bridging = continuations.first { continuation in
                if case .bridgeRinging = continuation.kind { return continuation.uuid == b }
                return false
            }
            return bridging.map { .answersIn(a, $0.delay) } ?? .ringing(a)
        }
        guard originator == nil else {
            self[a].variables.set("endpoint_disposition", "ANSWER")
            return .up(a)
        }
        completeOriginate(a, request.target)
        return .up(a)
    }

    /// The originated leg answered: originate returns, the caller id flips (CALL_UPDATE). In the
    /// extension form the flip waits for the blind transfer to the extension (capture 67).
    mutating func completeOriginate(_ a: String, _ target: OriginateRequest.Target) {
        log(7, "Originate Resulted in Success: [\(self[a].name)] Peer UUID: \(a)", .originateSuccess, "")
        self[a].hitDialplan = true
        self[a].variables.set("endpoint_disposition", "ANSWER")
        if case .application = target { flipCallerID(a) }
    }

    /// `originate_timeout` ran out before an answer: both legs hang up with NO_ANSWER.
    mutating func originateTimedOut(_ a: String) {
        guard book.legs[a] != nil, !self[a].isAnswered else { return }
        if let b = self[a].loopbackPartner, book.legs[b] != nil { beginHangup(b, cause: "NO_ANSWER") }
        beginHangup(a, cause: "NO_ANSWER")
        finishHangup(a)
    }

    /// `switch_ivr_session_transfer`: a new caller profile (index 2) for the extension, with the
    /// old destination as RDNIS and the transfer noted in `transfer_history`/`transfer_source`.
    mutating func blindTransfer(_ uuid: String, to destination: String, context: String, dialplanName: String) {
        guard var profile = self[uuid].profile else { return }
        // The UUID is the new caller profile's own, not the channel's.
        let source = "\(now.floorDiv(1_000_000)):\(UUIDText.make()):bl_xfer:\(destination)/\(context)/\(dialplanName)"
        profile.rdnis = profile.destinationNumber
        profile.destinationNumber = destination
        profile.context = context
        profile.dialplan = dialplanName
        profile.transferSource = source
        profile.index += 1
        profile.profileCreatedAt = now
        self[uuid].profile = profile
        self[uuid].variables.set("max_forwards", "70")
        self[uuid].variables.set("transfer_history", source)
        self[uuid].variables.set("transfer_source", source)
    }

    /// `New Channel <name> [<uuid>]`, as `switch_channel_set_name` logs a session's first name.
    func logNewChannel(_ uuid: String) {
        log(5, "New Channel \(self[uuid].name) [\(uuid)]", .newChannel, uuid)
    }

    /// A new name for a channel (mod_loopback drops the context from the a-leg's).
    mutating func rename(_ uuid: String, to name: String) {
        log(5, "Rename Channel \(self[uuid].name)->\(name) [\(uuid)]", .renameChannel, uuid)
        self[uuid].name = name
    }

    private static let codecNames = [("read_codec", "L16"), ("read_rate", "8000"), ("write_codec", "L16"), ("write_rate", "8000")]
    private var codecVariables: [(String, String)] { Self.codecNames }

    /// The two CODEC events of a new session (read, then write), before it has a caller profile.
    mutating func setCodecs(_ uuid: String) {
        if self[uuid].loopbackPartner != nil { log(7, "\(self[uuid].name) setup codec L16/8000/20", .loopbackCodec, uuid) }
        self[uuid].hasReadCodec = true
        fire("CODEC", uuid, .setReadCodec, .init(profile: false, variables: false, trailing: [
            ("channel-read-codec-name", "L16"), ("channel-read-codec-rate", "8000"), ("channel-read-codec-bit-rate", "128000"),
        ]))
        self[uuid].hasWriteCodec = true
        fire("CODEC", uuid, .setWriteCodec, .init(profile: false, variables: false, trailing: [
            ("Channel-Write-Codec-Name", "L16"), ("Channel-Write-Codec-Rate", "8000"), ("Channel-Write-codec-bit-rate", "128000"),
        ]))
    }

    /// CALL_UPDATE when an originated leg is answered: caller and callee swap, as the switch shows
    /// the far end as the caller from then on.
    mutating func flipCallerID(_ uuid: String) {
        guard var profile = self[uuid].profile else { return }
        log(6, "\(self[uuid].name) Flipping CID from \"\(profile.callerIDName)\" <\(profile.callerIDNumber)> to \"\(profile.calleeIDName)\" <\(profile.calleeIDNumber)>",
            .flipCIDLogged, uuid)
        self[uuid].variables.set("pre_transfer_caller_id_name", profile.callerIDName)
        self[uuid].variables.set("pre_transfer_caller_id_number", profile.callerIDNumber)
        self[uuid].variables.set("channel_cid_flipped", "yes")
        (profile.callerIDName, profile.calleeIDName) = (profile.calleeIDName, profile.callerIDName)
        (profile.callerIDNumber, profile.calleeIDNumber) = (profile.calleeIDNumber, profile.callerIDNumber)
        self[uuid].profile = profile
        self[uuid].calleeDirection = "RECV"
        self[uuid].callUUIDColumn = uuid
        fire("CALL_UPDATE", uuid, .flipCID, .init(leading: [("Direction", "RECV")]))
    }

    /// The originated leg runs its `&app(args)`, or routes its extension, once originate has
    /// returned.
    mutating func start(_ uuid: String, _ target: OriginateRequest.Target, context: String, dialplanName: String = "XML",
                        dialplan: Dialplan) {
        guard book.legs[uuid] != nil, self[uuid].hangupCause == nil else { return }
        let steps: [Dialplan.Step]
        let from = self[uuid].state
        switch target {
        case .application(let name, let data):
            steps = [Dialplan.Step(name, data)]
            logStateChange(uuid, from, .execute, .originateExecute)
        case .extension(let destination):
            blindTransfer(uuid, to: destination, context: context, dialplanName: dialplanName)
            flipCallerID(uuid)
            logStateChange(uuid, from, .routing, .originateExecute)
            self[uuid].state = .routing
            run(uuid, .routing)
            logEnter(uuid, .routing)
            logStandard(uuid, .routing)
            guard let route = huntDialplan(uuid, context: context, dialplan: dialplan) else {
                beginHangup(uuid, cause: "NO_ROUTE_DESTINATION")
                finishHangup(uuid)
                return
            }
            steps = route
            logStateChange(uuid, .routing, .execute, .standardRoutingDone)
            logState(uuid, .routing, sleeping: true)
        }
        self[uuid].state = .execute
        run(uuid, .execute)
        logEnter(uuid, .execute)
        logStandard(uuid, .execute)
        self[uuid].variables.set("call_uuid", uuid)
        runSteps(uuid, steps)
    }
}

/// How an originate went: the leg is up, it is still ringing (the caller waits for an answer or
/// `originate_timeout`), its answer is due, or it failed with a hangup cause (`-ERR <cause>`).
enum OriginateOutcome: Sendable, Equatable {
    case up(String)
    case ringing(String)
    /// Ringing, with an answer due (the b-leg bridges to a ringing user).
    case answersIn(String, Duration)
    case failed(String)
}

/// The places of the lines an originate and mod_loopback log (capture 31).
extension SourceLocation {
    static let originateGlobalVariables = SourceLocation(file: "switch_ivr_originate.c", function: "switch_ivr_originate", line: 2301)
    static let originateSuccess = SourceLocation(file: "switch_ivr_originate.c", function: "switch_ivr_originate", line: 3913)
    static let originateRoutingDone = SourceLocation(file: "switch_ivr_originate.c", function: "originate_on_routing", line: 67)
    /// mod_commands' originate starting the originated leg's application or extension.
    static let originateExecute = SourceLocation(file: "mod_commands.c", function: "originate_function", line: 5191)
    static let newChannel = SourceLocation(file: "switch_channel.c", function: "switch_channel_set_name", line: 1143)
    static let renameChannel = SourceLocation(file: "switch_channel.c", function: "switch_channel_set_name", line: 1141)
    static let flipCIDLogged = SourceLocation(file: "switch_channel.c", function: "switch_channel_flip_cid", line: 3291)
    static let standardRoutingDone = SourceLocation(file: "switch_core_state_machine.c", function: "switch_core_standard_on_routing", line: 281)
    static let loopbackCodec = SourceLocation(file: "mod_loopback.c", function: "tech_init", line: 166)
    static let loopbackOutgoing = SourceLocation(file: "mod_loopback.c", function: "channel_outgoing_channel", line: 1262)
    static let loopbackInitB = SourceLocation(file: "mod_loopback.c", function: "channel_on_init", line: 288)
    static let loopbackFromUUID = SourceLocation(file: "mod_loopback.c", function: "channel_on_init", line: 356)
    static let loopbackInit = SourceLocation(file: "mod_loopback.c", function: "channel_on_init", line: 380)
}
