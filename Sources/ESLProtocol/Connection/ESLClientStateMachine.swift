import NIOCore

/// The client side of one connection as a pure value: greeting → authenticating → ready → closing →
/// closed. It takes what happened (a message arrived, a command is to be sent, the socket closed)
/// and says what to do; it does no I/O, so every path is testable with plain calls.
///
/// Replies are matched to commands through a FIFO of pending requests, by kind: the switch answers
/// in command order, but events, log lines and (in myevents and outbound mode) queued events may
/// arrive before a reply (captures 23, 27–29), so "the next frame" is never assumed to be a reply.
///
/// It also keeps the client's bookkeeping: ``subscriptions``, the mirror of what the switch accepted
/// of the caller's subscription commands, and the bgapi jobs (``startJob(_:_:jobUUID:deliversEvent:)``),
/// with the BACKGROUND_JOB subscription and `Job-UUID` filters it adds for them on its own. So it
/// also decides which events reach the consumer.
public struct ESLClientStateMachine: Sendable {
    /// How the connection was made.
    public enum Mode: Sendable, Hashable {
        /// The client connected to the switch and must authenticate (`user` set: `userauth`).
        case inbound(password: String, user: String?)
        /// The switch connected to us (`socket` application): no greeting, already trusted.
        case outbound
    }

    /// Identifies one sent command so its reply can be handed to whoever waits for it; a
    /// background job is identified by the ID of its bgapi.
    public struct RequestID: Sendable, Hashable {
        let value: UInt64
    }

    /// What the connection should do next.
    public enum Action: Sendable, Hashable {
        /// Nothing.
        case none
        /// Write this command (and remember nothing: the state machine already queued it). Several
        /// in a row must be written in order, before anything else is sent.
        case write(ESLCommand)
        /// Authentication succeeded: the connection is usable.
        case authenticated(ESLCommandReply)
        /// Hand this reply to the request's waiter.
        case resolve(RequestID, ESLReply)
        /// Pass this message (event, log line, linger notice, unknown frame) to the consumer.
        case deliver(ESLMessage)
        /// A background job's BACKGROUND_JOB event arrived: hand the event to the job's waiter and,
        /// if `deliver` is set, that message to the consumer as for ``deliver(_:)``.
        case resolveJob(RequestID, ESLEvent, deliver: ESLMessage?)
        /// The connection is over: fail these waiters with the reason (requests not yet answered,
        /// then jobs whose event has not come), tell the consumer, close the socket.
        case close(ESLConnectionFailure, failing: [RequestID])
        /// A command could not be sent in this state: fail its waiter at once.
        case reject(RequestID, ESLConnectionFailure)
    }

    private enum State: Sendable {
        case awaitingGreeting
        case authenticating
        case ready
        /// A goodbye notice arrived or `exit` was sent; replies may still come in.
        case closing(ESLConnectionFailure)
        case closed(ESLConnectionFailure)
    }

    /// Who waits for a reply, and what it means when it comes.
    private enum Purpose: Sendable {
        /// The caller's command, applied to ``subscriptions`` if the switch accepts it.
        case caller(line: String)
        /// A job's bgapi: its caller waits; a refusal means no event will come.
        case bgapi(jobUUID: String)
        /// A subscription or filter command the machine sent for its jobs; nobody waits.
        case housekeeping
    }

    private let mode: Mode
    private var state: State
    private var pending = CircularBuffer<(id: RequestID, kind: ESLCommand.ReplyKind, purpose: Purpose)>()
    private var nextID: UInt64 = 0
    private var jobs = BackgroundJobs()
    /// Housekeeping commands not yet answered: until the switch has applied them, it may still send
    /// events by the rules before them.
    private var housekeepingInFlight = 0

    /// What the switch has accepted of the caller's `event`, `nixevent`, `noevents`, `filter`, `log`
    /// and `nolog` commands (not the subscription and filters added for jobs): the rules an event
    /// must pass to be delivered while jobs are in progress.
    public private(set) var subscriptions = ESLSubscriptions()

    /// Starts a connection in the given mode.
    public init(mode: Mode) {
        self.mode = mode
        switch mode {
        case .inbound: state = .awaitingGreeting
        case .outbound: state = .ready
        }
    }

    /// Whether commands may be sent now.
    public var isReady: Bool {
        if case .ready = state { return true }
        return false
    }

    /// Why the connection ended, once it has.
    public var closeReason: ESLConnectionFailure? {
        switch state {
        case .closed(let reason): reason
        case .awaitingGreeting, .authenticating, .ready, .closing: nil
        }
    }

    /// The number of commands sent and not yet answered (those sent for jobs included).
    public var pendingCount: Int { pending.count }

    /// The number of background jobs started and not yet finished.
    public var jobCount: Int { jobs.count }

    /// A frame arrived.
    public mutating func received(_ message: ESLMessage) -> Action {
        switch state {
        case .awaitingGreeting:
            return receivedDuringGreeting(message)
        case .authenticating:
            return receivedDuringAuthentication(message)
        case .ready, .closing:
            return receivedWhileOpen(message)
        case .closed:
            return .none
        }
    }

