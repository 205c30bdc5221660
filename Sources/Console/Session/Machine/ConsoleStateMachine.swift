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
        /// A fleet's switch could not be reached at start-up; `restore` is what to send once it is
        /// (the start-up `log` command).
        case startedDown(restore: [ESLCommand])
        /// `/record FILE` took effect: every frame received now goes to `path`.
        case recordingStarted(path: String)
        /// The recording stopped: on `/record off` (`frames` written to `path`), or on its own
        /// (`failure` says why: a full disk, a file that could not be created).
        case recordingStopped(path: String?, frames: Int?, failure: String?)
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
        /// Start recording to this file (replacing a recording on); answer with `.recordingStarted`,
        /// or `.recordingStopped` with the failure.
        case startRecording(String)
        /// Stop recording; answer with `.recordingStopped`.
        case stopRecording
        /// The session is over.
        case stop
    }

    /// The state of the link to the switch, as the status line names it.
    enum Link: Sendable, Equatable {
        case connected
        case reconnecting(attempts: Int, lastError: String?)
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
        /// One switch of a fleet: losing it (without `-R`) marks it down instead of ending the
        /// session, and errors go to the output (under the switch's name), never to stderr.
        var fleetMember = false
    }

    let configuration: Configuration
    // The state below is changed only by the machine's own files (this one and its extensions):
    // the interpreter reads it and changes it only through `receive`.
    var identity: SwitchLink.Identity
    var link = Link.connected
    /// What the switch accepted: shown by `/subs` and the status line, restored after a reconnect.
    var subscriptions = ESLSubscriptions()
    var logFilters = LogFilters()
    var eventView = EventView.compact
    var debugLevel = 0
    /// Lines kept by ``HistoryPolicy``, oldest first: what Up-arrow and the history file hold.
    var history: [String]
    var status = ExitStatusTracker()
    /// The first failure since the last line started (`.success` if none): a fleet's reply header.
    var lineStatus = ExitStatus.success
    /// Lines submitted so far (a fleet matches an idle session to the line it handed over).
    var linesSubmitted = 0
    var isExiting = false

    var waiting: [String] = []
    var inputEnded = false
    var inFlight: InFlight?
    var jobs: [RequestID: Job] = [:]
    var nextID = 0
    var reconnectRequested = false
    var interruptHintShown = false
    var eventsPerSecond = 0
    var dropped = 0
    /// The file every frame received is recorded to (`--record`, `/record`), if any.
    var recording: String?
    /// The switch's API command names once fetched (for did-you-mean).
    var switchCommands: [String]?
    var now: ContinuousClock.Instant
    /// The command last sent, whose accepted reply updates the subscription mirror.
    var pendingCommand: ESLCommand?

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
            linesSubmitted += 1
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
            guard case .reconnecting = link else { return [] }
            link = .reconnecting(attempts: attempt, lastError: reason)
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
        case .startedDown(let restore):
            startedDown(restore: restore, &actions)
        case .recordingStarted(let path):
            recording = path
            actions.append(.show("recording every frame received to \(path)"))
        case .recordingStopped(let path, let frames, let failure):
            recording = nil
            if let failure {
                actions.append(.showError(failure))
            } else if let path {
                actions.append(.show("recording stopped: \(frames ?? 0) frame\(frames == 1 ? "" : "s") in \(path)"))
            }
        }
        actions.append(.status(statusLine.text))
        return actions
    }
}


extension ESLSubscriptions {
    /// Whether `command` can change a connection's subscriptions.
    static func changes(_ command: ESLCommand) -> Bool {
        ["event", "nixevent", "noevents", "filter", "log", "nolog"].contains(command.verb)
    }
}
