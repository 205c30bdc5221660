import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The simulated calls of a ``SwitchCore``: every live leg, and where events that happen later
/// (the rest of a call after its `originate` reply, timers) are delivered. Each change runs as
/// one ``CallScript`` under the engine's lock, so a call's events keep FreeSWITCH's order.
public final class CallEngine: Sendable {
    struct Book: Sendable {
        var legs: [String: CallLeg] = [:]
        var dialplan = Dialplan.standard
        /// Directory users that answer `user/<n>` (the stock directory's 1000–1019).
        var registeredUsers = Set((1000...1019).map(String.init))
        /// How long a `user/` call rings before it is answered.
        var ringTime = Duration.seconds(2)
    }

    /// Where events of deferred work go, and the loop that runs timers when no loop is current.
    struct Output: Sendable {
        let publish: @Sendable ([ESLEvent], [ESLLogLine]) -> Void
        let loop: any EventLoop
    }

    let book = NIOLockedValueBox(Book())
    private let output = NIOLockedValueBox<Output?>(nil)

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

    /// The directory users that answer `user/<name>`; anyone else is USER_NOT_REGISTERED.
    public var registeredUsers: Set<String> {
        get { book.withLockedValue { $0.registeredUsers } }
        set { book.withLockedValue { $0.registeredUsers = newValue } }
    }

    /// Connects the engine to a server: deferred events go to `publish`, timers run on the loop
    /// that asked for them, or on `loop`.
    public func attach(publish: @escaping @Sendable ([ESLEvent], [ESLLogLine]) -> Void, loop: any EventLoop) {
        output.withLockedValue { $0 = Output(publish: publish, loop: loop) }
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
            loop.scheduleTask(in: TimeAmount(delay)) { run() }
        }
    }
}

extension SwitchCore {
    /// Runs one change to the calls and keeps the core's channel list (what `show` and the
    /// statistics read) in step with the legs; returns the events and log lines it produced.
    func withCalls(_ change: (inout CallScript) -> Void) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        let (result, continuations) = calls.book.withLockedValue { book in
            var script = CallScript(book: book, core: self, now: clock.now())
            change(&script)
            book = script.book
            for uuid in script.touched {
                if let leg = book.legs[uuid] {
                    storeChannel(leg.channel)
                } else {
                    removeChannel(uuid)
                }
            }
            return ((script.events, script.logLines), script.continuations)
        }
        for continuation in continuations {
            calls.later(continuation.delay) { self.withCalls { $0.resume(continuation) } }
        }
        return result
    }

    /// A live leg.
    func leg(_ uuid: String) -> CallLeg? {
        calls.book.withLockedValue { $0.legs[uuid] }
    }
}