    /// The caller wants to send `command`; returns its ID and what to do.
    public mutating func send(_ command: ESLCommand) -> (RequestID, Action) {
        let id = makeID()
        if let refusal = refusal(of: id) { return (id, refusal) }
        pending.append((id, command.replyKind, .caller(line: command.line)))
        if command.verb == "exit" || command.verb == "..." {
            state = .closing(.closedLocally)
        }
        return (id, .write(command))
    }

    /// The caller wants to run `bgapi <command> [<arguments>]` as a job with this `jobUUID`;
    /// returns the job's ID (also its bgapi's, for the reply) and the commands to write, in order.
    ///
    /// If the caller is not subscribed to BACKGROUND_JOB, the machine subscribes first (once for
    /// any number of concurrent jobs); if the caller has filters, it adds `filter Job-UUID
    /// <jobUUID>`. ``finishJob(_:)`` undoes both. The job's event then comes as
    /// ``Action/resolveJob(_:_:deliver:)``, delivered too only if `deliversEvent` and the caller's
    /// own ``subscriptions`` let it through.
    public mutating func startJob(_ command: String, _ arguments: String? = nil, jobUUID: String, deliversEvent: Bool = true) -> (RequestID, [Action]) {
        let id = makeID()
        if let refusal = refusal(of: id) { return (id, [refusal]) }
        guard let setup = jobs.start(id, uuid: jobUUID, deliversEvent: deliversEvent, subscriptions: subscriptions) else {
            return (id, [.reject(id, .protocolViolation("a background job with Job-UUID \(jobUUID) is already running"))])
        }
        var actions: [Action] = []
        if setup.subscribes {
            actions.append(housekeep(.event(subscriptions.format, [ESLEventName.backgroundJob])))
        }
        if setup.filters {
            actions.append(housekeep(.filter("Job-UUID", jobUUID)))
        }
        let bgapi = ESLCommand.bgapi(command, arguments, jobUUID: jobUUID)
        pending.append((id, bgapi.replyKind, .bgapi(jobUUID: jobUUID)))
        actions.append(.write(bgapi))
        return (id, actions)
    }

    /// The job is over for its caller (its event came, the bgapi was refused, or the caller gave
    /// up waiting); returns the commands that undo what was set up for it, in order. An event that
    /// comes for it later is treated like any other BACKGROUND_JOB event.
    public mutating func finishJob(_ id: RequestID) -> [Action] {
        guard let cleanup = jobs.finish(id, subscriptions: subscriptions) else { return [] }
        switch state {
        case .ready:
            break
        case .awaitingGreeting, .authenticating, .closing, .closed:
            // Nothing more may be sent; the switch forgets the session's subscriptions anyway.
            return []
        }
        var actions: [Action] = []
        if let jobUUID = cleanup.filterToDelete {
            actions.append(housekeep(.filterDelete("Job-UUID", jobUUID)))
        }
        if cleanup.unsubscribes {
            actions.append(housekeep(.nixevent([ESLEventName.backgroundJob])))
        }
        return actions
    }

    private mutating func makeID() -> RequestID {
        defer { nextID += 1 }
        return RequestID(value: nextID)
    }

    /// Why nothing may be sent in this state, as the rejection of request `id`; nil when ready.
    private func refusal(of id: RequestID) -> Action? {
        switch state {
        case .ready:
            return nil
        case .awaitingGreeting, .authenticating:
            return .reject(id, .protocolViolation("the connection is not authenticated yet"))
        case .closing(let reason), .closed(let reason):
            return .reject(id, reason)
        }
    }

    /// Queues a command sent for the jobs, whose reply nobody awaits.
    private mutating func housekeep(_ command: ESLCommand) -> Action {
        pending.append((makeID(), command.replyKind, .housekeeping))
        housekeepingInFlight += 1
        return .write(command)
    }

    /// The socket closed (EOF or error).
    public mutating func closed() -> Action {
        switch state {
        case .closed:
            return .none
        case .closing(let reason):
            return close(reason)
        case .awaitingGreeting, .authenticating, .ready:
            return close(.closedByPeer)
        }
    }

    /// The local side gives up on the connection (close(), a timeout, a decoding error).
    public mutating func fail(_ reason: ESLConnectionFailure) -> Action {
        switch state {
        case .closed:
            return .none
        case .awaitingGreeting, .authenticating, .ready, .closing:
            return close(reason)
        }
    }

    private mutating func close(_ reason: ESLConnectionFailure) -> Action {
        state = .closed(reason)
        var failing: [RequestID] = []
        for request in pending {
            if case .housekeeping = request.purpose { continue }
            failing.append(request.id)
        }
        pending.removeAll()
        housekeepingInFlight = 0
        // A job whose bgapi is unanswered is already in the list.
        let answered = Set(failing)
        failing += jobs.removeAll().filter { !answered.contains($0) }
        return .close(reason, failing: failing)
    }

