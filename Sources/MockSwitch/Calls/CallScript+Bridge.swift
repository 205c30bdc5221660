import SwitchCatalog

/// Bridges (`switch_ivr_multi_threaded_bridge`): the `bridge` application originates a leg from
/// the running one and joins the two; `uuid_bridge` joins two legs that are up. The originator
/// fires CHANNEL_BRIDGE and, when the bridge ends, CHANNEL_UNBRIDGE; the variables each side
/// carries are set in the order capture 69 shows.
extension CallScript {
    /// The `bridge` application on `uuid`: originate `dialString` on its behalf, then bridge, or
    /// fail as the switch does (the caller hangs up with the cause unless `continue_on_fail`).
    /// `rest` runs when the bridge is over. Returns whether the leg waits (ringing, or bridged).
    mutating func startBridge(_ uuid: String, _ dialString: String, rest: [Dialplan.Step], hangUpAtEnd: Bool) -> Bool {
        guard let request = OriginateRequest(dialString + " &park()") else {
            failBridge(uuid, cause: "DESTINATION_OUT_OF_ORDER")
            return false
        }
        let technology = request.endpoint.split(separator: "/").first.map(String.init) ?? ""
        let outcome: OriginateOutcome
        switch technology {
        case "loopback": outcome = originateLoopback(request, dialplan: book.dialplan, originator: uuid)
        case "user", "null": outcome = originateSingle(request, originator: uuid)
        case "sofia" where core.modules.isLoaded(SwitchModule.sofia.name): outcome = originateSingle(request, originator: uuid)
        case "error":
            outcome = .failed(HangupCause.canonical(String(request.endpoint.dropFirst("error/".count))) ?? "NORMAL_CLEARING")
        default: outcome = .failed("CHAN_NOT_IMPLEMENTED")
        }
        self[uuid].afterBridge = (rest, hangUpAtEnd)
        switch outcome {
        case .up(let peer):
            connect(uuid, peer)
            return true
        case .ringing(let peer), .answersIn(let peer, _):
            var delay = book.ringTime
            if case .answersIn(_, let due) = outcome { delay = due }
            continuations.append(Continuation(uuid: uuid, delay: delay, kind: .bridgeRinging(peer), rest: rest,
                                              hangUpAtEnd: hangUpAtEnd))
            return true
        case .failed(let cause):
            self[uuid].afterBridge = nil
            let continues = self[uuid].variables["continue_on_fail"] == "true"
            failBridge(uuid, cause: cause)
            return !continues
        }
    }

    /// The ringing peer of a `bridge` answered (or is gone).
    mutating func bridgePeerAnswered(_ uuid: String, _ peer: String) {
        guard book.legs[uuid] != nil, self[uuid].hangupCause == nil else { return }
        guard book.legs[peer] != nil, self[peer].hangupCause == nil else {
            let rest = self[uuid].afterBridge
            self[uuid].afterBridge = nil
            failBridge(uuid, cause: "NO_ANSWER")
            if self[uuid].hangupCause == nil, let rest { runSteps(uuid, rest.steps, hangUpAtEnd: rest.hangUpAtEnd) }
            return
        }
        answer(peer)
        self[peer].variables.set("endpoint_disposition", "ANSWER")
        connect(uuid, peer)
    }

    private mutating func failBridge(_ uuid: String, cause: String) {
        for (name, value) in [("originate_disposition", cause), ("DIALSTATUS", cause), ("originate_failed_cause", cause)] {
            self[uuid].variables.set(name, value)
        }
        completeExecute(uuid)
        if self[uuid].variables["continue_on_fail"] != "true", self[uuid].hangupCause == nil {
            beginHangup(uuid, cause: cause)
            finishHangup(uuid)
        }
    }

