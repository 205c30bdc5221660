import ESLProtocol
import LineEditor

/// The console session's rules as a pure value: it takes what happened (a line submitted, a reply,
/// a job's result, a disconnect, a reconnect, a tick, Ctrl-C) and returns what to do (send, show,
/// redraw the status line, reconnect, stop). It does no I/O; ``ConsoleSession`` carries the
/// actions out, and tests drive it with plain calls.
///
/// It owns the queue of lines (one command runs at a time, in the order typed), the table of
/// background jobs, the mirror of the switch's subscriptions (to show and to restore after a
/// reconnect), the history policy and the exit status.
struct ConsoleStateMachine: Sendable {
    /// Names one request handed to the interpreter, so its outcome can be matched to it.
    struct RequestID: Sendable, Hashable, CustomStringConvertible {
        let value: Int
        var description: String { "#\(value)" }
    }

    /// Why a request did not get its reply.
    struct Failure: Sendable, Equatable, Error {
        var message: String
        /// The exit status the failure counts as (1 failed, 3 connection, 4 timeout).
        var status: ExitStatus
        /// Cancelled by Ctrl-C or by the session ending: the machine already said so.
        var isCancellation = false
    }

    /// What the session is told.
    enum Input: Sendable, Equatable {
        /// A line to run: typed at the prompt (`typed`, so history may keep it), an F-key macro, or a
        /// line of batch input.
        case submitted(String, typed: Bool)
        /// Batch input ended: finish the queued lines and jobs, then stop.
        case endOfInput
        /// A command's reply, or why there is none.
        case replied(RequestID, Result<ReplyText, Failure>)
        /// The switch accepted a bgapi (`+OK Job-UUID: …`).
        case jobAccepted(RequestID, String)
        /// A background job's result arrived.
        case jobFinished(RequestID, jobUUID: String, output: String, isError: Bool)
        /// A background job failed before its result (refused, timed out, disconnected).
        case jobFailed(RequestID, Failure)
        /// Ctrl-C at the prompt.
        case interrupted
        /// The user leaves (`/exit`, Ctrl-D, a signal): nothing more runs or is reported.
        case exiting
        /// The connection ended; `reason` is the switch's notice or the error, if any.
        case disconnected(reason: String?)
        /// An automatic or requested reconnection attempt failed.
        case reconnectAttemptFailed(attempt: Int, reason: String)
        /// Connected again after `attempts` attempts and `elapsed`, with the subscriptions restored.
        case reconnected(identity: SwitchLink.Identity, subscriptions: ESLSubscriptions, attempts: Int, elapsed: Duration)
        /// The switch's API command names (`show api`; empty if it would not say), asked for to
        /// suggest one for `word` after `-ERR word Command not found!`.
        case commandList(RequestID, [String], for: String)
        /// About once a second: the stream's rate and what could not be shown, for the status line.
        case tick(eventsPerSecond: Int, dropped: Int)
    }

    /// What the session should do.
    enum Action: Sendable, Equatable {
        /// Send a command; answer with `.replied(id, …)`.
        case send(RequestID, ESLCommand)
        /// Run `bgapi <line>`; answer with `.jobAccepted`, then `.jobFinished` or `.jobFailed`.
        case startJob(RequestID, String)
        /// Give up on a request (its late outcome is ignored).
        case cancel(RequestID)
        /// Show text (already coloured) in the output.
        case show(String)
        /// Show an error: red above the prompt, or `fscli: …` on stderr in batch mode.
        case showError(String)
        /// The pane's status line has this text now.
        case status(String)
        /// The prompt changed (a new identity after a reconnect).
        case updatePrompt
        /// Close the connection on purpose (`/reconnect`); a `.disconnected` follows.
        case closeConnection
        /// Connect again (at once, or after the backoff), then send `restore`.
        case reconnect(immediately: Bool, restore: [ESLCommand])
        /// Ask the switch for its API command names for a did-you-mean on `word`; answer with
        /// `.commandList`.
        case fetchCommandList(RequestID, for: String)
        /// Nothing is running: a reader without line editing may show its prompt now.
        case promptReady
        /// Scroll-back search, pause or resume, for the pane.
        case pane(PaneCommand)
        /// The session is over.
        case stop
    }

    /// The state of the link to the switch, as the status line names it.
    enum Link: Sendable, Equatable {
        case connected
        case reconnecting(attempts: Int, lastError: String?, since: ContinuousClock.Instant)
        case disconnected
    }

