import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// The state machine driven by what real connections did, record by record: every reply must reach
/// the request it answers, although events arrive in between (myevents, outbound mode).
@Suite struct ClientStateMachineCaptureTests {
    /// What one connection of a capture should come to.
    struct Expectation: Sendable, CustomTestStringConvertible {
        let capture: String
        let connection: String
        /// For each command the client sent (auth excluded), in order: the start of the reply text
        /// (command/reply), body (api/response) or `Event-Name` (outbound connect); `nil` when the
        /// send must be refused because the connection had already closed.
        let replies: [(command: String, reply: String?)]
        /// Frames handed to the consumer (events, log lines, linger notices).
        let delivered: Int
        /// The disposition of the notice that ends the connection (`""` for an inbound goodbye).
        let closedBy: String

        var testDescription: String { "\(capture) [\(connection)]" }
    }

    static let expectations: [Expectation] = [
        .init(capture: "23", connection: "B", replies: [
            ("api originate", "+OK 8844be66-474e-4304-9bff-1972f412ad04"),
            ("api uuid_setvar", "+OK\n"),
            ("api uuid_kill", "+OK\n"),
            ("api originate", "+OK bf4658b2-8e85-4bda-ba0a-2bce571c3c55"),
            ("api hupall", "+OK hangup all channels"),
            ("exit", "+OK bye"),
        ], delivered: 0, closedBy: ""),
        .init(capture: "23", connection: "A", replies: [
            ("myevents 8844be66", "+OK Events Enabled"),
            ("exit", nil),
        ], delivered: 1, closedBy: "disconnect"),
        .init(capture: "23", connection: "A2", replies: [
            ("myevents json bf4658b2", "-ERR invalid uuid"),
            ("myevents json 00000000", "-ERR invalid uuid"),
            ("exit", "+OK bye"),
        ], delivered: 0, closedBy: ""),
        .init(capture: "23", connection: "A3", replies: [
            ("myevents 00000000", "+OK Events Enabled"),
            ("exit", "+OK bye"),
        ], delivered: 0, closedBy: ""),
        .init(capture: "27", connection: "X", replies: [
            ("bgapi originate", "+OK Job-UUID: a5051690-193a-405c-97ce-50c3fb923ebf"),
            ("exit", "+OK bye"),
        ], delivered: 0, closedBy: ""),
        .init(capture: "27", connection: "O", replies: [
            ("connect", "CHANNEL_DATA"),
            ("myevents", "+OK Events Enabled"),
            ("linger 5", "+OK will linger 5 seconds"),
            ("event plain CHANNEL_HANGUP", "+OK event listener enabled plain"),
            ("getvar channel_name", "loopback/7000-a"),
            ("api status", "UP 0 years, 0 days, 0 hours, 3 minutes"),
            ("sendmsg", "+OK"),
            ("sendmsg", "+OK"),
        ], delivered: 10, closedBy: "disconnect"),
        .init(capture: "27a", connection: "O", replies: [
            ("connect", "CHANNEL_DATA"),
            ("myevents", "+OK Events Enabled"),
            ("linger 5", "-ERR command not found"),
            ("event plain", "-ERR command not found"),
            ("getvar channel_name", "loopback/7000-a"),
            ("api status", "-ERR command not found"),
            ("sendmsg", "+OK"),
            ("sendmsg", "+OK"),
            ("exit", nil),
        ], delivered: 2, closedBy: "disconnect"),
        .init(capture: "11", connection: "", replies: [
            ("api foobar", "-ERR foobar Command not found!\n"),
            ("api foobar with args", "-ERR foobar Command not found!\n"),
            ("api", "-ERR command not found"),
            ("api ", "-ERR  Command not found!\n"),
            ("API STATUS", "UP 0 years"),
            ("exit", "+OK bye"),
        ], delivered: 0, closedBy: ""),
        .init(capture: "25", connection: "", replies: [
            ("linger", "-ERR not controlling a session"),
            ("linger 10", "-ERR not controlling a session"),
            ("nolinger", "-ERR not controlling a session"),
            ("resume", "-ERR command not found"),
            ("divert_events on", "-ERR not controlling a session."),
            ("getvar foo", "-ERR command not found"),
            ("connect", "-ERR command not found"),
            ("exit", "+OK bye"),
        ], delivered: 0, closedBy: ""),
        .init(capture: "28", connection: "O", replies: [
            ("connect", "CHANNEL_DATA"),
            ("myevents", "+OK Events Enabled"),
        ], delivered: 7, closedBy: "disconnect"),
        .init(capture: "29", connection: "A", replies: [
            ("myevents d4cd163c", "+OK Events Enabled"),
            ("myevents d4cd163c", "-ERR aready enabled."),
            ("linger 3", "+OK will linger 3 seconds"),
        ], delivered: 7, closedBy: "disconnect"),
    ]

