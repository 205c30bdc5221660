import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Simulated traffic (`fscli mock --calls-per-second`): calls to the directory users come in at a
/// steady rate, ring, are answered, talk for a random time and hang up, each with a plausible
/// caller. Runs on one event loop; every step goes through the call engine, so the events are
/// the same as for a call made with `originate`.
public final class CallTraffic: Sendable {
    /// How much traffic.
    public struct Settings: Sendable, Equatable {
        /// New calls per second (fractions accumulate).
        public var callsPerSecond: Double
        /// How long an answered call talks, in seconds.
        public var callSeconds: ClosedRange<Int>
        /// At most this many traffic calls up at once (`nil`: no limit).
        public var maxCalls: Int?
        /// How long a call rings before the user answers, in milliseconds.
        public var ringMilliseconds: ClosedRange<Int>

        /// Settings.
        public init(callsPerSecond: Double, callSeconds: ClosedRange<Int> = 10...60, maxCalls: Int? = nil,
                    ringMilliseconds: ClosedRange<Int> = 500...2500) {
            self.callsPerSecond = callsPerSecond
            self.callSeconds = callSeconds
            self.maxCalls = maxCalls
            self.ringMilliseconds = ringMilliseconds
        }
    }

    private struct State {
        var carry = 0.0
        var last = NIODeadline.now()
        var active = 0
        var task: RepeatedTask?
    }

    private let core: SwitchCore
    private let settings: Settings
    private let state = NIOLockedValueBox(State())
    static let tick = TimeAmount.milliseconds(20)

    private init(core: SwitchCore, settings: Settings) {
        self.core = core
        self.settings = settings
    }

    /// Starts the traffic on `loop` (default: one of NIO's shared loops); the core must belong to
    /// a started server, which delivers the events.
    public static func start(core: SwitchCore, settings: Settings,
                             on loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()) -> CallTraffic {
        let traffic = CallTraffic(core: core, settings: settings)
        let task = loop.scheduleRepeatedTask(initialDelay: tick, delay: tick) { _ in traffic.step() }
        traffic.state.withLockedValue { $0.task = task }
        return traffic
    }

    /// Traffic calls up now.
    public var activeCalls: Int { state.withLockedValue { $0.active } }

    /// Stops making calls (those up finish on their own).
    public func stop() {
        state.withLockedValue { $0.task?.cancel(); $0.task = nil }
    }

    private func step() {
        let due: Int = state.withLockedValue { state in
            // By the time that passed, not by ticks: a busy loop runs its timer late.
            let now = NIODeadline.now()
            state.carry += settings.callsPerSecond * Double((now - state.last).nanoseconds) / 1e9
            state.last = now
            var count = Int(state.carry)
            if let max = settings.maxCalls { count = Swift.max(0, Swift.min(count, max - state.active)) }
            state.carry -= Double(Int(state.carry))
            state.active += count
            return count
        }
        for _ in 0..<due { placeCall() }
    }

    private func placeCall() {
        guard core.acceptsOutboundSessions else { return finished() }
        let caller = CallerDirectory.random()
        let user = core.calls.registeredUsers.randomElement() ?? "1000"
        let request = OriginateRequest(
            variables: [("origination_caller_id_name", caller.name), ("origination_caller_id_number", caller.number)],
            endpoint: "user/\(user)", target: .application(name: "park", data: ""))
        var outcome = OriginateOutcome.failed("")
        core.calls.publish(core.withCalls { outcome = $0.originateSingle(request) })
        guard case .ringing(let uuid) = outcome else { return finished() }
        let (core, talk) = (self.core, Duration.seconds(Int.random(in: settings.callSeconds)))
        let ring = Duration.milliseconds(Int.random(in: settings.ringMilliseconds))
        core.calls.later(ring) {
            let answered = core.withCalls { script in
                if script.answerRinging(uuid, request.target) { script.start(uuid, request.target, context: "default", dialplan: .standard) }
            }
            core.calls.later(talk) {
                defer { self.finished() }
                return core.withCalls { script in
                    guard script.book.legs[uuid] != nil else { return }
                    script.beginHangup(uuid, cause: "NORMAL_CLEARING")
                    script.finishHangup(uuid)
                }
            }
            return answered
        }
    }

    private func finished() {
        state.withLockedValue { $0.active -= 1 }
    }
}

/// Plausible callers for simulated traffic: a name and a North American number.
enum CallerDirectory {
    static let names = ["Alice Moreau", "Bob Okafor", "Carla Jensen", "Dmitri Volkov", "Elena Ruiz", "Farid Haddad",
                        "Grace Liu", "Hiro Tanaka", "Ines Duarte", "Jonas Berg", "Kofi Mensah", "Lena Fischer"]

    static func random() -> (name: String, number: String) {
        (names.randomElement()!, "+1" + String(Int.random(in: 2_000_000_000...9_999_999_999)))
    }
}
