import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The simulated calls of a ``SwitchCore``: every live leg, and where events that happen later
/// (the rest of a call after its `originate` reply, timers) are delivered. Each change runs as
/// one `CallScript` under the engine's lock, so a call's events keep FreeSWITCH's order.
public final class CallEngine: Sendable {
    struct Book: Sendable {
        var legs: [String: CallLeg] = [:]
        var dialplan = Dialplan.standard
        /// Directory users that answer `user/<n>` (the stock directory's 1000–1019).
        var registeredUsers = Book.stockUsers
        /// How long a `user/` call rings before it is answered.
        var ringTime = Duration.seconds(2)
        /// How long an `async` socket channel waits after `connect` before it parks, or `nil`
        /// when the owner runs the ticks (``SwitchCore/parkConnectedSockets()``).
        var socketParkTick: Duration? = .milliseconds(20)

        static let stockUsers = Set((1000...1019).map(String.init))
    }

    /// Where events of deferred work go, and the loop that runs timers when no loop is current.
    struct Output: Sendable {
        let publish: @Sendable ([ESLEvent], [ESLLogLine]) -> Void
        let loop: any EventLoop
        let connect: (@Sendable (OutboundSocketRequest) -> Void)?
    }

    let book = NIOLockedValueBox(Book())
    private let output = NIOLockedValueBox<Output?>(nil)
    private let timers = NIOLockedValueBox(Timers())

    /// Timed work not yet run, and who waits for it (``settle(within:)``).
    private struct Timers {
        var nextID = 0
        var pending: [Int: Duration] = [:]
        var waiters: [(bound: Duration, continuation: CheckedContinuation<Void, Never>)] = []

        /// Removes the waiters with nothing left to wait for.
        mutating func ready() -> [CheckedContinuation<Void, Never>] {
            let (done, waiting) = waiters.reduce(into: ([CheckedContinuation<Void, Never>](), [(bound: Duration, continuation: CheckedContinuation<Void, Never>)]())) { split, waiter in
                if pending.values.contains(where: { $0 <= waiter.bound }) { split.1.append(waiter) } else { split.0.append(waiter.continuation) }
            }
            waiters = waiting
            return done
        }
    }

    init() {}

    /// The dialplan new calls route through.
    public var dialplan: Dialplan {
        get { book.withLockedValue { $0.dialplan } }
        set { book.withLockedValue { $0.dialplan = newValue } }
    }

    /// How long a `user/` call rings before it is answered.
    public var ringTime: Duration {
        get { book.withLockedValue { $0.ringTime } }
        set { book.withLockedValue { $0.ringTime = newValue } }
    }

    /// How long an `async` `socket` channel waits after `connect` before it parks: the core
    /// timer's tick `switch_cond_next` sleeps to (capture 74: 20 ms). `nil`: only
    /// ``SwitchCore/parkConnectedSockets()`` parks them (replays put the park where a capture has it).
    public var socketParkTick: Duration? {
        get { book.withLockedValue { $0.socketParkTick } }
        set { book.withLockedValue { $0.socketParkTick = newValue } }
    }

    /// The directory users that answer `user/<name>`; anyone else is USER_NOT_REGISTERED.
    public var registeredUsers: Set<String> {
        get { book.withLockedValue { $0.registeredUsers } }
        set { book.withLockedValue { $0.registeredUsers = newValue } }
    }

    /// Connects the engine to a server: deferred events go to `publish`, timers run on the loop
    /// that asked for them, or on `loop`; the `socket` application's connections are made by
    /// `connect` (without one they fail, as to an address where nothing listens).
    public func attach(publish: @escaping @Sendable ([ESLEvent], [ESLLogLine]) -> Void, loop: any EventLoop,
                       connect: (@Sendable (OutboundSocketRequest) -> Void)? = nil) {
        output.withLockedValue { $0 = Output(publish: publish, loop: loop, connect: connect) }
    }

    /// Lets go of the server's publisher: the server stopped. (Its event bus reaches back to the
    /// core, which holds this engine: kept, the cycle outlived every stopped server.)
    func detach() {
        output.withLockedValue { $0 = nil }
    }

    /// Hands a `socket` connection to the server; `false` without one.
    func connect(_ request: OutboundSocketRequest) -> Bool {
        guard let connect = output.withLockedValue({ $0 })?.connect else { return false }
        connect(request)
        return true
    }

    /// Publishes now: the events of a call that is still ringing while its originate waits.
    func publish(_ result: (events: [ESLEvent], logLines: [ESLLogLine])) {
        output.withLockedValue { $0 }?.publish(result.events, result.logLines)
    }

    /// Runs `work` after `delay` (zero: after the task running now, so after a command's reply
    /// and API event) and publishes what it returns. Without a server the work is dropped.
    func later(_ delay: Duration = .zero, _ work: @escaping @Sendable () -> (events: [ESLEvent], logLines: [ESLLogLine])) {
        guard let output = output.withLockedValue({ $0 }) else { return }
        let loop = MultiThreadedEventLoopGroup.currentEventLoop ?? output.loop
        let run: @Sendable () -> Void = {
            let result = work()
            output.publish(result.events, result.logLines)
        }
        if delay == .zero {
            loop.execute(run)
        } else {
            let id = timers.withLockedValue { timers in
                defer { timers.nextID += 1 }
                timers.pending[timers.nextID] = delay
                return timers.nextID
            }
            loop.scheduleTask(in: TimeAmount(delay)) {
                run()
                let done = self.timers.withLockedValue { timers in
                    timers.pending[id] = nil
                    return timers.ready()
                }
                for waiter in done { waiter.resume() }
            }
        }
    }

    /// Returns once every timer set to run within `bound` of being set has run: a replay of a
    /// capture lets a 300 ms playback finish before it moves the switch's clock on by a second.
    func settle(within bound: Duration) async {
        await withCheckedContinuation { continuation in
            let now = timers.withLockedValue { timers in
                guard timers.pending.values.contains(where: { $0 <= bound }) else { return true }
                timers.waiters.append((bound, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }
}

extension SwitchCore {
    /// Runs one change to the calls and keeps the core's channel list (what `show` and the
    /// statistics read) in step with the legs; returns the events and log lines it produced.
    func withCalls(_ change: (inout CallScript) -> Void) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        let (result, continuations, sockets) = calls.book.withLockedValue { book in
            // The script takes the book over rather than sharing it: a shared book would be
            // copied whole (every live leg) by the change's first write.
            var script = CallScript(book: CallEngine.Book(), core: self, now: clock.now())
            swap(&script.book, &book)
            change(&script)
            swap(&book, &script.book)
            for uuid in script.touched {
                if let leg = book.legs[uuid] {
                    storeChannel(leg.channel)
                } else {
                    removeChannel(uuid)
                }
            }
            return ((script.events, script.logLines), script.continuations, script.socketRequests)
        }
        for continuation in continuations {
            calls.later(continuation.delay) { self.withCalls { $0.resume(continuation) } }
        }
        for request in sockets where !calls.connect(request) {
            calls.later { self.withCalls { $0.socketFailed(request.channel) } }
        }
        return result
    }

    /// A live leg.
    func leg(_ uuid: String) -> CallLeg? {
        calls.book.withLockedValue { $0.legs[uuid] }
    }
}
