import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore

/// The channel handler of one connection: a thin interpreter that feeds every frame to
/// ``ESLClientStateMachine`` and carries out the action it returns. Lives on the channel's event
/// loop; ``ESLConnection`` reaches it through `NIOLoopBound`.
final class ESLClientHandler: ChannelInboundHandler {
    typealias InboundIn = ESLFrame
    typealias OutboundOut = ByteBuffer

    private struct Waiter {
        let promise: EventLoopPromise<ESLClientStateMachine.Reply>
        /// The command line, applied to the subscription mirror when the switch accepts it.
        let mirroredLine: String?
    }

    private var machine: ESLClientStateMachine
    private var context: ChannelHandlerContext?
    private var waiters: [ESLClientStateMachine.RequestID: Waiter] = [:]
    private let notifications: NotificationQueue
    /// Inside a read burst: notifications are handed over once, at channelReadComplete.
    private var reading = false
    private let handshakeTimeout: Duration?
    private var handshakeTimer: Scheduled<Void>?
    /// Set when the local side decides why the connection ends (timeout, bad bytes), so the close
    /// action reports that reason rather than the generic one.
    private var localFailure: ESLClientError?
    let address: String?

    /// Completed when the connection is authenticated (inbound) or active (outbound).
    private(set) var handshake: EventLoopPromise<Void>?

    /// What this session has subscribed to, as far as the switch accepted it.
    private(set) var subscriptions = ESLSubscriptions()
    /// Whether events are delivered decoded (``ESLConnection/Configuration/decodesEvents``).
    private let decodesEvents: Bool
    /// Background jobs awaiting their BACKGROUND_JOB event, by Job-UUID.
    private var jobs: [String: EventLoopPromise<ESLEvent>] = [:]
    /// Jobs for which this handler subscribed BACKGROUND_JOB on its own (not the caller).
    private(set) var quietJobSubscriptions = 0
    /// The final error once the connection ended.
    private(set) var closeError: ESLClientError?

    init(
        mode: ESLClientStateMachine.Mode,
        address: String?,
        handshakeTimeout: Duration?,
        notifications: NotificationQueue,
        decodesEvents: Bool
    ) {
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
        run(machine.received(ESLMessage(frame: frame)))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        notifications.flush()
        context.fireChannelReadComplete()
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

    /// Sends `command`; `promise` gets its reply. With `mirror`, an accepted reply updates
    /// ``subscriptions``.
    func send(_ command: ESLCommand, mirror: Bool, promise: EventLoopPromise<ESLClientStateMachine.Reply>) {
        let bytes: ByteBuffer
        do {
            bytes = try command.encoded()
        } catch {
            promise.fail(ESLClientError(.invalidCommand, "cannot send \(command): \(error.message)", address: address))
            return
        }
        let (id, action) = machine.send(command)
        waiters[id] = Waiter(promise: promise, mirroredLine: mirror ? command.line : nil)
        if case .write = action {
            context?.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        } else {
            run(action)
        }
    }

    /// Registers a background job before its command is sent, so its event cannot be missed.
    func registerJob(_ jobUUID: String, promise: EventLoopPromise<ESLEvent>) {
        if let closeError {
            promise.fail(closeError)
            return
        }
        jobs[jobUUID] = promise
    }

    /// Forgets a job (finished, failed or abandoned). A job given up before its event came (the
    /// bgapi timed out or was cancelled) has its promise failed here, so no promise is left pending;
    /// completing an already completed promise does nothing.
    func forgetJob(_ jobUUID: String) {
        jobs.removeValue(forKey: jobUUID)?.fail(ESLClientError(.cancelled, "the background job \(jobUUID) was abandoned", address: address))
    }

    /// Counts a quiet BACKGROUND_JOB subscription; returns whether it is the first (so the caller
    /// must subscribe).
    func beginQuietJobSubscription() -> Bool {
        quietJobSubscriptions += 1
        return quietJobSubscriptions == 1
    }

    /// Ends a quiet subscription; returns whether it was the last one and the caller did not
    /// subscribe BACKGROUND_JOB in the meantime (so it should be removed again).
    func endQuietJobSubscription() -> Bool {
        quietJobSubscriptions -= 1
        return quietJobSubscriptions == 0 && !subscriptions.isSubscribed(to: "BACKGROUND_JOB")
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
            // Only the handshake writes on its own (auth / userauth).
            if let bytes = try? command.encoded() {
                context?.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
            }
        case .authenticated:
            handshakeTimer?.cancel()
            handshake?.succeed()
        case .resolve(let id, let reply):
            guard let waiter = waiters.removeValue(forKey: id) else { return }
            if let line = waiter.mirroredLine, case .command(let commandReply) = reply, commandReply.isOK {
                subscriptions.applyAccepted(commandLine: line)
            }
            waiter.promise.succeed(reply)
        case .deliver(let message):
            deliver(message)
        case .reject(let id, let failure):
            waiters.removeValue(forKey: id)?.promise.fail(ESLClientError(failure, address: address))
        case .close(let failure, let failing):
            let error = localFailure ?? ESLClientError(failure, address: address)
            closeError = error
            handshakeTimer?.cancel()
            handshake?.fail(error)
            for id in failing {
                waiters.removeValue(forKey: id)?.promise.fail(error)
            }
            for (_, waiter) in waiters { waiter.promise.fail(error) }
            waiters.removeAll()
            for (_, job) in jobs { job.fail(error) }
            jobs.removeAll()
            notifications.finish(with: .disconnected(error))
            context?.close(promise: nil)
        }
    }

    private func deliver(_ message: ESLMessage) {
        switch message {
        case .event(let frame) where !decodesEvents && jobs.isEmpty:
            // No job to look for: the event goes to the reader as it came.
            yield(.eventFrame(frame))
        case .event(let frame):
            let event: ESLEvent
            do {
                event = try frame.decode()
            } catch {
                yield(.undecodableEvent(frame, error))
                return
            }
            if event.name == "BACKGROUND_JOB", let jobUUID = event["Job-UUID"], let job = jobs.removeValue(forKey: jobUUID) {
                job.succeed(event)
                // A job's event reaches the caller's stream only if the caller asked for such events.
                guard subscriptions.isSubscribed(to: "BACKGROUND_JOB") else { return }
            }
            yield(decodesEvents ? .event(event) : .eventFrame(frame))
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
