import ESLClient
import ESLProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// One console session (interactive or batch) after the first connection: the thin interpreter of
/// ``ConsoleStateMachine``. It feeds the machine what happens (lines from the terminal thread,
/// replies and job results from the connection, disconnects, ticks) and carries out the actions it
/// returns: requests on the connection, text to the ``OutputQueue``, the status line, reconnects.
///
/// One lock guards everything mutable (the machine, the connection, the running requests, what
/// completion has learnt); actions run under it in the order returned, so output keeps the order
/// the machine decided. Nothing here writes to the terminal (docs/architecture.md, "One terminal writer").
final class ConsoleSession: Sendable {
    let settings: ConsoleSettings
    let link: SwitchLink
    /// The terminal's queue, or a fleet member's tagging output.
    let queue: any SessionOutput
    let palette: Palette
    let logRenderer: LogRenderer
    let eventRenderer: EventRenderer
    /// Whether the pane's status line is drawn.
    let showsStatus: Bool
    /// This switch's name when it is one of a fleet's: `--events-json` records carry it.
    let fleetName: String?

    struct Core: Sendable {
        var machine: ConsoleStateMachine
        var knowledge = CompletionKnowledge()
        var connection: (any SwitchConnection)?
        /// Requests and jobs running on the connection, to cancel.
        var requests: [ConsoleStateMachine.RequestID: Task<Void, Never>] = [:]
        /// The `-t` limits on bgapi acceptance, by job.
        var timers: [ConsoleStateMachine.RequestID: Task<Void, Never>] = [:]
        /// The reader, the reconnect loop and the ticker.
        var tasks: [Task<Void, Never>] = []
        /// Events received this session (the status line's events/s).
        var eventCount = 0
        /// What the connections that have ended dropped: the status line counts the whole session,
        /// not only the connection since the last reconnect.
        var droppedByEndedConnections = 0
    }

    let core: Locked<Core>

    init(settings: ConsoleSettings, queue: any SessionOutput, palette: Palette, connection: (any SwitchConnection)?,
         identity: SwitchLink.Identity, history: [String], interactive: Bool, showsStatus: Bool, fleetName: String? = nil) {
        self.settings = settings
        self.link = SwitchLink(settings: settings)
        self.queue = queue
        self.palette = palette
        self.showsStatus = showsStatus
        self.fleetName = fleetName
        self.logRenderer = LogRenderer(palette: palette, uuidPrefixLength: settings.logUUIDPrefixLength)
        self.eventRenderer = EventRenderer(palette: palette)
        let configuration = ConsoleStateMachine.Configuration(
            palette: palette, address: link.address, interactive: interactive, reconnects: settings.reconnect,
            fleetMember: fleetName != nil)
        var machine = ConsoleStateMachine(
            configuration: configuration, identity: identity, history: history, debugLevel: settings.debugLevel, now: .now)
        machine.logFilters.uuid = settings.initialUUIDFilter
        machine.recording = ConsoleRecorder.shared.path
        core = Locked(Core(machine: machine, connection: connection))
    }

    // MARK: Life cycle

    /// Starts reading the connection and the status ticker; runs the start-up `log` command.
    func start(logCommand: ESLCommand?) {
        core.withLock { core in
            var actions: [ConsoleStateMachine.Action] = []
            if core.connection == nil {
                // A fleet's switch that could not be reached at start-up.
                actions = core.machine.receive(.startedDown(restore: logCommand.map { [$0] } ?? []), now: .now)
            } else if let logCommand {
                core.machine.startCommands([logCommand], line: logCommand.line, &actions)
            } else {
                actions.append(.promptReady)
            }
            run(actions, &core)
            ConsoleRecorder.shared.onFailure { [weak self] failure in self?.recordingFailed(failure.message) }
            if let connection = core.connection { core.tasks.append(read(connection)) }
            if showsStatus { core.tasks.append(tick()) }
        }
    }

