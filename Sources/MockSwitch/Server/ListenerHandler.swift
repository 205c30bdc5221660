#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ESLProtocol
import Logging
import NIOCore

/// One event socket connection of the mock switch, inbound (a client connected) or outbound (the
/// `socket` application connected out for a channel): a thin interpreter that feeds each packet to
/// ``ESLServerSession`` and carries out the actions it returns, in order, on the connection's
/// event loop (so frames never interleave, as on the real switch, docs/protocol.md, "Ordering").
final class ListenerHandler: ChannelInboundHandler {
    typealias InboundIn = ESLFrame
    typealias OutboundOut = ByteBuffer

    /// Consecutive losses that get a listener disconnected (docs/protocol.md, "Disconnect notices").
    static let lossLimit = 500

    private var session: ESLServerSession
    private let core: SwitchCore
    private let lookup: CoreLookup
    private let bus: EventBus
    /// Who may connect (inbound); an outbound connection is the switch's own.
    private let accessList: AccessList?
    /// How long the first packet may take (docs/protocol.md, "Client packets").
    private let firstPacketTimeout: TimeAmount
    /// How long a client being disconnected may take to read what is queued before the socket closes.
    private let closeGracePeriod: TimeAmount
    private let logger: Logger
    private let requestShutdown: @Sendable (ShutdownRequest) -> Void
    private var context: ChannelHandlerContext?
    private var peer = "?"
    private var busID: UInt64?
    /// The log level last told to the core's ``LogAudience``.
    private var audienceLevel: Int?
    private var firstPacketTimer: Scheduled<Void>?
    private var lingerTimer: Scheduled<Void>?
    private var lostEvents = 0
    private var lostLogLines = 0
    private var isClosing = false
    private var watch: ControlledChannelWatch
    private var flushScheduled = false
    /// A slow API command (`msleep`) is running: packets wait in `backlog`, as they wait in the
    /// socket while the switch's listener thread runs a command.
    private var isBusy = false
    private var backlog: [Pending] = []
    /// Events and log lines that arrived while a command ran: the switch's listener thread writes
    /// them once the command's reply is out (capture 27a).
    private var heldBack: [(events: [PublishedEvent], logLines: [EventBus.PublishedLogLine])] = []

    /// Input that arrived while a command was running.
    private enum Pending {
        case frame(ESLFrame)
        case inputClosed
    }