    private mutating func receivedDuringGreeting(_ message: ESLMessage) -> Action {
        switch message {
        case .authRequest:
            guard case .inbound(let password, let user) = mode else {
                return close(.protocolViolation("auth/request on an outbound connection"))
            }
            state = .authenticating
            if let user {
                return .write(.userauth(user: user, password: password))
            }
            return .write(.auth(password: password))
        case .rudeRejection(let text):
            return close(.rejected(text))
        case .disconnectNotice(let notice):
            return close(.disconnected(notice))
        case .commandReply, .apiResponse, .event, .log, .channelData, .other:
            return close(.protocolViolation("expected the auth/request greeting, got \(message.frame.contentType ?? "a frame without Content-Type")"))
        }
    }

    private mutating func receivedDuringAuthentication(_ message: ESLMessage) -> Action {
        switch message {
        case .commandReply(let reply):
            if reply.text.lowercased() == "+ok accepted" {
                state = .ready
                return .authenticated(reply)
            }
            return close(.authenticationFailed(reply.text))
        case .disconnectNotice(let notice):
            return close(.disconnected(notice))
        case .rudeRejection(let text):
            return close(.rejected(text))
        case .authRequest, .apiResponse, .event, .log, .channelData, .other:
            return close(.protocolViolation("expected the reply to auth, got \(message.frame.contentType ?? "a frame without Content-Type")"))
        }
    }

    private mutating func receivedWhileOpen(_ message: ESLMessage) -> Action {
        switch message {
        case .commandReply(let reply):
            return resolveNext(.commandReply, with: .command(reply))
        case .apiResponse(let response):
            return resolveNext(.apiResponse, with: .api(response))
        case .channelData(let frame):
            return resolveNext(.channelData, with: .channelData(frame))
        case .other(let frame) where !frame.headers.contains("Content-Type"):
            // Every frame a switch sends has a Content-Type; one without means the byte stream is
            // out of step (e.g. a wrong Content-Length), and every later reply would be misread.
            return close(.protocolViolation("a frame without Content-Type; the stream is out of step near \(String(buffer: frame.headers.block).prefix(60).debugDescription)"))
        case .event(let frame) where jobs.watchesEvents || housekeepingInFlight > 0:
            return receivedDuringJobs(frame)
        case .event, .log, .other:
            return .deliver(message)
        case .disconnectNotice(let notice):
            if notice.isLinger { return .deliver(message) }
            return close(.disconnected(notice))
        case .rudeRejection(let text):
            return close(.rejected(text))
        case .authRequest:
            return close(.protocolViolation("auth/request after authentication"))
        }
    }

    private mutating func resolveNext(_ kind: ESLCommand.ReplyKind, with reply: ESLReply) -> Action {
        guard let head = pending.first else {
            return close(.protocolViolation("a \(kind) arrived but no command is waiting for one"))
        }
        // The switch refuses an `api` or `connect` it will not run with a command/reply
        // (`-ERR command not found`: captures 11, 25, 27a); that answers the waiting request.
        guard head.kind == kind || kind == .commandReply else {
            return close(.protocolViolation("a \(kind) arrived while the oldest command waits for a \(head.kind)"))
        }
        pending.removeFirst()
        switch head.purpose {
        case .caller(let line):
            if case .command(let commandReply) = reply, commandReply.isOK {
                subscriptions.applyAccepted(commandLine: line)
            }
            return .resolve(head.id, reply)
        case .bgapi(let jobUUID):
            if case .command(let commandReply) = reply, commandReply.isError {
                jobs.refused(jobUUID)
            }
            return .resolve(head.id, reply)
        case .housekeeping:
            housekeepingInFlight -= 1
            return .none
        }
    }

    private static let eventName = ESLHeaderNames(["Event-Name"])

    /// An event while jobs are in progress or their setup is not yet undone: a job's own event
    /// resolves it, and a BACKGROUND_JOB event is delivered only if the caller's own subscriptions
    /// and filters accept it, so what the quiet subscription or a `Job-UUID` filter let in does not
    /// leak to the consumer.
    ///
    /// Other events pass unexamined: the jobs' setup admits no other type, and the mirror does not
    /// know everything the switch applies (`myevents`, an outbound session's events), so the
    /// switch's judgement stands for them.
    private mutating func receivedDuringJobs(_ frame: ESLEventFrame) -> Action {
        let message = ESLMessage.event(frame)
        // An event that does not decode goes on as it is, for the consumer to report.
        guard (try? frame.firstValues(Self.eventName).first) == ESLEventName.backgroundJob,
              let event = try? frame.decode()
        else { return .deliver(message) }
        let wanted = subscriptions.passesSubscription(event) && subscriptions.passesFilters(event)
        if let jobUUID = event["Job-UUID"], let (id, job) = jobs.eventArrived(jobUUID) {
            return .resolveJob(id, event, deliver: wanted && job.deliversEvent ? message : nil)
        }
        return wanted ? .deliver(message) : .none
    }
}
