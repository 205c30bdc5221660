/// The switch's side of one event-socket connection ("listener"): the auth gate, the whole of
/// `parse_command`, and the per-listener state that decides which events and log lines the
/// client gets (docs/protocol.md, "Connection life cycle", "Command table" and "Subscriptions").
///
/// A pure value: feed it decoded client packets and timer expiries, run the returned actions in
/// order. Whatever only the simulated core can answer (channels, variables, UUIDs, the user
/// directory) comes in through ``ESLServerCore``.
public struct ESLServerSession: Sendable {
    /// Who opened the connection.
    public enum Mode: Sendable, Hashable {
        /// A client connected to the switch (`auth/request` first, password required).
        case inbound
        /// The switch connected to a client for a channel (dialplan `socket`): pre-authenticated,
        /// controlling `channel`. Without `full` only a few commands work (docs/protocol.md, "Outbound mode").
        case outbound(channel: String, async: Bool, full: Bool)
    }

    /// Where the connection is in its life (docs/protocol.md, "Connection life cycle").
    public enum Phase: Sendable, Hashable {
        /// Waiting for the first packet, which has a 25-second limit.
        case awaitingFirstPacket
        /// Reading packets with no time limit.
        case running
        /// The goodbye was sent and the socket is to be closed; later input is ignored, as the
        /// switch has stopped reading.
        case closed
    }

    /// How long the controlled channel's connection stays after the channel hangs up.
    public enum Linger: Sendable, Hashable {
        /// `linger`: until the client leaves.
        case forever
        /// `linger <n>`
        case seconds(Int)
    }

    /// Inbound or outbound.
    public let mode: Mode
    /// The password `auth` must match exactly (inbound only).
    public let password: String
    /// Where the connection is in its life.
    public internal(set) var phase: Phase = .awaitingFirstPacket
    /// Whether `auth`/`userauth` succeeded (always true outbound).
    public internal(set) var isAuthenticated: Bool
    /// What `userauth` allowed.
    public internal(set) var permissions: ESLListenerPermissions = .unrestricted
    /// Event types, subclasses, format, filters and log level.
    public internal(set) var subscriptions = ESLSubscriptions()
    /// The switch's `LFLAG_EVENTS`: set by a successful `event`, `nixevent` or `myevents`, cleared
    /// by `noevents`. Events flow only while it is on.
    public internal(set) var eventsEnabled = false
    /// `myevents` is on: only events of the controlled channel pass (docs/protocol.md, "myevents").
    public internal(set) var myEvents = false
    /// The channel this listener controls: the outbound channel, or the one found by inbound
    /// `myevents <uuid>`.
    public internal(set) var controlledSession: String?
    /// The switch's `LFLAG_ASYNC`: outbound `async`, or set by inbound `myevents <uuid>`. Decides
    /// whether `sendmsg` to the own channel is queued or executed inline.
    public internal(set) var isAsync: Bool
    /// Linger after the channel hangs up, or `nil`.
    public internal(set) var linger: Linger?
    /// Whether `divert_events on` was the last divert command.
    public internal(set) var divertEvents = false
    /// Whether `resume` was sent (the dialplan continues after the socket ends).
    public internal(set) var resumeRequested = false

    /// An inbound connection; the I/O layer sends `Content-Type: auth/request` (``greeting``) first.
    public init(password: String) {
        self.mode = .inbound
        self.password = password
        self.isAuthenticated = false
        self.isAsync = false
    }

    /// An outbound connection for `channel` (dialplan `socket <host:port> [async] [full]`).
    public init(outboundChannel channel: String, async: Bool, full: Bool) {
        self.mode = .outbound(channel: channel, async: async, full: full)
        self.password = ""
        self.isAuthenticated = true
        self.isAsync = async
        self.controlledSession = channel
    }

    /// The first frame of an inbound connection, or `nil` for outbound (the switch sends nothing).
    public var greeting: ESLFrame? {
        switch mode {
        case .inbound: ESLFrame(headers: [("Content-Type", ESLContentType.authRequest)])
        case .outbound: nil
        }
    }

    /// Whether logging is on (`log` succeeded, no `nolog` since).
    public var isLogging: Bool { subscriptions.logLevel != nil }

    /// Feeds one client packet; returns what to do, in order.
    public mutating func received(_ frame: ESLFrame, core: some ESLServerCore) -> [Action] {
        received(ESLClientPacket(frame: frame), core: core)
    }

    /// Feeds one client packet; returns what to do, in order.
    public mutating func received(_ packet: ESLClientPacket, core: some ESLServerCore) -> [Action] {
        let first: Bool
        switch phase {
        case .closed: return []
        case .awaitingFirstPacket:
            first = true
            phase = .running
        case .running:
            first = false
        }
        var outcome = parseCommand(packet, core: core)
        // The switch never sends the reply to an outbound connection's first packet: that packet
        // is parsed outside the loop that writes replies (normally it is `connect`, which has none).
        if first, case .outbound = mode { outcome.reply = nil }
        var actions = outcome.before
        if let reply = outcome.reply { actions.append(.send(reply)) }
        actions += outcome.after
        if outcome.close {
            actions.append(goodbye())
        }
        return actions
    }

    /// The first packet did not arrive within 25 seconds: goodbye and close.
    public mutating func firstPacketTimedOut() -> [Action] {
        switch phase {
        case .awaitingFirstPacket: return [goodbye()]
        case .running, .closed: return []
        }
    }

    /// The client sent a packet the switch refuses to read (a `Content-Length` below 0 or above
    /// 16 MiB, docs/protocol.md, "Client packets"): goodbye and close.
    public mutating func receivedMalformedPacket() -> [Action] {
        switch phase {
        case .awaitingFirstPacket, .running: return [goodbye()]
        case .closed: return []
        }
    }

    /// The controlled channel hung up: with linger, the linger notice and its timer; without, the
    /// goodbye and close (docs/protocol.md, "Disconnect notices").
    public mutating func controlledChannelHungUp(channelName: String) -> [Action] {
        switch phase {
        case .closed: return []
        case .awaitingFirstPacket, .running:
            guard let linger, let uuid = controlledSession else { return [goodbye()] }
            let notice = ESLDisconnectNotice(disposition: "linger", controlledSessionUUID: uuid, channelName: channelName, lingerTime: linger.seconds ?? -1, message: "")
            return [.send(notice.frame), .startLingerTimer(seconds: linger.seconds)]
        }
    }

    /// The linger time ran out: goodbye and close.
    public mutating func lingerExpired() -> [Action] {
        switch phase {
        case .awaitingFirstPacket, .running: return [goodbye()]
        case .closed: return []
        }
    }

    /// The switch is shutting down or unloading mod_event_socket: the shutdown notice and close.
    public mutating func shutdown() -> [Action] {
        switch phase {
        case .awaitingFirstPacket, .running: return [goodbye(message: ESLDisconnectNotice.shutdown)]
        case .closed: return []
        }
    }

    /// Closes: the disconnect notice (session-flavoured when a channel is controlled), then close.
    private mutating func goodbye(message: String = ESLDisconnectNotice.goodbye) -> Action {
        phase = .closed
        let notice = controlledSession.map {
            ESLDisconnectNotice(disposition: "disconnect", controlledSessionUUID: $0, message: message)
        } ?? ESLDisconnectNotice(message: message)
        return .disconnect(notice.frame)
    }
}

extension ESLServerSession.Linger {
    /// The seconds, or `nil` for `forever`.
    public var seconds: Int? {
        switch self {
        case .forever: nil
        case .seconds(let seconds): seconds
        }
    }
}