    private func replyText(_ reply: ESLReply) -> String {
        switch reply {
        case .command(let reply): reply.text
        case .api(let response): response.text
        case .channelData(let frame): frame.headers["Event-Name"] ?? ""
        }
    }

    @Test(arguments: expectations)
    func captureDrivesTheMachine(_ expectation: Expectation) throws {
        let capture = try Captures.load(expectation.capture)
        let records = capture.records.filter { ($0.isServer || $0.isClient) && $0.connection == expectation.connection }
        let outbound = expectation.connection == "O"
        var machine = ESLClientStateMachine(mode: outbound ? .outbound : .inbound(password: "ClueCon", user: nil))

        var written: [ESLCommand] = []
        var requests: [(id: ESLClientStateMachine.RequestID, line: String)] = []
        var resolved: [ESLClientStateMachine.RequestID: String] = [:]
        var rejected: Set<ESLClientStateMachine.RequestID> = []
        var delivered = 0
        var closes: [ESLConnectionFailure] = []

        func run(_ action: ESLClientStateMachine.Action) {
            switch action {
            case .none: break
            case .write(let command): written.append(command)
            case .authenticated: break
            case .resolve(let id, let reply):
                #expect(resolved[id] == nil, "resolved twice")
                resolved[id] = replyText(reply)
            case .deliver: delivered += 1
            case .resolveJob: Issue.record("\(expectation): no job was started")
            case .close(let reason, let failing):
                #expect(failing.isEmpty, "\(expectation): waiters left when closing: \(failing)")
                closes.append(reason)
            case .reject(let id, _): rejected.insert(id)
            }
        }

        for record in records {
            if record.isServer {
                var decoder = ESLFrameDecoder()
                var buffer = record.buffer
                let frame = try #require(try decoder.decode(&buffer))
                run(machine.received(ESLMessage(frame: frame)))
            } else {
                var decoder = ESLFrameDecoder()
                var buffer = record.buffer
                let frame = try #require(try decoder.decode(&buffer))
                let line = frame.commandLine
                if line.hasPrefix("auth ") {
                    // The machine wrote this itself on the greeting; it must be these exact bytes.
                    #expect(try written.last?.encoded().bytes == record.bytes)
                    continue
                }
                let verb = line.prefix { $0 != " " }.lowercased()
                let kind: ESLCommand.ReplyKind = verb == "api" ? .apiResponse : verb == "connect" ? .channelData : .commandReply
                let headers = frame.headers.all.map { (name: $0.name, value: $0.value) }
                let (id, action) = machine.send(ESLCommand(line: line, headers: headers, body: frame.body, replyKind: kind))
                requests.append((id, line))
                run(action)
            }
        }
        run(machine.closed())

        try #require(requests.count == expectation.replies.count, "\(expectation): commands sent")
        for ((id, line), (command, reply)) in zip(requests, expectation.replies) {
            #expect(line.hasPrefix(command), "\(expectation): request order")
            if let reply {
                let got = try #require(resolved[id], "\(expectation): \(line) got no reply")
                #expect(got.hasPrefix(reply), "\(expectation): \(line) got \(got.debugDescription)")
            } else {
                #expect(rejected.contains(id), "\(expectation): \(line) should have been refused after the close")
            }
        }
        #expect(delivered == expectation.delivered, "\(expectation): delivered")
        #expect(closes.count == 1, "\(expectation): exactly one close")
        guard case .disconnected(let notice) = closes.first else {
            Issue.record("\(expectation): closed by \(String(describing: closes.first)), not a notice")
            return
        }
        #expect((notice.disposition ?? "") == expectation.closedBy)
        #expect(notice.message == ESLDisconnectNotice.goodbye)
        #expect(machine.closeReason == .disconnected(notice))
    }
}
