import ESLClient
import ESLProtocol
import Foundation
import LineEditor

/// One console session (interactive or batch) after the first connection: runs typed commands in
/// order, one at a time, on a worker task; shows logs and events as they arrive; notices a
/// disconnect at once and, with `-R` or `/reconnect`, connects again and restores the session.
///
/// Nothing here writes to the terminal: every line goes through ``OutputQueue`` to the terminal
/// thread (ARCHITECTURE habit 9).
final class ConsoleSession: Sendable {
    let settings: ConsoleSettings
    let link: SwitchLink
    let queue: OutputQueue
    let palette: Palette
    let logRenderer: LogRenderer
    let eventRenderer: EventRenderer
    let state: Locked<SessionState>
    let status = Locked(ExitStatusTracker())

    /// Lines waiting for the worker, in order.
    private let jobs: AsyncStream<Job>.Continuation
    private let jobStream: AsyncStream<Job>
    /// The command the worker is running, so Ctrl-C can cancel it.
    let inFlight = Locked<Task<Void, Never>?>(nil)
    /// Background jobs (`bgapi`) still waiting for their output.
    let backgroundJobs = Locked<[UUID: Task<Void, Never>]>([:])
    private let tasks = Locked<[Task<Void, Never>]>([])
    /// Signalled each time a new connection is in place (for `/reconnect`).
    let connectionChanges = Locked<[CheckedContinuation<Void, Never>]>([])
    /// Events received this session (the status line's events/s).
    let eventCount = Locked(0)
    /// The last events/s sample.
    let statusRate = Locked(0)
    /// Whether the pane's status line is in use.
    let statusLineEnabled = Locked(false)

    enum Job: Sendable {
        case line(String)
        case endOfInput
    }

    init(settings: ConsoleSettings, queue: OutputQueue, palette: Palette, connection: ESLConnection, identity: SwitchLink.Identity, history: [String]) {
        self.settings = settings
        self.link = SwitchLink(settings: settings)
        self.queue = queue
        self.palette = palette
        self.logRenderer = LogRenderer(palette: palette, uuidPrefixLength: settings.logUUIDPrefixLength)
        self.eventRenderer = EventRenderer(palette: palette)
        var initial = SessionState(connection: connection, identity: identity)
        initial.logFilters.uuid = settings.initialUUIDFilter
        initial.debugLevel = settings.debugLevel
        initial.history = history
        self.state = Locked(initial)
        (jobStream, jobs) = AsyncStream.makeStream(of: Job.self)
    }

    // MARK: Life cycle

    /// Starts the worker and the notification reader; sends the start-up `log` command.
    func start(logCommand: ESLCommand?) {
        let worker = Task { await self.runWorker(logCommand: logCommand) }
        let reader = Task { await self.superviseConnections() }
        tasks.withLock { $0 += [worker, reader] }
    }

    /// Keeps `task` to cancel when the session finishes.
    func track(_ task: Task<Void, Never>) {
        tasks.withLock { $0.append(task) }
    }

    /// Queues a line typed (or read) for the worker.
    func submit(_ line: String) {
        state.withLock { $0.history.append(line) }
        jobs.yield(.line(line))
    }

    /// Batch input ended: the worker finishes the queued lines and background jobs, then stops the loop.
    func submitEndOfInput() {
        jobs.yield(.endOfInput)
    }

    /// Cancels the command in flight; false when there is none.
    func cancelInFlight() -> Bool {
        inFlight.withLock { task in
            guard let task else { return false }
            task.cancel()
            return true
        }
    }

    /// Ends everything without waiting for the switch: no request, no reconnect, no task is left
    /// running, so leaving never hangs (fs_cli hangs on about one exit in ten).
    func finish() async {
        let connection = state.withLock { state in
            state.isExiting = true
            return state.connection
        }
        jobs.finish()
        _ = cancelInFlight()
        for task in backgroundJobs.withLock({ Array($0.values) }) { task.cancel() }
        for task in tasks.withLock({ $0 }) { task.cancel() }
        await connection?.close()
        resumeConnectionWaiters()
    }

    /// The current prompt, coloured for readline.
    var prompt: String {
        let identity = state.withLock { $0.identity }
        let values = PromptTemplate.Values(
            switchName: identity.switchName, localHostname: LocalHost.name, switchHostname: identity.hostname,
            profile: settings.profileName, host: settings.host, port: settings.port)
        return palette.prompt(PromptTemplate(settings.promptString).expand(values))
    }

    // MARK: Output

    /// Shows a line (or lines) above the prompt.
    func say(_ text: String) {
        queue.enqueue(text)
    }

    /// Shows an error and records it for the exit status.
    func fail(_ message: String, _ outcome: ExitStatus = .commandFailed) {
        // Requests cut short because the session is ending are not failures of the run.
        guard !state.current.isExiting else { return }
        status.withLock { $0.record(outcome) }
        say(palette.error(message))
    }

    /// Shows a failed request and records its exit status (4 for a timeout).
    func fail(_ error: ESLClientError) {
        switch error.code {
        case .requestTimeout: fail(error.message, .timedOut)
        case .cancelled: fail("cancelled", .commandFailed)
        case .disconnected, .connectionClosed: fail(error.message, .connectionFailed)
        default: fail(error.message)
        }
    }

    // MARK: The worker

    private func runWorker(logCommand: ESLCommand?) async {
        if let logCommand, let connection = state.current.connection {
            await runServerCommand(logCommand, on: connection)
        }
        for await job in jobStream {
            // After /exit nothing more runs, even if lines were queued behind it.
            guard !state.current.isExiting else { return }
            switch job {
            case .line(let line):
                let task = Task { await self.execute(line) }
                inFlight.withLock { $0 = task }
                await task.value
                inFlight.withLock { $0 = nil }
            case .endOfInput:
                for task in backgroundJobs.withLock({ Array($0.values) }) { await task.value }
                queue.requestStop()
                return
            }
        }
    }

    /// The live connection, or nil after saying why there is none.
    func requireConnection() -> ESLConnection? {
        if let connection = state.current.connection { return connection }
        let reconnecting = settings.reconnect ? "; reconnecting" : ""
        fail("not connected to \(link.address)\(reconnecting)", .connectionFailed)
        return nil
    }

    /// Sends one command, shows its reply and records a failure.
    func runServerCommand(_ command: ESLCommand, on connection: ESLConnection) async {
        if state.current.debugLevel >= 7 { say(palette.notice("> \(command.description)")) }
        do {
            let reply = ReplyText(try await connection.send(command))
            if reply.isError {
                fail(String(reply.text.dropLast(reply.text.hasSuffix("\n") ? 1 : 0)))
            } else if !reply.text.isEmpty {
                say(palette.output(reply.text))
            }
            if ESLSubscriptions.changes(command) {
                let subscriptions = await connection.subscriptions()
                state.withLock { $0.subscriptions = subscriptions }
                updateStatusLine()
            }
        } catch {
            fail(error)
        }
    }

    private func resumeConnectionWaiters() {
        for waiter in connectionChanges.withLock({ waiters in defer { waiters.removeAll() }; return waiters }) {
            waiter.resume()
        }
    }

    /// Called when a new connection is in place.
    func connectionReplaced() {
        resumeConnectionWaiters()
    }
}

extension ESLSubscriptions {
    /// Whether `command` can change a connection's subscriptions.
    static func changes(_ command: ESLCommand) -> Bool {
        ["event", "nixevent", "noevents", "filter", "log", "nolog"].contains(command.verb)
    }
}