    /// `session` is inbound (`ESLServerSession(password:)`) or outbound; `accessList` applies to inbound.
    init(session: ESLServerSession, core: SwitchCore, users: [MockSwitchConfiguration.User], bus: EventBus, accessList: AccessList?, firstPacketTimeout: Duration, closeGracePeriod: Duration, logger: Logger, requestShutdown: @escaping @Sendable (ShutdownRequest) -> Void) {
        self.session = session
        self.watch = ControlledChannelWatch(mode: session.mode)
        self.core = core
        self.lookup = CoreLookup(core: core, users: users)
        self.bus = bus
        self.accessList = accessList
        self.firstPacketTimeout = TimeAmount(firstPacketTimeout)
        self.closeGracePeriod = TimeAmount(closeGracePeriod)
        self.logger = logger
        self.requestShutdown = requestShutdown
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    /// The context holds this handler and this handler its context: without letting go here, every
    /// connection's pair (and its session) stayed in memory after it closed.
    func handlerRemoved(context: ChannelHandlerContext) {
        firstPacketTimer?.cancel()
        lingerTimer?.cancel()
        firstPacketTimer = nil
        lingerTimer = nil
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        let address = context.channel.remoteAddress
        peer = address.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
        guard accessList == nil || address?.ipAddress.map({ accessList!.allows($0) }) == true else {
            logger.warning("rejected \(peer) by ACL")
            isClosing = true
            write(ESLMessage.rudeRejection("Access Denied, go away.\n").frame)
            write(ESLDisconnectNotice(message: ESLDisconnectNotice.goodbye).frame)
            context.flush()
            context.close(promise: nil)
            return
        }
        logger.info("connection from \(peer)")
        if let greeting = session.greeting { write(greeting) }
        context.flush()
        firstPacketTimer = context.eventLoop.assumeIsolated().scheduleTask(in: firstPacketTimeout) { [self] in
            logger.info("\(peer) sent nothing in time; closing")
            run(session.firstPacketTimedOut())
        }
        busID = bus.join(NIOLoopBound(self, eventLoop: context.eventLoop))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        firstPacketTimer?.cancel()
        lingerTimer?.cancel()
        if let busID {
            bus.leave(busID, on: context.eventLoop)
            core.logAudience.set(nil, for: busID)
        }
        busID = nil
        isClosing = true
        logger.info("\(peer) disconnected")
        if case .outbound(let channel, _, _) = session.mode {
            // The `socket` application returns with its connection.
            let result = core.socketClosed(channel)
            bus.publish(events: result.events, logLines: result.logLines)
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isClosing else { return }
        firstPacketTimer?.cancel()
        let frame = unwrapInboundIn(data)
        guard !isBusy else {
            backlog.append(.frame(frame))
            return
        }
        received(frame)
    }

    private func received(_ frame: ESLFrame) {
        let actions = session.received(frame, core: lookup)
        logger.debug("\(peer): \(ESLCommand.shown(ESLClientPacket(frame: frame).commandLine).prefix(80))")
        run(actions[...])
        noteLogLevel()
    }

    /// Tells the core when `log`/`nolog` changed what this listener takes.
    private func noteLogLevel() {
        let level = session.subscriptions.logLevel
        guard level != audienceLevel, let busID else { return }
        audienceLevel = level
        core.logAudience.set(level, for: busID)
    }

    /// Handles what queued up while a command ran, until the backlog is empty or another slow
    /// command starts.
    private func drainBacklog() {
        while !isBusy, !isClosing, !backlog.isEmpty {
            switch backlog.removeFirst() {
            case .frame(let frame): received(frame)
            case .inputClosed: run([.disconnect(ESLDisconnectNotice(message: ESLDisconnectNotice.goodbye).frame)])
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The client shut its sending side (fs_cli does on exit): the switch answers what it has
        // already read (the decoder delivered it before this event), then says goodbye.
        if let event = event as? ChannelEvent, event == .inputClosed, !isClosing {
            if isBusy {
                backlog.append(.inputClosed)
            } else {
                run([.disconnect(ESLDisconnectNotice(message: ESLDisconnectNotice.goodbye).frame)])
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.warning("\(peer): \(error); closing")
        if error is ESLProtocolError, !isClosing {
            run(session.receivedMalformedPacket())
        } else {
            context.close(promise: nil)
        }
    }

    /// The switch is shutting down: the shutdown notice, then close.
    func shutdown() {
        guard !isClosing else { return }
        run(session.shutdown())
    }

    // MARK: Actions

    private func run(_ actions: [ESLServerSession.Action]) {
        run(actions[...])
    }

    private func run(_ actions: ArraySlice<ESLServerSession.Action>) {
        guard let context else { return }
        var rest = actions
        while !isClosing, let action = rest.popFirst() {
            switch action {
            case .send(let frame):
                write(frame)
            case .runAPI(let command, let arguments, let consoleExecute):
                let result = core.executeAPI(command, arguments ?? "", consoleExecute: consoleExecute)
                guard result.delay > .zero else {
                    deliver(result)
                    continue
                }
                // The reply comes when the command is done; until then nothing else is read.
                isBusy = true
                context.flush()
                let remaining = rest
                context.eventLoop.assumeIsolated().scheduleTask(in: Self.timeAmount(result.delay)) { [self] in
                    isBusy = false
                    guard !isClosing else { return }
                    deliver(result)
                    run(remaining)
                    releaseHeldBack()
                    drainBacklog()
                }
                return
            case .runBackgroundAPI(let command, let arguments, let jobUUID):
                // The job runs after its reply is on the wire, as on the switch's job thread.
                let owner = session.controlledSession
                let (core, bus) = (self.core, self.bus)
                let result = core.backgroundJob(command, arguments ?? "", jobUUID: jobUUID, ownerUUID: owner)
                if result.delay == .zero {
                    // Published now, so a call's later events (queued by the job) follow its BACKGROUND_JOB.
                    bus.publish(events: result.events, logLines: result.logLines)
                } else {
                    context.eventLoop.scheduleTask(in: Self.timeAmount(result.delay)) {
                        bus.publish(events: result.events, logLines: result.logLines)
                    }
                }
            case .fireEvent(var event, let name):
                core.events.appendStandardHeaders(to: &event, name: name, source: .sendEvent)
                bus.publish(events: [event])
            case .setChannelVariable(let uuid, let name, let value):
                // A simulated call's leg holds its variables; the core's channel list mirrors it.
                if core.leg(uuid) != nil {
                    _ = core.withCalls { $0[uuid].variables.set(name, value) }
                } else {
                    _ = core.setChannelVariable(uuid, name, value)
                }
            case .startLingerTimer(let seconds):
                lingerTimer?.cancel()
                if let seconds {
                    lingerTimer = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(Int64(seconds))) { [self] in
                        run(session.lingerExpired())
                    }
                }
            case .disconnect(let frame):
                isClosing = true
                closeAfterWriting(frame, context: context)
            case .deliverMessage(let uuid, let message, let inline) where inline:
                // The listener thread runs the message on its own channel and replies when it is
                // done; a hangup it ran is noticed before the events it fired arrive (capture 27a).
                isBusy = true
                context.flush()
                let remaining = rest
                let (loop, handler) = (context.eventLoop, NIOLoopBound(self, eventLoop: context.eventLoop))
                let now = core.deliverMessage(to: uuid, message, queued: false) {
                    loop.execute { handler.value.finishInlineMessage(uuid, then: remaining) }
                }
                bus.publish(events: now.events, logLines: now.logLines)
                return
            case .deliverMessage(let uuid, let message, _):
                let result = core.deliverMessage(to: uuid, message)
                bus.publish(events: result.events, logLines: result.logLines)
            case .queueEventToChannel(let uuid, let event):
                // The channel's queue: a connection that controls it with `divert_events on`
                // gets the event as the client wrote it; otherwise the parked channel consumes it
                // (capture 75).
                guard core.channelExists(uuid) else { break }
                _ = bus.forEachListener { $0.divert(event, channel: uuid) }
            case .setDivertEvents:
                // The session keeps the flag; ``divert(_:channel:)`` reads it.
                break
            case .sendChannelData(let uuid, let socketMode, let control):
                // The CHANNEL_DATA event is the reply's header block itself (docs/protocol.md, "Outbound mode").
                guard let data = core.socketHandshake(uuid, socketMode: socketMode, control: control) else { break }
                var bytes = context.channel.allocator.buffer(capacity: 4096)
                data.encodePlain(into: &bytes)
                context.write(wrapOutboundOut(bytes), promise: nil)
            case .discardQueuedEvents, .discardQueuedLogLines:
                // Frames already handed to the socket cannot be recalled; the switch drops only
                // what it has not written yet, which here is nothing.
                break
            }
        }
        context.flush()
    }

    private func deliver(_ result: APIResult) {
        write(ESLAPIResponse(text: result.body).frame)
        bus.publish(events: result.events, logLines: result.logLines)
        if let shutdown = result.shutdown { requestShutdown(shutdown) }
    }

    /// A command's run time as a timer delay, capped at an hour so no argument can overflow it.
    private static func timeAmount(_ delay: Duration) -> TimeAmount {
        TimeAmount(min(delay, .seconds(3600)))
    }

    /// Called by the bus on this listener's event loop.
    func offer(_ events: [PublishedEvent], _ logLines: [EventBus.PublishedLogLine]) {
        guard let context, !isClosing else { return }
        if isBusy {
            heldBack.append((events, logLines))
            return
        }
        let writable = context.channel.isWritable
        for line in logLines where session.wantsLogLine(level: line.level) {
            if writable {
                lostLogLines = 0
                context.write(wrapOutboundOut(line.frame), promise: nil)
            } else {
                lostLogLines += 1
                if lostLogLines > Self.lossLimit { return dropSlowListener(ESLDisconnectNotice.lostLogLines) }
            }
        }
        // The listener notices its channel's hangup (see ``ControlledChannelWatch``) once it has
        // written the whole batch that brought it.
        var hangupNoticed: String?
        for event in events {
            if session.wantsEvent(event.event), watch.delivers(event.event, controlled: session.controlledSession, myEvents: session.myEvents) {
                if writable {
                    lostEvents = 0
                    context.write(wrapOutboundOut(event.frame(session.subscriptions.format)), promise: nil)
                } else {
                    lostEvents += 1
                    if lostEvents > Self.lossLimit { return dropSlowListener(ESLDisconnectNotice.lostEvents) }
                }
            }
            if let name = watch.observe(event.event, controlled: session.controlledSession) { hangupNoticed = name }
        }
        if let channelName = hangupNoticed {
            watch.notice()
            run(session.controlledChannelHungUp(channelName: channelName))
            if isClosing { return }
        }
        scheduleFlush(context)
    }

    /// An event queued to `channel`, if this connection controls it and diverts its events:
    /// written whatever the subscriptions, in the connection's format.
    func divert(_ event: ESLEvent, channel: String) {
        guard let context, !isClosing, session.divertEvents, session.controlledSession == channel else { return }
        context.writeAndFlush(wrapOutboundOut(PublishedEvent(event).frame(session.subscriptions.format)), promise: nil)
    }

    /// A message run inline is done: the reply and what waited behind it.
    private func finishInlineMessage(_ uuid: String, then remaining: ArraySlice<ESLServerSession.Action>) {
        isBusy = false
        guard !isClosing else { return }
        run(remaining)
        noticeControlledChannelDown(uuid)
        releaseHeldBack()
        drainBacklog()
    }

    /// After a message the listener ran inline: if it hung the channel up, the listener sees that
    /// at once, before any event of it.
    private func noticeControlledChannelDown(_ uuid: String) {
        guard !watch.noticed, uuid == session.controlledSession, core.channelIsDown(uuid),
              let name = core.leg(uuid)?.name else { return }
        watch.notice()
        run(session.controlledChannelHungUp(channelName: name))
    }

    /// Writes what arrived while a command ran.
    private func releaseHeldBack() {
        let held = heldBack
        heldBack = []
        for (events, logLines) in held where !isClosing { offer(events, logLines) }
    }

    /// Flushes once after the event loop's queued work, so events published in a burst leave in
    /// one write per listener instead of one system call per event.
    private func scheduleFlush(_ context: ChannelHandlerContext) {
        guard !flushScheduled else { return }
        flushScheduled = true
        context.eventLoop.assumeIsolated().execute { [self] in
            flushScheduled = false
            self.context?.flush()
        }
    }

    private func dropSlowListener(_ message: String) {
        logger.warning("\(peer) is not reading: \(message.trimmingBlanks(andNewlines: true))")
        run([.disconnect(ESLDisconnectNotice(message: message).frame)])
    }

    /// Writes the notice behind whatever is still queued and closes once it is out, so the client
    /// reads every frame and then the reason; a client that never reads is cut off after a grace
    /// period rather than holding the connection open.
    private func closeAfterWriting(_ notice: ESLFrame, context: ChannelHandlerContext) {
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(notice.encoded), promise: written)
        let channel = context.channel
        let deadline = context.eventLoop.scheduleTask(in: closeGracePeriod) { channel.close(promise: nil) }
        written.futureResult.whenComplete { _ in
            deadline.cancel()
            channel.close(promise: nil)
        }
    }


    private func write(_ frame: ESLFrame) {
        context?.write(wrapOutboundOut(frame.encoded), promise: nil)
    }
}
