import NIOCore
import Testing
@testable import ESLProtocol

/// bgapi jobs in ``ESLClientStateMachine``: what is written around a job, in order; which events
/// complete it and which reach the consumer; the subscription mirror they depend on.
@Suite struct ClientStateMachineJobTests {
    typealias Action = ESLClientStateMachine.Action

    static func reply(_ text: String) -> ESLMessage { .commandReply(ESLCommandReply(text: text)) }

    /// A plain event with these headers after `Event-Name`, and an optional body.
    static func event(_ name: String, _ headers: [(String, String)] = [], body: String? = nil) -> ESLMessage {
        var text = "Event-Name: \(name)\n" + headers.map { "\($0.0): \($0.1)\n" }.joined()
        if let body {
            text += "Content-Length: \(body.utf8.count)\n\n\(body)"
        } else {
            text += "\n"
        }
        return .event(ESLEventFrame(format: .plain, body: ByteBuffer(string: text)))
    }

    static func jobEvent(_ jobUUID: String) -> ESLMessage {
        event("BACKGROUND_JOB", [("Job-UUID", jobUUID), ("Job-Command", "uptime")], body: "42\n")
    }

    static func decoded(_ message: ESLMessage) throws -> ESLEvent {
        guard case .event(let frame) = message else { throw ESLProtocolError(.malformedEvent, "not an event") }
        return try frame.decode()
    }

    /// An inbound machine that has been greeted and accepted.
    private func ready() -> ESLClientStateMachine {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        _ = machine.received(.authRequest)
        _ = machine.received(Self.reply("+OK accepted"))
        return machine
    }

    /// Sends a caller's command and has the switch answer it with `answer`.
    private func accepted(_ command: ESLCommand, _ answer: String, on machine: inout ESLClientStateMachine) {
        let (id, _) = machine.send(command)
        #expect(machine.received(Self.reply(answer)) == .resolve(id, .command(ESLCommandReply(text: answer))))
    }

    private static let bgapiReply = "+OK Job-UUID: j1"

    // MARK: What is written

    @Test func unsubscribedCallerGetsAQuietSubscriptionBeforeTheBgapiAndANixeventAfter() throws {
        var machine = ready()
        let (id, actions) = machine.startJob("uptime", jobUUID: "j1")
        #expect(actions == [.write(.event(.plain, ["BACKGROUND_JOB"])), .write(.bgapi("uptime", jobUUID: "j1"))])
        #expect(machine.jobCount == 1)
        // The subscription's reply is the machine's own: nobody waits for it.
        #expect(machine.received(Self.reply("+OK event listener enabled plain")) == .none)
        #expect(machine.received(Self.reply(Self.bgapiReply)) == .resolve(id, .command(ESLCommandReply(text: Self.bgapiReply))))
        let event = Self.jobEvent("j1")
        #expect(machine.received(event) == .resolveJob(id, try Self.decoded(event), deliver: nil))
        #expect(machine.finishJob(id) == [.write(.nixevent(["BACKGROUND_JOB"]))])
        #expect(machine.received(Self.reply("+OK events nixed")) == .none)
        #expect(machine.jobCount == 0)
        #expect(machine.pendingCount == 0)
        // The quiet subscription is not the caller's.
        #expect(!machine.subscriptions.isListening)
    }

    @Test func callerSubscribedToBackgroundJobGetsOnlyTheBgapiAndTheEvent() throws {
        var machine = ready()
        accepted(.event(.plain, ["BACKGROUND_JOB"]), "+OK event listener enabled plain", on: &machine)
        let (id, actions) = machine.startJob("uptime", jobUUID: "j1")
        #expect(actions == [.write(.bgapi("uptime", jobUUID: "j1"))])
        _ = machine.received(Self.reply(Self.bgapiReply))
        let event = Self.jobEvent("j1")
        #expect(machine.received(event) == .resolveJob(id, try Self.decoded(event), deliver: event))
        #expect(machine.finishJob(id) == [])
        #expect(machine.pendingCount == 0)
    }

