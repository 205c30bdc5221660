import ESLProtocol

extension ConsoleStateMachine {
    // One line at a time: the queue, the command in flight, its replies, failures and Ctrl-C.

    /// Starts waiting lines until one is in flight (or none is left).
    mutating func advance(_ actions: inout [Action]) {
        while inFlight == nil, !isExiting, !waiting.isEmpty {
            start(waiting.removeFirst(), &actions)
        }
        guard inFlight == nil, waiting.isEmpty, !isExiting else { return }
        if inputEnded {
            if jobs.isEmpty {
                isExiting = true
                actions.append(.stop)
            }
        } else {
            actions.append(.promptReady)
        }
    }

    mutating func start(_ line: String, _ actions: inout [Action]) {
        lineStatus = .success
        let input = InputParser.parse(line)
        switch input {
        case .empty:
            return
        case .error(let message):
            fail(Failure(message: message, status: .commandFailed), &actions)
        case .api, .consoleLogLevel:
            guard requireConnection(&actions) else { return }
            startCommands(input.commands, line: line, &actions)
        case .bgapi(let command):
            guard requireConnection(&actions) else { return }
            let id = makeID()
            jobs[id] = Job(line: command)
            inFlight = InFlight(id: id, line: line, kind: .job, started: now)
            actions.append(.startJob(id, command))
        case .slash(let command):
            runSlash(command, line: line, &actions)
        }
    }

    /// Starts the first of `commands`; the rest follow as each is answered.
    mutating func startCommands(_ commands: [ESLCommand], line: String, _ actions: inout [Action]) {
        guard let first = commands.first else { return }
        let id = makeID()
        inFlight = InFlight(id: id, line: line, kind: .commands(Array(commands.dropFirst())), started: now)
        send(first, id: id, &actions)
    }

    mutating func send(_ command: ESLCommand, id: RequestID, _ actions: inout [Action]) {
        if debugLevel >= 7 { actions.append(.show(palette.notice("> \(command.description)"))) }
        pendingCommand = command
        actions.append(.send(id, command))
    }

    mutating func replied(_ running: InFlight, commands rest: [ESLCommand], _ outcome: Result<ReplyText, Failure>, _ actions: inout [Action]) {
        let sent = pendingCommand
        pendingCommand = nil
        switch outcome {
        case .failure(let failure):
            inFlight = nil
            if !failure.isCancellation { fail(failure, &actions) }
            advance(&actions)
            return
        case .success(let reply):
            // Interactive only: in batch mode every line is queued at once, and in order.
            if running.othersSubmitted && configuration.interactive { actions.append(.show(palette.notice("── \(running.line)"))) }
            if reply.isError {
                record(.commandFailed)
                actions.append(.show(palette.error(reply.text)))
                if configuration.interactive, rest.isEmpty, let word = Self.unknownCommand(in: reply.text) {
                    if let names = switchCommands {
                        if let suggestion = Self.suggestion(for: word, among: names) { actions.append(.show(palette.notice(suggestion))) }
                    } else {
                        inFlight?.kind = .commandList
                        actions.append(.fetchCommandList(running.id, for: word))
                        return
                    }
                }
            } else {
                if !reply.text.isEmpty { actions.append(.show(palette.output(reply.text))) }
                if let sent, ESLSubscriptions.changes(sent) { subscriptions.applyAccepted(commandLine: sent.line) }
            }
        }
        if let next = rest.first {
            inFlight?.kind = .commands(Array(rest.dropFirst()))
            inFlight?.othersSubmitted = false
            send(next, id: running.id, &actions)
        } else {
            inFlight = nil
            advance(&actions)
        }
    }

    mutating func finishInFlight(_ actions: inout [Action]) {
        inFlight = nil
        advance(&actions)
    }

    mutating func requireConnection(_ actions: inout [Action]) -> Bool {
        if link == .connected { return true }
        let reconnecting = link == .disconnected ? "" : "; reconnecting"
        fail(Failure(message: "not connected to \(configuration.address)\(reconnecting)", status: .connectionFailed), &actions)
        return false
    }

    mutating func makeID() -> RequestID {
        defer { nextID += 1 }
        return RequestID(value: nextID)
    }

    /// Leaving: nothing queued runs, what runs is cancelled, nothing more is reported.
    mutating func beginExit(_ actions: inout [Action]) {
        isExiting = true
        waiting.removeAll()
        if let running = inFlight { actions.append(.cancel(running.id)) }
        for id in jobs.keys.sorted(by: { $0.value < $1.value }) where id != inFlight?.id { actions.append(.cancel(id)) }
        inFlight = nil
        jobs.removeAll()
    }

    // MARK: Failures

    mutating func fail(_ failure: Failure, _ actions: inout [Action]) {
        guard !isExiting else { return }
        record(failure.status)
        actions.append(.showError(failure.message))
    }

    mutating func record(_ outcome: ExitStatus) {
        status.record(outcome)
        if lineStatus == .success { lineStatus = outcome }
    }

    /// Records why the session ends (Ctrl-C with `-i`, a signal).
    mutating func endSession(_ outcome: ExitStatus) {
        status.end(outcome)
    }

    mutating func interrupted(_ actions: inout [Action]) {
        if let running = inFlight {
            inFlight = nil
            if case .job = running.kind { jobs.removeValue(forKey: running.id) }
            if case .reconnect = running.kind { reconnectRequested = false }
            pendingCommand = nil
            actions.append(.cancel(running.id))
            fail(Failure(message: "\(running.line): cancelled", status: .commandFailed), &actions)
            advance(&actions)
            return
        }
        guard configuration.interactive, !interruptHintShown else { return }
        interruptHintShown = true
        actions.append(.show(palette.notice("Type /exit or press Ctrl-D on an empty line to leave.")))
    }
}
