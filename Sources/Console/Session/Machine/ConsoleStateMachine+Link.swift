import ESLProtocol

extension ConsoleStateMachine {
    // The link to the switch: lost, reconnecting (-R or /reconnect), back.

    mutating func disconnected(reason: String?, _ actions: inout [Action]) {
        guard !isExiting else {
            link = .disconnected
            return
        }
        let requested = reconnectRequested
        reconnectRequested = false
        let restore = SubscriptionReport.restoreCommands(subscriptions)
        if requested {
            link = .reconnecting(attempts: 0, lastError: nil)
            actions.append(.reconnect(immediately: true, restore: restore))
            return
        }
        let why = reason ?? "the connection to \(configuration.address) ended"
        guard configuration.reconnects else {
            link = .disconnected
            status.end(.connectionFailed)
            fail(Failure(message: "disconnected: \(why)", status: .connectionFailed), &actions)
            // A fleet carries on with its other switches; this one stays down, marked.
            guard !configuration.fleetMember else { return }
            isExiting = true
            actions.append(.stop)
            return
        }
        link = .reconnecting(attempts: 0, lastError: nil)
        actions.append(.showError("connection lost: \(why); reconnecting (-R)"))
        record(.connectionFailed)
        actions.append(.reconnect(immediately: false, restore: restore))
    }

    mutating func reconnected(identity: SwitchLink.Identity, restored: ESLSubscriptions, attempts: Int, elapsed: Duration, _ actions: inout [Action]) {
        guard !isExiting else { return }
        link = .connected
        // A fleet's switch that was down is up again: it no longer ends the session as lost.
        if configuration.fleetMember { status.resumed() }
        subscriptions = restored
        let renamed = identity != self.identity
        self.identity = identity
        if renamed { actions.append(.updatePrompt) }
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        actions.append(.show(palette.notice(
            "reconnected to \(configuration.address) after \(Self.seconds(elapsed)) (\(tries)); restored \(SubscriptionReport.summary(restored))")))
        if let running = inFlight, running.kind == .reconnect {
            finishInFlight(&actions)
        } else {
            advance(&actions)
        }
    }

    /// A fleet's switch that refused or timed out at start-up: with `-R` it is tried again in the
    /// background (after the backoff's first wait), else it stays down and counts as a lost
    /// connection. Either way the session is idle.
    mutating func startedDown(restore: [ESLCommand], _ actions: inout [Action]) {
        // What a connection will be given, as /subs and a later /reconnect see it.
        for command in restore { subscriptions.applyAccepted(commandLine: command.line) }
        if configuration.reconnects {
            link = .reconnecting(attempts: 0, lastError: nil)
            record(.connectionFailed)
            actions.append(.reconnect(immediately: false, restore: SubscriptionReport.restoreCommands(subscriptions)))
        } else {
            link = .disconnected
            status.end(.connectionFailed)
        }
        actions.append(.promptReady)
    }

    /// `/reconnect`: closes the connection; the next line runs once connected again.
    mutating func requestReconnect(line: String, _ actions: inout [Action]) {
        if link == .disconnected {
            // Only a fleet's switch is down while the session goes on: try until it answers. Ctrl-C
            // stops waiting for it; the attempts go on, as with -R.
            link = .reconnecting(attempts: 0, lastError: nil)
            inFlight = InFlight(id: makeID(), line: line, kind: .reconnect, started: now)
            actions.append(.reconnect(immediately: true, restore: SubscriptionReport.restoreCommands(subscriptions)))
            return
        }
        guard link == .connected else {
            actions.append(.show("not connected; already reconnecting"))
            return
        }
        reconnectRequested = true
        inFlight = InFlight(id: makeID(), line: line, kind: .reconnect, started: now)
        actions.append(.closeConnection)
    }
}