    /// Feeds one input to the machine and carries out its actions.
    func feed(_ input: ConsoleStateMachine.Input) {
        core.withLock { core in
            run(core.machine.receive(input, now: .now), &core)
        }
    }

    /// A line typed (`typed`) or read, or an F-key macro.
    func submit(_ line: String, typed: Bool) {
        feed(.submitted(line, typed: typed))
    }

    /// Ends everything without waiting for the switch: no request, no reconnect, no task is left
    /// running, so leaving never hangs (fs_cli hangs on about one exit in ten).
    func finish() async {
        let (connection, tasks) = core.withLock { core in
            run(core.machine.receive(.exiting, now: .now), &core)
            let tasks = core.tasks + core.requests.values + core.timers.values
            core.tasks.removeAll()
            core.requests.removeAll()
            core.timers.removeAll()
            return (core.connection, tasks)
        }
        for task in tasks { task.cancel() }
        await connection?.close()
    }

    /// The exit status as things stand.
    func exitStatus(interactive: Bool) -> ExitStatus {
        core.withLock { $0.machine.status.status(interactive: interactive) }
    }

    /// Records why the session ends (Ctrl-C with `-i`, a signal).
    func end(_ outcome: ExitStatus) {
        core.withLock { $0.machine.endSession(outcome) }
    }

    /// The current prompt, coloured for readline.
    var prompt: String {
        promptText(core.withLock { $0.machine.identity })
    }

    // MARK: Actions

    private func run(_ actions: [ConsoleStateMachine.Action], _ core: inout Core) {
        for action in actions { run(action, &core) }
    }

    private func run(_ action: ConsoleStateMachine.Action, _ core: inout Core) {
        switch action {
        case .send(let id, let command):
            guard let connection = core.connection else {
                let failure = ConsoleStateMachine.Failure(message: "not connected to \(link.address)", status: .connectionFailed)
                run(core.machine.receive(.replied(id, .failure(failure)), now: .now), &core)
                return
            }
            core.requests[id] = Task {
                let outcome: Result<ReplyText, ConsoleStateMachine.Failure>
                do throws(ESLClientError) {
                    outcome = .success(try await connection.reply(to: command))
                } catch {
                    outcome = .failure(Self.failure(error))
                }
                self.finished(id, .replied(id, outcome))
            }
        case .startJob(let id, let line):
            startJob(id, line, &core)
        case .cancel(let id):
            core.requests.removeValue(forKey: id)?.cancel()
            core.timers.removeValue(forKey: id)?.cancel()
        case .show(let text):
            show(text)
        case .showError(let message):
            if core.machine.configuration.interactive || core.machine.configuration.fleetMember {
                queue.enqueue(palette.error(message))
            } else {
                StandardStreams.error(message)
            }
        case .status(let text):
            queue.sessionStatus(showsStatus ? text : nil, link: core.machine.link, eventsPerSecond: core.machine.eventsPerSecond)
        case .updatePrompt:
            queue.setPrompt(promptText(core.machine.identity))
        case .closeConnection:
            if let connection = core.connection { core.tasks.append(Task { await connection.close() }) }
        case .reconnect(let immediately, let restore):
            core.connection = nil
            core.tasks.append(Task { await self.reconnect(immediately: immediately, restore: restore) })
        case .fetchCommandList(let id, let word):
            guard let connection = core.connection else {
                run(core.machine.receive(.commandList(id, [], for: word), now: .now), &core)
                return
            }
            core.requests[id] = Task {
                let reply = try? await connection.reply(to: .api("show", "api"))
                let names = reply.map { $0.isError ? [] : Self.commandNames(fromShowAPI: $0.text) } ?? []
                self.finished(id, .commandList(id, names, for: word))
            }
        case .promptReady:
            queue.sessionIdle(linesSubmitted: core.machine.linesSubmitted, lineStatus: core.machine.lineStatus)
        case .pane(let command):
            queue.pane(command)
        case .stop:
            queue.requestStop()
        case .startRecording(let path):
            core.tasks.append(Task { await self.startRecording(path) })
        case .stopRecording:
            core.tasks.append(Task { await self.stopRecording() })
        }
    }