    /// Joins `a` (the originator, whose caller the peer called) and `b`: originate's variables
    /// on `a`, CHANNEL_BRIDGE, then the bridge variables on both.
    mutating func connect(_ a: String, _ b: String) {
        if !self[a].isAnswered {
            // The bridge answers its caller once the peer has (a loopback's other half with it).
            if let partner = self[a].loopbackPartner, book.legs[partner] != nil { answer(partner) }
            answer(a)
        }
        guard let peerProfile = self[b].profile else { return }
        for (name, value) in [
            ("originated_legs", "\(b);\(peerProfile.callerIDName);\(peerProfile.callerIDNumber)"),
            ("originate_disposition", "SUCCESS"), ("DIALSTATUS", "SUCCESS"), ("originate_causes", "\(b);NONE"),
            ("signal_bond", b),
        ] {
            self[a].variables.set(name, value)
        }
        if let profile = self[a].profile {
            self[a].calleeColumns = (profile.calleeIDName, profile.calleeIDNumber)
        }
        self[a].profile?.calleeIDName = peerProfile.callerIDName
        self[a].profile?.calleeIDNumber = peerProfile.callerIDNumber
        let time = now
        self[a].profile?.bridgedAt = time
        self[a].otherLeg = OtherLeg(type: "originatee", profile: peerProfile)
        self[a].bridge = .originator(b)
        self[b].bridge = .originatee(a)
        self[b].variables.set("call_uuid", a)
        self[b].callUUIDColumn = a
        fire("CHANNEL_BRIDGE", a, .bridge, .init(leading: [("Bridge-A-Unique-ID", a), ("Bridge-B-Unique-ID", b)]))
        self[b].profile?.bridgedAt = time
        self[b].state = .exchangeMedia
        run(b, .exchangeMedia)
        for (me, other) in [(a, b), (b, a)] {
            let otherProfile = self[other].profile
            for (name, value) in [
                ("bridge_to", other), ("last_bridge_to", other), ("bridge_channel", self[other].name), ("bridge_uuid", other),
                ("signal_bond", other), ("last_sent_callee_id_name", otherProfile?.callerIDName ?? ""),
                ("last_sent_callee_id_number", otherProfile?.callerIDNumber ?? ""),
            ] {
                self[me].variables.set(name, value)
            }
        }
    }

    /// `uuid_bridge`: two legs that are up, bridged with `a` as the originator.
    mutating func bridgeLegs(_ a: String, _ b: String) {
        interrupt(a)
        interrupt(b)
        self[a].state = .exchangeMedia
        run(a, .exchangeMedia)
        self[a].afterBridge = ([], true)
        connect(a, b)
    }

    /// The bridge of originator `a` ends because `a` is hanging up (`cause`) or its peer went:
    /// the peer is taken down with it and reports, CHANNEL_UNBRIDGE, then the peer is destroyed.
    /// Returns what `a` runs next when it is still up.
    mutating func endBridge(_ a: String) -> (steps: [Dialplan.Step], hangUpAtEnd: Bool)? {
        guard case .originator(let b)? = self[a].bridge else { return nil }
        if book.legs[b] != nil {
            if self[b].hangupCause == nil { beginHangup(b, cause: self[a].hangupCause ?? "NORMAL_CLEARING") }
            if self[b].state != .reporting, !self[b].destroyWhenUnbridged { finishHangup(b) }
        }
        let cause = book.legs[b]?.hangupCause ?? "NORMAL_CLEARING"
        self[a].bridge = nil
        self[a].variables.set("bridge_to", nil)
        self[a].variables.set("bridge_hangup_cause", cause)
        fire("CHANNEL_UNBRIDGE", a, .unbridge, .init(leading: [("Bridge-A-Unique-ID", a), ("Bridge-B-Unique-ID", b)]))
        if book.legs[b] != nil {
            self[b].bridge = nil
            self[b].variables.set("bridge_to", nil)
            self[b].variables.set("bridge_hangup_cause", cause)
            self[b].variables.set("call_uuid", a)
            if self[b].destroyWhenUnbridged { destroy(b) }
        }
        let next = self[a].afterBridge
        self[a].afterBridge = nil
        return next
    }
}

extension SourceLocation {
    static let bridge = SourceLocation(file: "switch_ivr_bridge.c", function: "switch_ivr_multi_threaded_bridge", line: 1689)
    static let unbridge = SourceLocation(file: "switch_ivr_bridge.c", function: "switch_ivr_multi_threaded_bridge", line: 1879)
}
