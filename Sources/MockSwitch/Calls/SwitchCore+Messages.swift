import ESLProtocol

extension SwitchCore {
    /// A `sendmsg` for a live channel (docs/protocol.md, "sendmsg"): `call-command: execute` runs an application
    /// (`execute-app-name`, `execute-app-arg`, `loops`), `hangup` hangs up with `hangup-cause`,
    /// `nomedia` changes nothing on a channel that is not bridged (capture 75). A message with
    /// `event-lock: true` waits for the message application running on the channel, and one
    /// arriving while such a message runs waits for it: the session runs them one after the other.
    /// Returns the events fired now; later ones (a playback's end, the hangup's teardown) are
    /// published by the engine. `done` runs when the message's application has finished (a
    /// listener that runs it inline replies then), before its last events are published.
    /// A `queued` message (all but the one an outbound static listener runs inline) is fired as
    /// PRIVATE_COMMAND once the channel has parsed it (capture 73).
    public func deliverMessage(to uuid: String, _ message: ESLEvent, queued: Bool = true,
                               done: @escaping @Sendable () -> Void = {}) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        guard let leg = leg(uuid) else {
            done()
            return ([], [])
        }
        if leg.lockedMessage, message["call-command"]?.lowercased() == "execute" {
            defer { done() }
            return withCalls { $0[uuid].waitingMessages.append(message) }
        }
        switch message["call-command"]?.lowercased() {
        case "execute":
            guard let app = message["execute-app-name"] else {
                done()
                return ([], [])
            }
            let argument = message["execute-app-arg"] ?? ""
            let loops = max(Int(message["loops"] ?? "") ?? 1, 1)
            let locked = message["event-lock"].map { ["true", "yes", "on", "1"].contains($0.lowercased()) } ?? false
            if app == "playback" {
                // A loop shorter than half a second ends the loop (capture 73).
                let rounds = PlaybackLength.milliseconds(argument) < 500 ? 1 : loops
                return playMessage(uuid, argument, loop: 1, rounds: rounds, loops: loops, locked: locked,
                                   message: queued ? message : nil, done: done)
            }
            defer { done() }
            return withCalls { script in
                // What the channel was running (park, socket) resumes afterwards.
                let running = script[uuid].application
                // Every application a message runs is a loop of its own (capture 73's `set`).
                script[uuid].variables.set("current_loop", "1")
                script[uuid].variables.set("total_loops", "1")
                script.runSteps(uuid, [Dialplan.Step(app, argument)], hangUpAtEnd: false)
                guard script.book.legs[uuid] != nil else { return }
                script[uuid].variables.set("current_loop", nil)
                script[uuid].variables.set("total_loops", nil)
                if script[uuid].hangupCause == nil { script[uuid].application = running }
                if queued { script.firePrivateCommand(uuid, message) }
            }
        case "hangup":
            let cause = message["hangup-cause"].flatMap(HangupCause.canonical) ?? "NORMAL_CLEARING"
            // The session runs the hangup itself: the whole teardown at once.
            defer { done() }
            return withCalls { script in
                script.beginHangup(uuid, cause: cause)
                if queued { script.firePrivateCommand(uuid, message) }
                script.finishHangup(uuid)
            }
        default:
            done()
            return queued ? withCalls { $0.firePrivateCommand(uuid, message) } : ([], [])
        }
    }

    /// One loop of a message's playback: EXECUTE now, EXECUTE_COMPLETE when it has played, then
    /// the next loop, and after the last the next waiting message.
    private func playMessage(_ uuid: String, _ path: String, loop: Int, rounds: Int, loops: Int, locked: Bool,
                             message: ESLEvent?, done: @escaping @Sendable () -> Void) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        var length = Duration.zero
        let now = withCalls { script in
            if locked { script[uuid].lockedMessage = true }
            length = script.startPlayback(uuid, path, loops: loops, loop: loop)
            script.fire("PLAYBACK_START", uuid, .playbackStart, .init(trailing: script.playbackHeaders(path)))
        }
        calls.later(length) {
            var waiting: ESLEvent?
            var result = self.withCalls { script in
                if let leg = script.book.legs[uuid], leg.hangupCause == nil, leg.application?.name == "playback" {
                    script.setPlaybackVariables(uuid, path)
                    script.fire("PLAYBACK_STOP", uuid, .playbackStop, .init(trailing: script.playbackHeaders(path) + [("Playback-Status", "done")]))
                }
                script.finishPlayback(uuid, path, last: loop == rounds)
                guard loop == rounds, script.book.legs[uuid] != nil else { return }
                if let message { script.firePrivateCommand(uuid, message) }
                script[uuid].lockedMessage = false
                if !script[uuid].waitingMessages.isEmpty { waiting = script[uuid].waitingMessages.removeFirst() }
            }
            let next: (events: [ESLEvent], logLines: [ESLLogLine])
            if loop < rounds {
                next = self.playMessage(uuid, path, loop: loop + 1, rounds: rounds, loops: loops, locked: locked,
                                        message: message, done: done)
            } else {
                done()
                next = waiting.map { self.deliverMessage(to: uuid, $0) } ?? ([], [])
            }
            result.events += next.events
            result.logLines += next.logLines
            return result
        }
        return now
    }
}

extension CallScript {
    /// The channel parsed a queued message: it is fired as PRIVATE_COMMAND, the message's own
    /// headers first, then the standard headers and the channel's data without variables
    /// (`switch_ivr_parse_next_event`, capture 73).
    mutating func firePrivateCommand(_ uuid: String, _ message: ESLEvent) {
        guard book.legs[uuid] != nil else { return }
        var event = message
        let delivered = core.events.channelEvent("PRIVATE_COMMAND", self[uuid], source: .parseNextEvent, time: now, .init(variables: false))
        for header in delivered.headers { event.addHeader(header.name, header.value) }
        emit(event)
    }
}
