import NIOCore

/// The client side of one connection as a pure value: greeting → authenticating → ready → closing →
/// closed. It takes what happened (a message arrived, a command is to be sent, the socket closed)
/// and says what to do; it does no I/O, so every path is testable with plain calls.
///
/// Replies are matched to commands through a FIFO of pending requests, by kind: the switch answers
/// in command order, but events, log lines and (in myevents and outbound mode) queued events may
/// arrive before a reply (captures 23, 27–29), so "the next frame" is never assumed to be a reply.
public struct ESLClientStateMachine: Sendable {
    /// How the connection was made.
    public enum Mode: Sendable, Hashable {
        /// The client connected to the switch and must authenticate (`user` set: `userauth`).
        case inbound(password: String, user: String?)
        /// The switch connected to us (`socket` application): no greeting, already trusted.
        case outbound
    }

    /// Identifies one sent command so its reply can be handed to whoever waits for it.
    public struct RequestID: Sendable, Hashable {
        let value: UInt64
    }

    /// A reply matched to its request.
    public enum Reply: Sendable, Hashable {
        /// `command/reply`.
        case command(ESLCommandReply)
        /// `api/response`.
        case api(ESLAPIResponse)
        /// The outbound `connect` reply (a CHANNEL_DATA header block).
        case channelData(ESLFrame)
    }

    /// What the connection should do next.
    public enum Action: Sendable, Hashable {
        /// Nothing.
        case none
        /// Write this command (and remember nothing: the state machine already queued it).
        case write(ESLCommand)
        /// Authentication succeeded: the connection is usable.
        case authenticated(ESLCommandReply)
        /// Hand this reply to the request's waiter.
        case resolve(RequestID, Reply)
        /// Pass this message (event, log line, linger notice, unknown frame) to the consumer.
        case deliver(ESLMessage)
        /// The connection is over: fail these waiters with the reason, tell the consumer, close
        /// the socket.
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

    private let mode: Mode
    private var state: State
    private var pending = CircularBuffer<(id: RequestID, kind: ESLCommand.ReplyKind)>()
    private var nextID: UInt64 = 0

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

    /// The number of commands sent and not yet answered.
    public var pendingCount: Int { pending.count }

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
        let id = RequestID(value: nextID)
        nextID += 1
        switch state {
        case .ready:
            pending.append((id, command.replyKind))
            if command.verb == "exit" || command.verb == "..." {
                state = .closing(.closedLocally)
            }
            return (id, .write(command))
        case .awaitingGreeting, .authenticating:
            return (id, .reject(id, .protocolViolation("the connection is not authenticated yet")))
        case .closing(let reason), .closed(let reason):
            return (id, .reject(id, reason))
        }
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
        let failing = pending.map(\.id)
        pending.removeAll()
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

    private mutating func resolveNext(_ kind: ESLCommand.ReplyKind, with reply: Reply) -> Action {
        guard let head = pending.first else {
            return close(.protocolViolation("a \(kind) arrived but no command is waiting for one"))
        }
        // The switch refuses an `api` or `connect` it will not run with a command/reply
        // (`-ERR command not found`: captures 11, 25, 27a); that answers the waiting request.
        guard head.kind == kind || kind == .commandReply else {
            return close(.protocolViolation("a \(kind) arrived while the oldest command waits for a \(head.kind)"))
        }
        pending.removeFirst()
        return .resolve(head.id, reply)
    }
}
