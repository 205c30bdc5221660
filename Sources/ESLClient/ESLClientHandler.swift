import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore

/// The channel handler of one connection: a thin interpreter that feeds every frame to
/// ``ESLClientStateMachine`` and carries out the action it returns. Lives on the channel's event
/// loop; ``ESLConnection`` reaches it through `NIOLoopBound`.
final class ESLClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ESLFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var machine: ESLClientStateMachine
    private var context: ChannelHandlerContext?
    private var waiters: [ESLClientStateMachine.RequestID: EventLoopPromise<ESLReply>] = [:]
    /// Background jobs awaiting their BACKGROUND_JOB event, by their bgapi's request.
    private var jobs: [ESLClientStateMachine.RequestID: EventLoopPromise<ESLEvent>] = [:]
    private let notifications: NotificationQueue
    /// Inside a read burst: notifications are handed over once, at channelReadComplete.
    private var reading = false
    /// A socket read was held back because the notification queue is full and does not drop.
    private var readHeld = false
    private let handshakeTimeout: Duration?
    private var handshakeTimer: Scheduled<Void>?
    /// Set when the local side decides why the connection ends (timeout, bad bytes), so the close
    /// action reports that reason rather than the generic one.
    private var localFailure: ESLClientError?
    let address: String?

    /// Completed when the connection is authenticated (inbound) or active (outbound).
    private(set) var handshake: EventLoopPromise<Void>?

    /// What this session has subscribed to, as far as the switch accepted it.
    var subscriptions: ESLSubscriptions { machine.subscriptions }
    /// Whether events are delivered decoded (``ESLConnection/Configuration/decodesEvents``).
    private let decodesEvents: Bool
    /// Sees every frame first (``ESLConnection/Configuration/frameTap``).
    private let tap: (any ESLFrameTap)?

    init(
        mode: ESLClientStateMachine.Mode,
        address: String?,
        handshakeTimeout: Duration?,
        notifications: NotificationQueue,
        decodesEvents: Bool,
        tap: (any ESLFrameTap)? = nil
    ) {
        self.tap = tap
        self.machine = ESLClientStateMachine(mode: mode)
        self.address = address
        self.handshakeTimeout = handshakeTimeout
        self.notifications = notifications
        self.decodesEvents = decodesEvents
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        handshake = context.eventLoop.makePromise()
        if context.channel.isActive { startHandshake(context: context) }
    }

    /// The context holds this handler and this handler its context: let go, or every closed
    /// connection (each reconnect of a `-R` console) stays in memory. A channel whose connect failed
    /// never became active and gets no `channelInactive`: nothing it promised may stay pending once
    /// the handler goes (a promise dropped unfulfilled is a crash in a debug build). Completing an
    /// already completed promise is a no-op. Finishing the notification queue lets go of its resume
    /// closure, which refers back to this handler: without it each failed connect (every retry of a
    /// `-R` console against a switch that is down) kept the handler and its queue alive.
    func handlerRemoved(context: ChannelHandlerContext) {
        handshakeTimer?.cancel()
        handshakeTimer = nil
        let error = localFailure ?? ESLClientError(.connectionClosed, "the connection to \(address ?? "the switch") closed", address: address)
        handshake?.fail(error)
        for (_, waiter) in waiters { waiter.fail(error) }
        waiters.removeAll()
        for (_, job) in jobs { job.fail(error) }
        jobs.removeAll()
        notifications.finish(with: .disconnected(error))
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        startHandshake(context: context)
        context.fireChannelActive()
    }

    private func startHandshake(context: ChannelHandlerContext) {
        guard handshakeTimer == nil, let handshake else { return }
        if machine.isReady {
            handshake.succeed()
            return
        }
        guard let handshakeTimeout else { return }
        handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(handshakeTimeout)) { [self] in
            guard !machine.isReady, machine.closeReason == nil else { return }
            let seconds = handshakeTimeout.components.seconds
            localFailure = ESLClientError(
                .noGreeting,
                "connected to \(address ?? "the switch"), but it did not complete the greeting and authentication within \(seconds) s; is it a FreeSWITCH event socket?",
                address: address)
            run(machine.fail(.closedLocally))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reading = true
        let frame = unwrapInboundIn(data)
        tap?.received(frame, from: address ?? "")
        run(machine.received(ESLMessage(frame: frame)))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        tap?.endOfBurst()
        notifications.flush()
        context.fireChannelReadComplete()
    }

    /// The next socket read (asked for by autoRead after each burst): held back while a
    /// non-dropping notification queue is full, or the frame tap is behind, so the switch's bytes
    /// wait in TCP's buffers.
    func read(context: ChannelHandlerContext) {
        if notifications.holdsReading() {
            readHeld = true
        } else if let tap, tap.holdsReading(resume: resumeFromTap(context.eventLoop)) {
            readHeld = true
        } else {
            context.read()
        }
    }

    /// What the tap calls, from any thread, once it can take more.
    private func resumeFromTap(_ loop: any EventLoop) -> @Sendable () -> Void {
        let bound = NIOLoopBound(self, eventLoop: loop)
        return { loop.execute { bound.value.resumeReading() } }
    }

    /// The consumer (or the tap) took what waited: try the held read again, which holds it anew
    /// if the other is still behind.
    func resumeReading() {
        guard readHeld, let context else { return }
        readHeld = false
        read(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        run(machine.closed())
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? ESLProtocolError {
            localFailure = ESLClientError(error, address: address)
        } else if localFailure == nil {
            localFailure = ESLClientError(.connectionClosed, "the connection to \(address ?? "the switch") failed: \(error)", address: address)
        }
        run(machine.fail(.closedLocally))
    }

    // MARK: Requests

    /// Sends `command`; `promise` gets its reply.
    func send(_ command: ESLCommand, promise: EventLoopPromise<ESLReply>) {
        let bytes: ByteBuffer
        do {
            bytes = try command.encoded()
        } catch {
            promise.fail(ESLClientError(.invalidCommand, "cannot send \(command): \(error.message)", address: address))
            return
        }
        let (id, action) = machine.send(command)
        waiters[id] = promise
        if case .write = action {
            context?.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        } else {
            run(action)
        }
    }

    /// Starts a background job (see ``ESLClientStateMachine/startJob(_:_:jobUUID:deliversEvent:)``):
    /// its commands are written in this event-loop turn; `reply` gets the bgapi's reply, `event`
    /// the job's event. Returns the job's ID for ``finishJob(_:)``.
    func startJob(_ command: String, _ arguments: String?, jobUUID: String, deliversEvent: Bool, reply: EventLoopPromise<ESLReply>, event: EventLoopPromise<ESLEvent>) -> ESLClientStateMachine.RequestID? {
        // Checked before the machine queues anything: a command that cannot be written would leave
        // its reply expected forever. The other commands of a job carry nothing but the Job-UUID.
        let bgapi = ESLCommand.bgapi(command, arguments, jobUUID: jobUUID)
        do {
            _ = try bgapi.encoded()
        } catch {
            let failure = ESLClientError(.invalidCommand, "cannot send \(bgapi): \(error.message)", address: address)
            reply.fail(failure)
            event.fail(failure)
            return nil
        }
        let (id, actions) = machine.startJob(command, arguments, jobUUID: jobUUID, deliversEvent: deliversEvent)
        waiters[id] = reply
        jobs[id] = event
        actions.forEach(run)
        return id
    }

    /// The caller is done with the job: undoes its setup. A job given up before its event came
    /// (the bgapi timed out or was cancelled) has its promise failed here, so no promise is left
    /// pending; completing an already completed promise does nothing.
    func finishJob(_ id: ESLClientStateMachine.RequestID) {
        jobs.removeValue(forKey: id)?.fail(ESLClientError(.cancelled, "the background job was abandoned", address: address))
        machine.finishJob(id).forEach(run)
    }

    /// Closes the connection from the local side.
    func close() {
        run(machine.fail(.closedLocally))
    }

    // MARK: Actions

    private func run(_ action: ESLClientStateMachine.Action) {
        switch action {
        case .none:
            break
        case .write(let command):
            // The handshake (auth / userauth) and the commands a job needs: all encodable, since
            // they are built from a password or a bgapi already encoded without error.
            if let bytes = try? command.encoded() {
                context?.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
            }
        case .authenticated:
            handshakeTimer?.cancel()
            handshake?.succeed()
        case .resolve(let id, let reply):
            waiters.removeValue(forKey: id)?.succeed(reply)
        case .deliver(let message):
            deliver(message)
        case .resolveJob(let id, let event, let message):
            jobs.removeValue(forKey: id)?.succeed(event)
            if let message { deliver(message) }
        case .reject(let id, let failure):
            let error = ESLClientError(failure, address: address)
            waiters.removeValue(forKey: id)?.fail(error)
            jobs.removeValue(forKey: id)?.fail(error)
        case .close(let failure, let failing):
            let error = localFailure ?? ESLClientError(failure, address: address)
            handshakeTimer?.cancel()
            handshake?.fail(error)
            for id in failing {
                waiters.removeValue(forKey: id)?.fail(error)
                jobs.removeValue(forKey: id)?.fail(error)
            }
            // Not expected to be any left; no promise may stay pending.
            for (_, waiter) in waiters { waiter.fail(error) }
            waiters.removeAll()
            for (_, job) in jobs { job.fail(error) }
            jobs.removeAll()
            notifications.finish(with: .disconnected(error))
            context?.close(promise: nil)
        }
    }

    private func deliver(_ message: ESLMessage) {
        switch message {
        case .event(let frame) where !decodesEvents:
            yield(.eventFrame(frame))
        case .event(let frame):
            do {
                yield(.event(try frame.decode()))
            } catch {
                yield(.undecodableEvent(frame, error))
            }
        case .log(let line):
            yield(.log(line))
        case .disconnectNotice(let notice):
            yield(.linger(notice))
        case .other(let frame), .channelData(let frame):
            yield(.other(frame))
        case .authRequest, .commandReply, .apiResponse, .rudeRejection:
            yield(.other(message.frame))
        }
    }

    private func yield(_ notification: ESLNotification) {
        notifications.append(notification)
        if !reading { notifications.flush() }
    }
}