    /// The one command running.
    struct InFlight: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// Server commands sent one after the other (`console loglevel` is two).
            case commands([ESLCommand])
            /// A bgapi waiting for the switch to accept it.
            case job
            /// `/reconnect`, waiting for the new connection.
            case reconnect
            /// The switch's command list, to suggest the command a typo meant (before the next line
            /// runs, so the suggestion follows its error).
            case commandList
        }

        var id: RequestID
        /// The line as typed, to name it in the status line and in reply headings.
        var line: String
        var kind: Kind
        var started: ContinuousClock.Instant
        /// Another line was submitted while this one ran: its reply gets a heading naming it.
        var othersSubmitted = false
    }

    /// A background job waiting for its result.
    struct Job: Sendable, Equatable {
        var line: String
        var started: ContinuousClock.Instant
        /// The switch accepted it: `-t` no longer applies (it bounds the acceptance, not the job).
        var accepted = false
    }

    /// Fixed for the session.
    struct Configuration: Sendable {
        var palette: Palette
        /// "127.0.0.1:8021": the switch as messages name it.
        var address: String
        /// Interactive (a terminal with line editing) or batch.
        var interactive: Bool
        /// `-R`: reconnect after losing the connection.
        var reconnects: Bool
        /// How many history entries are kept.
        var historyLimit = HistoryFile.defaultMaxEntries
    }

    let configuration: Configuration
    private(set) var identity: SwitchLink.Identity
    private(set) var link = Link.connected
    /// What the switch accepted: shown by `/subs` and the status line, restored after a reconnect.
    private(set) var subscriptions = ESLSubscriptions()
    var logFilters = LogFilters()
    private(set) var eventView = EventView.compact
    private(set) var debugLevel = 0
    /// Lines kept by ``HistoryPolicy``, oldest first: what Up-arrow and the history file hold.
    private(set) var history: [String]
    private(set) var status = ExitStatusTracker()
    private(set) var isExiting = false

    private var waiting: [String] = []
    private var inputEnded = false
    private(set) var inFlight: InFlight?
    private(set) var jobs: [RequestID: Job] = [:]
    private var nextID = 0
    private var reconnectRequested = false
    private var interruptHintShown = false
    private var eventsPerSecond = 0
    private var dropped = 0
    /// The switch's API command names once fetched (for did-you-mean).
    private var switchCommands: [String]?
    private var now: ContinuousClock.Instant

    init(configuration: Configuration, identity: SwitchLink.Identity, history: [String] = [], debugLevel: Int = 0, now: ContinuousClock.Instant) {
        self.configuration = configuration
        self.identity = identity
        self.history = history
        self.debugLevel = debugLevel
        self.now = now
    }

    var palette: Palette { configuration.palette }

    /// Nothing runs and nothing waits: the session is idle at its prompt.
    var isIdle: Bool { inFlight == nil && waiting.isEmpty }

    // MARK: Inputs

    /// Feeds one input at time `now`; returns the actions, in order.
    mutating func receive(_ input: Input, now: ContinuousClock.Instant) -> [Action] {
        self.now = now
        var actions: [Action] = []
        switch input {
        case .submitted(let line, let typed):
            guard !isExiting else { return [] }
            if typed { HistoryPolicy.record(line, in: &history, limit: configuration.historyLimit) }
            if inFlight != nil { inFlight?.othersSubmitted = true }
            waiting.append(line)
            advance(&actions)
        case .endOfInput:
            inputEnded = true
            advance(&actions)
        case .replied(let id, let outcome):
            guard let running = inFlight, running.id == id, case .commands(let commands) = running.kind else { return [] }
            replied(running, commands: commands, outcome, &actions)
        case .jobAccepted(let id, let text):
            guard jobs[id] != nil else { return [] }
            jobs[id]?.accepted = true
            actions.append(.show(palette.output(ReplyText.terminated(text))))
            if inFlight?.id == id { finishInFlight(&actions) }
        case .jobFinished(let id, let jobUUID, let output, let isError):
            guard let job = jobs.removeValue(forKey: id) else { return [] }
            if inFlight?.id == id { inFlight = nil }
            let title = palette.notice("BACKGROUND_JOB \(jobUUID) (\(job.line)):")
            let body = ReplyText.terminated(output)
            if isError {
                record(.commandFailed)
                actions.append(.show(title + "\n" + palette.error(body)))
            } else {
                actions.append(.show(title + "\n" + palette.output(body)))
            }
            advance(&actions)
        case .jobFailed(let id, let failure):
            guard let job = jobs[id], !(job.accepted && failure.status == .timedOut && !failure.isCancellation) else { return [] }
            jobs.removeValue(forKey: id)
            let wasRunning = inFlight?.id == id
            if wasRunning { inFlight = nil }
            if !failure.isCancellation { fail(failure, &actions) }
            if wasRunning, failure.status == .timedOut { actions.append(.cancel(id)) }
            advance(&actions)
        case .interrupted:
            interrupted(&actions)
        case .exiting:
            beginExit(&actions)
        case .disconnected(let reason):
            disconnected(reason: reason, &actions)
        case .reconnectAttemptFailed(let attempt, let reason):
            guard case .reconnecting(_, _, let since) = link else { return [] }
            link = .reconnecting(attempts: attempt, lastError: reason, since: since)
        case .reconnected(let identity, let restored, let attempts, let elapsed):
            reconnected(identity: identity, restored: restored, attempts: attempts, elapsed: elapsed, &actions)
        case .commandList(let id, let names, let word):
            guard let running = inFlight, running.id == id, running.kind == .commandList else { return [] }
            if !names.isEmpty { switchCommands = names }
            if let suggestion = Self.suggestion(for: word, among: names) { actions.append(.show(palette.notice(suggestion))) }
            finishInFlight(&actions)
        case .tick(let rate, let dropped):
            eventsPerSecond = rate
            self.dropped = dropped
        }
        actions.append(.status(statusLine.text))
        return actions
    }

    // MARK: Running lines

    /// Starts waiting lines until one is in flight (or none is left).
    private mutating func advance(_ actions: inout [Action]) {
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

    private mutating func start(_ line: String, _ actions: inout [Action]) {
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
            jobs[id] = Job(line: command, started: now)
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

    private mutating func send(_ command: ESLCommand, id: RequestID, _ actions: inout [Action]) {
        if debugLevel >= 7 { actions.append(.show(palette.notice("> \(command.description)"))) }
        pendingCommand = command
        actions.append(.send(id, command))
    }

    /// The command last sent, whose accepted reply updates the subscription mirror.
    private var pendingCommand: ESLCommand?

    private mutating func replied(_ running: InFlight, commands rest: [ESLCommand], _ outcome: Result<ReplyText, Failure>, _ actions: inout [Action]) {
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

    private mutating func finishInFlight(_ actions: inout [Action]) {
        inFlight = nil
        advance(&actions)
    }

    private mutating func requireConnection(_ actions: inout [Action]) -> Bool {
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

    private mutating func record(_ outcome: ExitStatus) {
        status.record(outcome)
    }

    /// Records why the session ends (Ctrl-C with `-i`, a signal).
    mutating func endSession(_ outcome: ExitStatus) {
        status.end(outcome)
    }

    private mutating func interrupted(_ actions: inout [Action]) {
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

    // MARK: The connection

    private mutating func disconnected(reason: String?, _ actions: inout [Action]) {
        guard !isExiting else {
            link = .disconnected
            return
        }
        let requested = reconnectRequested
        reconnectRequested = false
        let restore = SubscriptionReport.restoreCommands(subscriptions)
        if requested {
            link = .reconnecting(attempts: 0, lastError: nil, since: now)
            actions.append(.reconnect(immediately: true, restore: restore))
            return
        }
        let why = reason ?? "the connection to \(configuration.address) ended"
        guard configuration.reconnects else {
            link = .disconnected
            status.end(.connectionFailed)
            fail(Failure(message: "disconnected: \(why)", status: .connectionFailed), &actions)
            isExiting = true
            actions.append(.stop)
            return
        }
        link = .reconnecting(attempts: 0, lastError: nil, since: now)
        actions.append(.showError("connection lost: \(why); reconnecting (-R)"))
        record(.connectionFailed)
        actions.append(.reconnect(immediately: false, restore: restore))
    }

    private mutating func reconnected(identity: SwitchLink.Identity, restored: ESLSubscriptions, attempts: Int, elapsed: Duration, _ actions: inout [Action]) {
        guard !isExiting else { return }
        link = .connected
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

    /// `/reconnect`: closes the connection; the next line runs once connected again.
    mutating func requestReconnect(line: String, _ actions: inout [Action]) {
        guard link == .connected else {
            actions.append(.show("not connected; already reconnecting"))
            return
        }
        reconnectRequested = true
        inFlight = InFlight(id: makeID(), line: line, kind: .reconnect, started: now)
        actions.append(.closeConnection)
    }

    // MARK: Settings the slash commands change

    mutating func setEventView(_ view: EventView) { eventView = view }
    mutating func setDebugLevel(_ level: Int) { debugLevel = level }

    // MARK: The status line

    /// The status line as things stand.
    var statusLine: StatusLine {
        let linkText: String
        switch link {
        case .connected: linkText = "connected"
        case .disconnected: linkText = "disconnected"
        case .reconnecting(let attempts, let lastError, _):
            linkText = attempts == 0 ? "reconnecting" : "reconnecting (\(attempts) attempt\(attempts == 1 ? "" : "s") failed\(lastError.map { ": " + $0 } ?? ""))"
        }
        var running: String?
        if let inFlight {
            running = "\(inFlight.line) · \(Self.seconds(now - inFlight.started))"
        }
        return StatusLine(
            address: configuration.address, switchName: identity.switchName, link: linkText,
            subscriptions: SubscriptionReport.summary(subscriptions), eventsPerSecond: eventsPerSecond,
            dropped: dropped, running: running)
    }

    /// `2.1 s`: one decimal, as the status line and the reconnect line show durations.
    static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let tenths = (Double(parts.seconds) + Double(parts.attoseconds) / 1e18) * 10
        let rounded = Int(tenths.rounded())
        return "\(rounded / 10).\(rounded % 10) s"
    }
}

extension ESLSubscriptions {
    /// Whether `command` can change a connection's subscriptions.
    static func changes(_ command: ESLCommand) -> Bool {
        ["event", "nixevent", "noevents", "filter", "log", "nolog"].contains(command.verb)
    }
}