    /// Text for the reader: on stdout through the queue, or, when stdout holds only JSON records
    /// (`--events-json`), on stderr.
    func show(_ text: String) {
        if settings.eventsJSON {
            StandardStreams.aside(text)
        } else {
            queue.enqueue(text)
        }
    }

    /// A request ended: it is no longer cancellable, and the machine hears of it.
    private func finished(_ id: ConsoleStateMachine.RequestID, _ input: ConsoleStateMachine.Input) {
        core.withLock { core in
            core.requests.removeValue(forKey: id)
            core.timers.removeValue(forKey: id)?.cancel()
            run(core.machine.receive(input, now: .now), &core)
        }
    }

    /// `bgapi`: the job runs on the connection; `-t` bounds how long the switch may take to accept
    /// it, not the job.
    private func startJob(_ id: ConsoleStateMachine.RequestID, _ line: String, _ core: inout Core) {
        guard let connection = core.connection else { return }
        core.requests[id] = Task {
            do throws(ESLClientError) {
                let job = try await connection.backgroundJob(line) { text in self.feed(.jobAccepted(id, text)) }
                self.finished(id, .jobFinished(id, jobUUID: job.jobUUID, output: job.output, isError: job.isError))
            } catch {
                self.finished(id, .jobFailed(id, Self.failure(error)))
            }
        }
        if let limit = settings.requestTimeout {
            core.timers[id] = Task {
                guard (try? await Task.sleep(for: limit)) != nil else { return }
                let failure = ConsoleStateMachine.Failure(
                    message: "no reply from \(link.address) to bgapi \(line) within the timeout", status: .timedOut)
                // Ignored by the machine once the job was accepted.
                self.feed(.jobFailed(id, failure))
            }
        }
    }

    /// How a failed request is reported.
    static func failure(_ error: ESLClientError) -> ConsoleStateMachine.Failure {
        switch error.code {
        case .requestTimeout: .init(message: error.message, status: .timedOut)
        case .cancelled: .init(message: "cancelled", status: .commandFailed, isCancellation: true)
        case .disconnected, .connectionClosed: .init(message: error.message, status: .connectionFailed)
        default: .init(message: error.message, status: .commandFailed)
        }
    }

    private func promptText(_ identity: SwitchLink.Identity) -> String {
        let values = PromptTemplate.Values(
            switchName: identity.switchName, localHostname: LocalHost.name, switchHostname: identity.hostname,
            profile: settings.profileName, host: settings.host, port: settings.port)
        return palette.prompt(PromptTemplate(settings.promptString).expand(values))
    }

    /// Command names from `show api`: a `name,description,syntax,ikey` header, a row per command,
    /// a blank line and `N total.`.
    static func commandNames(fromShowAPI text: String) -> [String] {
        text.split(separator: "\n").dropFirst().compactMap { row in
            guard let comma = row.firstIndex(of: ","), !row.hasSuffix(" total.") else { return nil }
            return String(row[..<comma])
        }
    }

    // MARK: The status ticker

    /// Log lines and events this session's connections dropped because the console fell behind,
    /// every connection since the start included.
    var connectionDrops: Int {
        core.withLock { $0.droppedByEndedConnections + ($0.connection?.droppedCount ?? 0) }
    }

    /// About once a second: the events/s rate and the running command's time in the status line.
    private func tick() -> Task<Void, Never> {
        Task {
            var rate = EventRate()
            while !Task.isCancelled {
                let count = core.withLock { $0.eventCount }
                let perSecond = rate.sample(count: count, at: .now)
                feed(.tick(eventsPerSecond: perSecond, dropped: queue.droppedTotal + connectionDrops))
                guard (try? await Task.sleep(for: .seconds(1))) != nil else { return }
            }
        }
    }
}