    @Test func callerWithFiltersGetsATemporaryJobUUIDFilterDeletedAfterwards() throws {
        var machine = ready()
        accepted(.event(.plain, ["ALL"]), "+OK event listener enabled plain", on: &machine)
        accepted(.filter("Event-Name", "CHANNEL_CREATE"), "+OK filter added. [Event-Name]=[CHANNEL_CREATE]", on: &machine)
        let (id, actions) = machine.startJob("uptime", jobUUID: "j1")
        #expect(actions == [.write(.filter("Job-UUID", "j1")), .write(.bgapi("uptime", jobUUID: "j1"))])
        #expect(machine.received(Self.reply("+OK filter added. [Job-UUID]=[j1]")) == .none)
        _ = machine.received(Self.reply(Self.bgapiReply))
        _ = machine.received(Self.jobEvent("j1"))
        #expect(machine.finishJob(id) == [.write(.filterDelete("Job-UUID", "j1"))])
        #expect(machine.received(Self.reply("+OK filter deleted. [Job-UUID][j1]")) == .none)
        // Only the caller's own filter is in the mirror.
        #expect(machine.subscriptions.filters == [.init(header: "Event-Name", value: "CHANNEL_CREATE")])
    }

    @Test func unsubscribedCallerWithFiltersGetsBothInOrderAndBothUndone() {
        var machine = ready()
        accepted(.filter("Unique-ID", "abc"), "+OK filter added. [Unique-ID]=[abc]", on: &machine)
        let (id, actions) = machine.startJob("status", "now", jobUUID: "j1")
        #expect(actions == [
            .write(.event(.plain, ["BACKGROUND_JOB"])), .write(.filter("Job-UUID", "j1")), .write(.bgapi("status", "now", jobUUID: "j1")),
        ])
        #expect(machine.finishJob(id) == [.write(.filterDelete("Job-UUID", "j1")), .write(.nixevent(["BACKGROUND_JOB"]))])
    }

    @Test func theQuietSubscriptionKeepsTheCallersEventFormat() {
        var machine = ready()
        accepted(.event(.json, ["CHANNEL_CREATE"]), "+OK event listener enabled json", on: &machine)
        let (_, actions) = machine.startJob("uptime", jobUUID: "j1")
        #expect(actions.first == .write(.event(.json, ["BACKGROUND_JOB"])))
    }

    // MARK: Concurrent jobs

    @Test func concurrentJobsShareOneQuietSubscriptionUndoneAfterTheLast() {
        var machine = ready()
        let (first, firstActions) = machine.startJob("uptime", jobUUID: "j1")
        let (second, secondActions) = machine.startJob("status", jobUUID: "j2")
        #expect(firstActions == [.write(.event(.plain, ["BACKGROUND_JOB"])), .write(.bgapi("uptime", jobUUID: "j1"))])
        #expect(secondActions == [.write(.bgapi("status", jobUUID: "j2"))])
        #expect(machine.finishJob(first) == [])
        #expect(machine.finishJob(second) == [.write(.nixevent(["BACKGROUND_JOB"]))])
        // A job after that subscribes again.
        let (_, third) = machine.startJob("uptime", jobUUID: "j3")
        #expect(third.first == .write(.event(.plain, ["BACKGROUND_JOB"])))
    }

    @Test func callerSubscribingMeanwhileKeepsTheSubscriptionAndGetsTheEvent() throws {
        var machine = ready()
        let (id, _) = machine.startJob("uptime", jobUUID: "j1")
        let (subscribe, _) = machine.send(.event(.plain, ["BACKGROUND_JOB"]))
        #expect(machine.received(Self.reply("+OK event listener enabled plain")) == .none)
        _ = machine.received(Self.reply(Self.bgapiReply))
        let answer = "+OK event listener enabled plain"
        #expect(machine.received(Self.reply(answer)) == .resolve(subscribe, .command(ESLCommandReply(text: answer))))
        let event = Self.jobEvent("j1")
        #expect(machine.received(event) == .resolveJob(id, try Self.decoded(event), deliver: event))
        #expect(machine.finishJob(id) == [], "the caller's subscription must not be nixed")
    }

    @Test func eachJobCompletesWithItsOwnEvent() throws {
        var machine = ready()
        let (first, _) = machine.startJob("uptime", jobUUID: "j1")
        let (second, _) = machine.startJob("status", jobUUID: "j2")
        _ = machine.received(Self.reply("+OK event listener enabled plain"))
        _ = machine.received(Self.reply("+OK Job-UUID: j1"))
        _ = machine.received(Self.reply("+OK Job-UUID: j2"))
        let two = Self.jobEvent("j2")
        let one = Self.jobEvent("j1")
        #expect(machine.received(two) == .resolveJob(second, try Self.decoded(two), deliver: nil))
        #expect(machine.received(one) == .resolveJob(first, try Self.decoded(one), deliver: nil))
        // A second event with a Job-UUID already seen completes nothing.
        #expect(machine.received(one) == .none)
    }

    @Test func aJobUUIDAlreadyRunningIsRejected() {
        var machine = ready()
        _ = machine.startJob("uptime", jobUUID: "j1")
        let (id, actions) = machine.startJob("status", jobUUID: "j1")
        guard actions.count == 1, case .reject(id, .protocolViolation) = actions[0] else {
            Issue.record("expected a rejection, got \(actions)")
            return
        }
        #expect(machine.jobCount == 1)
    }

    // MARK: Consumed or delivered

    /// The temporary filter lets the job's event through although the caller's own filter refuses
    /// it: it completes the job and is not delivered, while the caller's events still are.
    @Test func aJobEventLetInOnlyByTheTemporaryFilterIsNotDelivered() throws {
        var machine = ready()
        accepted(.filter("Event-Name", "HEARTBEAT"), "+OK filter added. [Event-Name]=[HEARTBEAT]", on: &machine)
        accepted(.event(.plain, ["ALL"]), "+OK event listener enabled plain", on: &machine)
        let (id, actions) = machine.startJob("uptime", jobUUID: "j1")
        #expect(actions == [.write(.filter("Job-UUID", "j1")), .write(.bgapi("uptime", jobUUID: "j1"))])
        _ = machine.received(Self.reply("+OK filter added. [Job-UUID]=[j1]"))
        _ = machine.received(Self.reply(Self.bgapiReply))
        let heartbeat = Self.event("HEARTBEAT")
        #expect(machine.received(heartbeat) == .deliver(heartbeat))
        let event = Self.jobEvent("j1")
        #expect(machine.received(event) == .resolveJob(id, try Self.decoded(event), deliver: nil))
    }

    @Test func aJobEventTheCallerIsSubscribedToIsNotDeliveredWhenTheJobKeepsIt() throws {
        var machine = ready()
        accepted(.event(.plain, ["ALL"]), "+OK event listener enabled plain", on: &machine)
        let (id, actions) = machine.startJob("uptime", jobUUID: "j1", deliversEvent: false)
        #expect(actions == [.write(.bgapi("uptime", jobUUID: "j1"))])
        _ = machine.received(Self.reply(Self.bgapiReply))
        let event = Self.jobEvent("j1")
        #expect(machine.received(event) == .resolveJob(id, try Self.decoded(event), deliver: nil))
        // Another connection's job event is the caller's as usual.
        let other = Self.jobEvent("elsewhere")
        #expect(machine.received(other) == .deliver(other))
    }

    @Test func anotherJobsEventLetInByTheQuietSubscriptionIsDropped() {
        var machine = ready()
        accepted(.event(.plain, ["CHANNEL_CREATE"]), "+OK event listener enabled plain", on: &machine)
        let (id, _) = machine.startJob("uptime", jobUUID: "j1")
        _ = machine.received(Self.reply("+OK event listener enabled plain"))
        let other = Self.jobEvent("elsewhere")
        #expect(machine.received(other) == .none)
        let create = Self.event("CHANNEL_CREATE")
        #expect(machine.received(create) == .deliver(create))
        _ = machine.received(Self.reply(Self.bgapiReply))
        _ = machine.received(Self.jobEvent("j1"))
        #expect(machine.finishJob(id) == [.write(.nixevent(["BACKGROUND_JOB"]))])
        // Until the switch has applied the nixevent, it may still send what the quiet subscription let in.
        #expect(machine.received(other) == .none)
        #expect(machine.received(Self.reply("+OK events nixed")) == .none)
    }

    @Test func aRefusedBgapiWaitsForNoEvent() {
        var machine = ready()
        let (id, _) = machine.startJob("uptime", jobUUID: "j1")
        _ = machine.received(Self.reply("+OK event listener enabled plain"))
        let refusal = ESLCommandReply(text: "-ERR permission denied")
        #expect(machine.received(.commandReply(refusal)) == .resolve(id, .command(refusal)))
        #expect(machine.received(Self.jobEvent("j1")) == .none)
        #expect(machine.finishJob(id) == [.write(.nixevent(["BACKGROUND_JOB"]))])
    }

    @Test func anEventThatDoesNotDecodeGoesToTheConsumer() {
        var machine = ready()
        _ = machine.startJob("uptime", jobUUID: "j1")
        let broken = ESLMessage.event(ESLEventFrame(format: .json, body: ByteBuffer(string: "{not json")))
        #expect(machine.received(broken) == .deliver(broken))
    }

    // MARK: The end of the connection

    @Test func closingFailsUnansweredRequestsThenJobsAwaitingTheirEvent() {
        var machine = ready()
        let (first, _) = machine.startJob("uptime", jobUUID: "j1")
        _ = machine.received(Self.reply("+OK event listener enabled plain"))
        _ = machine.received(Self.reply(Self.bgapiReply))
        let (second, _) = machine.startJob("status", jobUUID: "j2")
        let (api, _) = machine.send(.api("status"))
        #expect(machine.closed() == .close(.closedByPeer, failing: [second, api, first]))
        #expect(machine.jobCount == 0)
        #expect(machine.finishJob(first) == [])
        let (late, actions) = machine.startJob("uptime", jobUUID: "j3")
        #expect(actions == [.reject(late, .closedByPeer)])
    }

    @Test func aJobFinishedAfterExitSendsNothing() {
        var machine = ready()
        let (id, _) = machine.startJob("uptime", jobUUID: "j1")
        _ = machine.send(.exit)
        #expect(machine.finishJob(id) == [])
        #expect(machine.jobCount == 0)
    }

    @Test func aJobBeforeAuthenticationIsRejected() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        let (id, actions) = machine.startJob("uptime", jobUUID: "j1")
        guard actions.count == 1, case .reject(id, .protocolViolation) = actions[0] else {
            Issue.record("expected a rejection, got \(actions)")
            return
        }
        #expect(machine.jobCount == 0)
    }

    // MARK: The mirror

    @Test func theMirrorTakesOnlyWhatTheSwitchAccepted() {
        var machine = ready()
        let (refused, _) = machine.send(.event(.plain, ["ALL"]))
        _ = machine.received(Self.reply("-ERR permission denied"))
        #expect(!machine.subscriptions.isListening, "refused: \(refused)")
        accepted(.event(.json, ["HEARTBEAT"]), "+OK event listener enabled json", on: &machine)
        accepted(.filter("Event-Name", "HEARTBEAT"), "+OK filter added. [Event-Name]=[HEARTBEAT]", on: &machine)
        accepted(.log(.info), "+OK log level 6 [6]", on: &machine)
        #expect(machine.subscriptions.types == ["HEARTBEAT"])
        #expect(machine.subscriptions.format == .json)
        #expect(machine.subscriptions.filters.count == 1)
        #expect(machine.subscriptions.logLevel == 6)
        accepted(.nixevent(["HEARTBEAT"]), "+OK events nixed", on: &machine)
        #expect(!machine.subscriptions.isListening)
    }
}
