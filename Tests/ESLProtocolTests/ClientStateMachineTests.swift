import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct ClientStateMachineTests {
    // MARK: Messages as the switch sends them

    static let greeting = ESLMessage.authRequest
    static let accepted = ESLMessage.commandReply(ESLCommandReply(text: "+OK accepted"))
    static let invalid = ESLMessage.commandReply(ESLCommandReply(text: "-ERR invalid"))
    static let goodbye = ESLDisconnectNotice(message: ESLDisconnectNotice.goodbye)
    static let linger = ESLDisconnectNotice(
        disposition: "linger", controlledSessionUUID: "u", channelName: "loopback/7000-a", lingerTime: 5, message: "")
    static let event = ESLMessage.event(ESLEventFrame(format: .plain, body: ByteBuffer(string: "Event-Name: HEARTBEAT\n\n")))
    static let logLine = ESLMessage.log(ESLLogLine(level: 6, file: "f.c", function: "f", line: 1, body: ByteBuffer(string: "x\n")))

    static func reply(_ text: String) -> ESLMessage { .commandReply(ESLCommandReply(text: text)) }
    static func api(_ text: String) -> ESLMessage { .apiResponse(ESLAPIResponse(text: text)) }

    /// An inbound machine that has been greeted and accepted.
    private func ready() -> ESLClientStateMachine {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        _ = machine.received(Self.greeting)
        _ = machine.received(Self.accepted)
        return machine
    }

    // MARK: Greeting and authentication

    @Test func greetingAuthAccepted() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        #expect(!machine.isReady)
        #expect(machine.received(Self.greeting) == .write(.auth(password: "ClueCon")))
        #expect(!machine.isReady)
        let reply = ESLCommandReply(text: "+OK accepted")
        #expect(machine.received(.commandReply(reply)) == .authenticated(reply))
        #expect(machine.isReady)
        #expect(machine.closeReason == nil)
        #expect(machine.pendingCount == 0)
    }

    @Test func userauthWhenAUserIsGiven() throws {
        var machine = ESLClientStateMachine(mode: .inbound(password: "pw", user: "1000@default"))
        let action = machine.received(Self.greeting)
        #expect(action == .write(.userauth(user: "1000@default", password: "pw")))
        guard case .write(let command) = action else { return }
        #expect(try command.encoded().bytes == Array("userauth 1000@default:pw\n\n".utf8))
        // The extended userauth reply (docs/protocol.md, "Authentication") also authenticates; the check ignores case
        // like libesl.
        let reply = ESLCommandReply(headers: [
            ("Content-Type", "command/reply"), ("Reply-Text", "+ok ACCEPTED"),
            ("Allowed-Events", "all"), ("Allowed-API", "all"), ("Allowed-LOG", "true"),
        ])
        #expect(machine.received(.commandReply(reply)) == .authenticated(reply))
        #expect(machine.isReady)
    }

    @Test func badPasswordClosesWithAuthenticationFailed() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "wrong", user: nil))
        _ = machine.received(Self.greeting)
        #expect(machine.received(Self.invalid) == .close(.authenticationFailed("-ERR invalid"), failing: []))
        #expect(machine.closeReason == .authenticationFailed("-ERR invalid"))
        #expect(!machine.isReady)
        // The goodbye that follows is ignored.
        #expect(machine.received(.disconnectNotice(Self.goodbye)) == .none)
    }

    @Test func rudeRejectionDuringGreeting() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        let text = "Access Denied, go away.\n"
        #expect(machine.received(.rudeRejection(text)) == .close(.rejected(text), failing: []))
        #expect(machine.closeReason == .rejected(text))
    }

    @Test func disconnectNoticeDuringGreeting() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        #expect(machine.received(.disconnectNotice(Self.goodbye)) == .close(.disconnected(Self.goodbye), failing: []))
        #expect(machine.closeReason == .disconnected(Self.goodbye))
    }

    @Test(arguments: [reply("+OK"), api("x"), event, logLine, .other(ESLFrame(headers: [("X", "1")]))])
    func wrongFirstFrameIsAProtocolViolation(_ message: ESLMessage) {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        let action = machine.received(message)
        guard case .close(.protocolViolation, failing: let failing) = action else {
            Issue.record("expected a protocol violation, got \(action)")
            return
        }
        #expect(failing.isEmpty)
        #expect(machine.closeReason != nil)
    }

    @Test func wrongFrameDuringAuthenticationIsAProtocolViolation() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        _ = machine.received(Self.greeting)
        guard case .close(.protocolViolation, _) = machine.received(Self.api("+OK")) else {
            Issue.record("expected a protocol violation")
            return
        }
    }

    @Test func sendsBeforeAuthenticationAreRejected() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "ClueCon", user: nil))
        let (first, action) = machine.send(.api("status"))
        guard case .reject(let id, .protocolViolation) = action else {
            Issue.record("expected a rejection, got \(action)")
            return
        }
        #expect(id == first)
        _ = machine.received(Self.greeting)
        let (second, during) = machine.send(.api("status"))
        #expect(second != first)
        guard case .reject(second, _) = during else {
            Issue.record("expected a rejection during authentication, got \(during)")
            return
        }
        #expect(machine.pendingCount == 0)
        // The rejected sends did not queue waiters: the auth reply still authenticates.
        #expect(machine.received(Self.accepted) == .authenticated(ESLCommandReply(text: "+OK accepted")))
    }

    // MARK: Replies and the FIFO

    @Test func repliesResolveInOrderByKind() {
        var machine = ready()
        let (a, writeA) = machine.send(.event(.plain, ["ALL"]))
        let (b, _) = machine.send(.api("status"))
        let (c, _) = machine.send(.bgapi("status"))
        #expect(writeA == .write(.event(.plain, ["ALL"])))
        #expect(Set([a, b, c]).count == 3)
        #expect(machine.pendingCount == 3)
        #expect(machine.received(Self.reply("+OK event listener enabled plain")) == .resolve(a, .command(ESLCommandReply(text: "+OK event listener enabled plain"))))
        #expect(machine.received(Self.api("UP 0 years")) == .resolve(b, .api(ESLAPIResponse(text: "UP 0 years"))))
        #expect(machine.received(Self.reply("+OK Job-UUID: j")) == .resolve(c, .command(ESLCommandReply(text: "+OK Job-UUID: j"))))
        #expect(machine.pendingCount == 0)
    }

    @Test func eventsAndLogsBeforeAReplyAreDeliveredWithoutConsumingTheWaiter() {
        var machine = ready()
        let (id, _) = machine.send(.event(.plain, ["CHANNEL_HANGUP"]))
        #expect(machine.received(Self.event) == .deliver(Self.event))
        #expect(machine.received(Self.logLine) == .deliver(Self.logLine))
        let unknown = ESLMessage.other(ESLFrame(headers: [("Content-Type", "text/new")]))
        #expect(machine.received(unknown) == .deliver(unknown))
        #expect(machine.pendingCount == 1)
        #expect(machine.received(Self.reply("+OK")) == .resolve(id, .command(ESLCommandReply(text: "+OK"))))
    }

    @Test func apiResponseWhileACommandReplyIsAwaitedIsAProtocolViolation() {
        var machine = ready()
        let (id, _) = machine.send(.event(.plain, ["ALL"]))
        let action = machine.received(Self.api("+OK"))
        guard case .close(.protocolViolation, failing: let failing) = action else {
            Issue.record("expected a protocol violation, got \(action)")
            return
        }
        #expect(failing == [id])
    }

    /// The switch refuses an `api` it will not run with a command/reply (`api` without arguments,
    /// outbound mode without `full`: captures 11 and 27a), and a `connect` outside outbound mode the
    /// same way (capture 25): the refusal answers the waiting request.
    @Test func commandReplyAnswersAnAPIOrConnectItRefuses() {
        var machine = ready()
        let (api, _) = machine.send(.api("status"))
        let (connect, _) = machine.send(.connect)
        let (nolog, _) = machine.send(.nolog)
        let refusal = ESLCommandReply(text: "-ERR command not found")
        #expect(machine.received(.commandReply(refusal)) == .resolve(api, .command(refusal)))
        #expect(machine.received(.commandReply(refusal)) == .resolve(connect, .command(refusal)))
        #expect(machine.received(Self.reply("+OK no longer logging")) == .resolve(nolog, .command(ESLCommandReply(text: "+OK no longer logging"))))
        #expect(machine.isReady)
    }

    @Test(arguments: [reply("+OK"), api("+OK"), .channelData(ESLFrame(headers: [("Event-Name", "CHANNEL_DATA")]))])
    func replyWithNothingPendingIsAProtocolViolation(_ message: ESLMessage) {
        var machine = ready()
        guard case .close(.protocolViolation, failing: []) = machine.received(message) else {
            Issue.record("expected a protocol violation")
            return
        }
        #expect(machine.closeReason != nil)
    }

    @Test func authRequestAfterAuthenticationIsAProtocolViolation() {
        var machine = ready()
        guard case .close(.protocolViolation, _) = machine.received(Self.greeting) else {
            Issue.record("expected a protocol violation")
            return
        }
    }

    // MARK: Disconnects

    @Test func lingerNoticeIsDeliveredAndKeepsTheConnection() {
        var machine = ready()
        let (id, _) = machine.send(.linger(seconds: 5))
        let notice = ESLMessage.disconnectNotice(Self.linger)
        #expect(machine.received(notice) == .deliver(notice))
        #expect(machine.isReady)
        #expect(machine.pendingCount == 1)
        #expect(machine.received(Self.reply("+OK will linger 5 seconds")) == .resolve(id, .command(ESLCommandReply(text: "+OK will linger 5 seconds"))))
    }

    @Test func goodbyeNoticeClosesAndFailsEveryWaiter() {
        var machine = ready()
        let (a, _) = machine.send(.api("status"))
        let (b, _) = machine.send(.nolog)
        #expect(machine.received(.disconnectNotice(Self.goodbye)) == .close(.disconnected(Self.goodbye), failing: [a, b]))
        #expect(machine.closeReason == .disconnected(Self.goodbye))
        #expect(machine.pendingCount == 0)
        #expect(machine.received(Self.reply("+OK")) == .none)
        #expect(machine.closed() == .none)
    }

    @Test func exitThenByeThenNotice() {
        var machine = ready()
        let (id, action) = machine.send(.exit)
        #expect(action == .write(.exit))
        #expect(!machine.isReady, "after exit nothing more may be sent")
        let (late, lateAction) = machine.send(.api("status"))
        #expect(lateAction == .reject(late, .closedLocally))
        // Events still arrive and are delivered while closing.
        #expect(machine.received(Self.event) == .deliver(Self.event))
        #expect(machine.received(Self.reply("+OK bye")) == .resolve(id, .command(ESLCommandReply(text: "+OK bye"))))
        #expect(machine.received(.disconnectNotice(Self.goodbye)) == .close(.disconnected(Self.goodbye), failing: []))
        #expect(machine.closeReason == .disconnected(Self.goodbye))
    }

    @Test func exitThenSocketCloseIsALocalClose() {
        var machine = ready()
        let (id, _) = machine.send(.exit)
        #expect(machine.closed() == .close(.closedLocally, failing: [id]))
        #expect(machine.closeReason == .closedLocally)
    }

    @Test func sendsAfterCloseAreRejectedWithTheReason() {
        var machine = ready()
        _ = machine.received(.disconnectNotice(Self.goodbye))
        let (id, action) = machine.send(.api("status"))
        #expect(action == .reject(id, .disconnected(Self.goodbye)))
    }

    @Test func socketCloseFailsAllPending() {
        var machine = ready()
        let ids = (0..<4).map { _ in machine.send(.api("status")).0 }
        #expect(machine.closed() == .close(.closedByPeer, failing: ids))
        #expect(machine.closeReason == .closedByPeer)
        #expect(machine.pendingCount == 0)
        #expect(machine.closed() == .none)
        #expect(machine.fail(.closedLocally) == .none)
    }

    @Test func localFailureFailsAllPending() {
        var machine = ready()
        let (id, _) = machine.send(.api("status"))
        #expect(machine.fail(.protocolViolation("decoder")) == .close(.protocolViolation("decoder"), failing: [id]))
    }

    @Test func socketCloseDuringGreeting() {
        var machine = ESLClientStateMachine(mode: .inbound(password: "x", user: nil))
        #expect(machine.closed() == .close(.closedByPeer, failing: []))
    }

    // MARK: Outbound

    @Test func outboundStartsReadyAndConnectIsAnsweredByChannelData() {
        var machine = ESLClientStateMachine(mode: .outbound)
        #expect(machine.isReady)
        let (connect, action) = machine.send(.connect)
        #expect(action == .write(.connect))
        let (myevents, _) = machine.send(.myevents())
        let data = ESLFrame(headers: [("Event-Name", "CHANNEL_DATA"), ("Content-Type", "command/reply"), ("Reply-Text", "%2BOK%0A")])
        let message = ESLMessage(frame: data)
        #expect(machine.received(message) == .resolve(connect, .channelData(data)))
        #expect(machine.received(Self.reply("+OK Events Enabled")) == .resolve(myevents, .command(ESLCommandReply(text: "+OK Events Enabled"))))
    }

    @Test func outboundRefusesAGreeting() {
        var machine = ESLClientStateMachine(mode: .outbound)
        guard case .close(.protocolViolation, _) = machine.received(Self.greeting) else {
            Issue.record("expected a protocol violation")
            return
        }
    }

    @Test func channelDataWhileACommandReplyIsAwaited() {
        var machine = ESLClientStateMachine(mode: .outbound)
        let (id, _) = machine.send(.myevents())
        guard case .close(.protocolViolation, failing: [id]) = machine.received(.channelData(ESLFrame(headers: [("Event-Name", "CHANNEL_DATA")]))) else {
            Issue.record("expected a protocol violation")
            return
        }
    }
}
