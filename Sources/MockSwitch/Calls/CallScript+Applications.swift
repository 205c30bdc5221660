/// The dialplan applications the mock runs (mod_dptools' answer, park, set, playback …). An
/// application that takes time (playback, sleep) leaves a ``CallScript/Continuation``; the engine
/// resumes the rest of the steps when it is due. When the steps run out the channel hangs up,
/// as the switch does at the end of a dialplan.
extension CallScript {
    /// What to do when a timed application is done.
    struct Continuation: Sendable {
        enum Kind: Sendable {
            case playback(String)
            case sleep
            /// A `bridge` waits for its ringing peer.
            case bridgeRinging(String)
        }

        let uuid: String
        let delay: Duration
        let kind: Kind
        let rest: [Dialplan.Step]
        let hangUpAtEnd: Bool
    }

    /// Runs `steps` on a leg until one keeps the channel (park, echo), one takes time, or the
    /// leg hangs up.
    /// `hangUpAtEnd` is false for an application a `sendmsg` runs inside park.
    mutating func runSteps(_ uuid: String, _ steps: [Dialplan.Step], hangUpAtEnd: Bool = true) {
        var rest = steps[...]
        while let step = rest.popFirst() {
            guard let leg = book.legs[uuid], leg.hangupCause == nil else { return }
            if step.application == "playback" {
                let length = startPlayback(uuid, step.data, loops: 1, byMessage: false)
                fire("PLAYBACK_START", uuid, .playbackStart, .init(trailing: playbackHeaders(step.data)))
                continuations.append(Continuation(uuid: uuid, delay: length, kind: .playback(step.data), rest: Array(rest),
                                                  hangUpAtEnd: hangUpAtEnd))
                return
            }
            // An application no loaded module has: the switch logs it and hangs the channel up
            // before anything executes.
            guard core.modules.hasApplication(step.application) else {
                log(3, "Invalid Application \(step.application)", .invalidApplication, uuid)
                beginHangup(uuid, cause: "DESTINATION_OUT_OF_ORDER")
                finishHangup(uuid)
                return
            }
            beginExecute(uuid, step.application, step.data)
            if runVariableApplication(uuid, step) {
                completeExecute(uuid)
                continue
            }
            switch step.application {
            case "set", "export":
                let parts = step.data.split(separator: "=", maxSplits: 1).map(String.init)
                if let name = parts.first {
                    if step.application == "set", parts.count > 1 {
                        log(7, "SET \(self[uuid].name) [\(name)]=[\(parts[1])]", .setApplication, uuid)
                    }
                    self[uuid].variables.set(name, parts.count > 1 ? parts[1] : nil)
                }
            case "unset":
                self[uuid].variables.set(step.data, nil)
            case "pre_answer":
                preAnswer(uuid)
            case "ring_ready":
                if self[uuid].callState == .down { callState(uuid, .ringing) }
            case "answer":
                // Answering an answered channel changes nothing (capture 67's extension form).
                if !leg.isAnswered {
                    if let partner = leg.loopbackPartner, book.legs[partner] != nil { answer(partner, by: .loopbackAnswered) }
                    answer(uuid)
                    self[uuid].variables.set("endpoint_disposition", "ANSWER")
                }
            case "log":
                let parts = step.data.split(separator: " ", maxSplits: 1).map(String.init)
                let level = parts.first.flatMap(LogLineFactory.level(named:)) ?? 7
                log(level, parts.count > 1 ? parts[1] : step.data, .logApplication, uuid)
            case "info":
                log(6, "CHANNEL_DATA:\n" + self[uuid].variables.entries.map { "variable_\($0.name): [\($0.value)]" }.joined(separator: "\n"),
                    .infoApplication, uuid)
            case "sleep":
                let milliseconds = Int(step.data) ?? 0
                continuations.append(Continuation(uuid: uuid, delay: .milliseconds(milliseconds), kind: .sleep, rest: Array(rest),
                                                  hangUpAtEnd: hangUpAtEnd))
                return
            case "park", "echo":
                // The channel stays here until something moves or hangs it up.
                self[uuid].parked = step.application == "park"
                if step.application == "park" { fire("CHANNEL_PARK", uuid, .park) }
                return
            case "socket":
                return startSocket(uuid, step.data, rest: Array(rest), hangUpAtEnd: hangUpAtEnd)
            case "bridge":
                if startBridge(uuid, step.data, rest: Array(rest), hangUpAtEnd: hangUpAtEnd) { return }
                continue
            case "hangup":
                // The application returns on a hung-up channel (capture 74).
                beginHangup(uuid, cause: HangupCause.canonical(step.data) ?? "NORMAL_CLEARING")
                completeExecute(uuid)
                self[uuid].application = nil
                finishHangup(uuid)
                return
            case "transfer":
                completeExecute(uuid)
                let words = step.data.words
                let context = words.count > 2 ? words[2] : self[uuid].profile?.context ?? "default"
                transfer(uuid, to: words.first ?? "", context: context, dialplanName: words.count > 1 ? words[1] : nil, dialplan: book.dialplan)
                return
            default:
                break
            }
            completeExecute(uuid)
        }
        if hangUpAtEnd { endOfDialplan(uuid) }
    }

    /// A timed application is done: its completion, then the steps after it.
    mutating func resume(_ continuation: Continuation) {
        let uuid = continuation.uuid
        guard book.legs[uuid] != nil, self[uuid].hangupCause == nil else { return }
        switch continuation.kind {
        case .playback(let path):
            guard self[uuid].application?.name == "playback", self[uuid].application?.data == path else { return }
            stopBroadcast(uuid, path, status: "done")
        case .sleep:
            guard self[uuid].application?.name == "sleep" else { return }
            completeExecute(uuid)
        case .bridgeRinging(let peer):
            // The rest runs when the bridge is over.
            return bridgePeerAnswered(uuid, peer)
        }
        runSteps(uuid, continuation.rest, hangUpAtEnd: continuation.hangUpAtEnd)
    }

    /// Nothing left to run: the channel hangs up (its loopback partner follows).
    private mutating func endOfDialplan(_ uuid: String) {
        guard let leg = book.legs[uuid], leg.hangupCause == nil else { return }
        beginHangup(uuid, cause: "NORMAL_CLEARING")
        finishHangup(uuid)
    }
}

extension SourceLocation {
    static let setApplication = SourceLocation(file: "mod_dptools.c", function: "base_set", line: 1671)
    static let logApplication = SourceLocation(file: "mod_dptools.c", function: "log_function", line: 1788)
    static let infoApplication = SourceLocation(file: "mod_dptools.c", function: "info_function", line: 1860)
    static let invalidApplication = SourceLocation(file: "switch_core_session.c", function: "switch_core_session_execute_application_get_flags", line: 2787)
}
