import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// `parse_command` rules that the captures do not show, each checked on its own.
@Suite struct ServerSessionCommandTests {
    private func authed() -> ESLServerSession {
        var session = ESLServerSession(password: "ClueCon")
        #expect(session.reply("auth ClueCon\n\n") == "+OK accepted")
        return session
    }

    @Test func beforeAuthOnlyAuthWorksAndTheConnectionStays() {
        var session = ESLServerSession(password: "ClueCon")
        #expect(session.reply("event plain ALL\n\n") == "-ERR command not found")
        #expect(session.reply("log 7\n\n") == "-ERR command not found")
        #expect(session.phase == .running)
        #expect(session.reply("AUTH ClueCon\n\n") == "+OK accepted")
        #expect(session.reply("auth ClueCon\n\n") == "-ERR command not found")
    }

    @Test func passwordIsCaseSensitive() {
        var session = ESLServerSession(password: "ClueCon")
        let actions = session.send("auth cluecon\n\n")
        #expect(actions.count == 2)
        #expect(session.phase == .closed)
        #expect(session.send("auth ClueCon\n\n") == [])
    }

    @Test func firstPacketTimeout() {
        var session = ESLServerSession(password: "ClueCon")
        let actions = session.firstPacketTimedOut()
        #expect(actions == [.disconnect(ESLDisconnectNotice(message: ESLDisconnectNotice.goodbye).frame)])
        var late = ESLServerSession(password: "ClueCon")
        _ = late.send("auth ClueCon\n\n")
        #expect(late.firstPacketTimedOut() == [])
    }

    @Test func userauthExtendedReply() {
        let core = FakeCore(users: ["1000@default": ESLServerUser(password: "pw", allowedEvents: "CHANNEL_CREATE,CUSTOM,my::sub", allowedAPI: "status,bgapi,version", allowedLog: false)])
        var session = ESLServerSession(password: "ClueCon")
        let actions = session.send("userauth 1000@default:pw\n\n", core: core)
        #expect(actions.map(\.replayToken) == ["Content-Type: command/reply\nReply-Text: +OK accepted\nAllowed-Events: CHANNEL_CREATE,CUSTOM,my::sub\nAllowed-API: status,bgapi,version\nAllowed-LOG: false\n\n"])
        #expect(session.reply("event plain CHANNEL_CREATE\n\n", core: core) == "+OK event listener enabled plain")
        #expect(session.reply("event plain HEARTBEAT\n\n", core: core) == "-ERR permission denied")
        #expect(session.reply("event plain CUSTOM my::sub other::sub\n\n", core: core) == "-ERR permission denied")
        #expect(session.subscriptions.customSubclasses == ["my::sub"])
        #expect(session.reply("log 7\n\n", core: core) == "-ERR permission denied")
        #expect(session.reply("api uptime\n\n", core: core) == "-ERR permission denied")
        #expect(session.send("api status\n\n", core: core) == [.runAPI(command: "status", arguments: nil, consoleExecute: false)])
        #expect(session.reply("api bgapi uptime\n\n", core: core) == "-ERR permission denied")
        #expect(session.send("api bgapi version\n\n", core: core) == [.runAPI(command: "bgapi", arguments: "version", consoleExecute: false)])
        #expect(session.reply("bgapi bgapi uptime\n\n", core: core) == "-ERR permission denied")
    }

    @Test func userauthOtherFormAndDefaults() {
        let core = FakeCore(users: ["1000@default": ESLServerUser(password: "pw")])
        var session = ESLServerSession(password: "ClueCon")
        let actions = session.send("userauth 1000:pw@default\n\n", core: core)
        #expect(actions.map(\.replayToken) == ["Content-Type: command/reply\nReply-Text: +OK accepted\nAllowed-Events: all\nAllowed-API: all\nAllowed-LOG: true\n\n"])
        for bad in ["userauth 1000@default:nope\n\n", "userauth 1000:pw\n\n", "userauth 2000@default:pw\n\n"] {
            var other = ESLServerSession(password: "ClueCon")
            #expect(other.reply(bad, core: core) == "-ERR invalid", "\(bad)")
            #expect(other.phase == .closed)
        }
    }

    @Test func logLevels() {
        var session = authed()
        #expect(session.reply("log\n\n") == "+OK log level  [7]")
        #expect(session.reply("log debug\n\n") == "+OK log level debug [7]")
        #expect(session.reply("log Notice\n\n") == "+OK log level Notice [5]")
        #expect(session.reply("log 100\n\n") == "+OK log level 100 [63]")
        #expect(session.reply("log 64\n\n") == "-ERR invalid log level")
        #expect(session.reply("log -3\n\n") == "+OK log level -3 [0]")
        #expect(session.reply("log error\n\n") == "-ERR invalid log level")
        #expect(session.reply("logfoo\n\n") == "-ERR invalid log level")
        #expect(session.reply("log disable\n\n") == "+OK log level disable [-1]")
        #expect(session.isLogging)
        #expect(!session.wantsLogLine(level: 0))
        #expect(session.reply("nolog\n\n") == "+OK no longer logging")
        #expect(session.reply("nolog\n\n") == "-ERR not loging")
        #expect(!session.wantsLogLine(level: 0))
    }

    @Test func logLineDecision() {
        var session = authed()
        _ = session.send("log 5\n\n")
        #expect(session.wantsLogLine(level: 5))
        #expect(session.wantsLogLine(level: 0))
        #expect(!session.wantsLogLine(level: 6))
    }

    @Test func eventFormatQuirks() {
        var session = authed()
        #expect(session.reply("event json\n\n") == "-ERR no keywords supplied")
        #expect(session.subscriptions.format == .json)
        #expect(!session.eventsEnabled)
        #expect(session.reply("events xml HEARTBEAT\n\n") == "+OK event listener enabled xml")
        #expect(session.reply("event HEARTBEAT json\n\n") == "+OK event listener enabled xml")
        #expect(session.reply("event plain not_an_event HEARTBEAT\n\n") == "+OK event listener enabled plain")
        #expect(session.reply("event SWITCH_EVENT_CHANNEL_CREATE\n\n") == "+OK event listener enabled plain")
        #expect(session.subscriptions.isSubscribed(to: "CHANNEL_CREATE"))
    }

    @Test func nixeventTurnsEventsOnAndNoeventsKeepsFilters() {
        var session = authed()
        #expect(session.reply("noevents\n\n") == "-ERR not listening for events")
        #expect(session.reply("nixevent HEARTBEAT\n\n") == "+OK events nixed")
        _ = session.send("filter Event-Name HEARTBEAT\n\n")
        let actions = session.send("noevents\n\n")
        #expect(actions.first == .discardQueuedEvents)
        #expect(actions.last?.replayToken == "Content-Type: command/reply\nReply-Text: +OK no longer listening for events\n\n")
        #expect(session.subscriptions.filters.count == 1)
    }

    @Test func sessionOnlyCommandsWithoutASession() {
        var session = authed()
        #expect(session.reply("linger 5\n\n") == "-ERR not controlling a session")
        #expect(session.reply("nolinger\n\n") == "-ERR not controlling a session")
        #expect(session.reply("divert_events on\n\n") == "-ERR not controlling a session.")
        #expect(session.reply("getvar x\n\n") == "-ERR command not found")
        #expect(session.reply("resume\n\n") == "-ERR command not found")
        #expect(session.reply("myevents\n\n") == "-ERR command not found")
        #expect(session.reply("sendmsg\ncall-command: hangup\n\n") == "-ERR invalid session id []")
        #expect(session.reply("sendmsg 1234\n\n") == "-ERR invalid session id [1234]")
    }

    @Test func sessionCommandsWithASession() {
        let uuid = "11111111-1111-4111-8111-111111111111"
        let core = FakeCore(channels: [uuid: ["channel_name": "loopback/7000-a", "empty": ""]])
        var session = authed()
        #expect(session.reply("myevents \(uuid)\n\n", core: core) == "+OK Events Enabled")
        #expect(session.isAsync)
        #expect(session.reply("linger\n\n", core: core) == "+OK will linger")
        #expect(session.linger == .forever)
        #expect(session.reply("linger \n\n", core: core) == "+OK will linger 0 seconds")
        #expect(session.reply("linger 12\n\n", core: core) == "+OK will linger 12 seconds")
        #expect(session.reply("nolinger\n\n", core: core) == "+OK will not linger")
        #expect(session.linger == nil)
        #expect(session.reply("divert_events\n\n", core: core) == "-ERR missing value.")
        #expect(session.reply("divert_events ON\n\n", core: core) == "+OK events diverted")
        #expect(session.reply("divert_events maybe\n\n", core: core) == "+OK events not diverted")
        #expect(session.reply("getvar channel_name\n\n", core: core) == "loopback/7000-a")
        #expect(session.reply("getvar empty\n\n", core: core) == "-ERR command not found")
        #expect(session.reply("getvar\n\n", core: core) == "-ERR command not found")
        let resume = session.send("resume\n\n", core: core)
        #expect(resume.first == .setChannelVariable(uuid: uuid, name: "socket_resume", value: "true"))
        #expect(session.resumeRequested)
        let own = session.send("sendmsg \(uuid)\ncall-command: hangup\n\n", core: core)
        guard case .deliverMessage(let target, let message, let inline) = own.first else {
            Issue.record("no message delivered: \(own)")
            return
        }
        #expect(target == uuid)
        #expect(!inline)
        #expect(message["call-command"] == "hangup")
        #expect(session.send("exit\n\n").last == .disconnect(ESLDisconnectNotice(disposition: "disconnect", controlledSessionUUID: uuid, message: ESLDisconnectNotice.goodbye).frame))
    }

    @Test func sendmsgInlineOnASynchronousOutboundSession() {
        let uuid = "22222222-2222-4222-8222-222222222222"
        let other = "33333333-3333-4333-8333-333333333333"
        let core = FakeCore(channels: [uuid: [:], other: [:]])
        var session = ESLServerSession(outboundChannel: uuid, async: false, full: false)
        _ = session.send("connect\n\n", core: core)
        let actions = session.send("sendmsg\ncall-command: execute\nexecute-app-name: answer\n\n", core: core)
        #expect(actions.count == 2)
        if case .deliverMessage(uuid, _, true) = actions.first {} else { Issue.record("expected inline delivery: \(actions)") }
        #expect(actions.last?.replayToken == "Content-Type: command/reply\nReply-Text: +OK\n\n")
        let queued = session.send("sendmsg\ncall-command: execute\nasync: true\n\n", core: core)
        if case .deliverMessage(uuid, _, false) = queued.first {} else { Issue.record("async header must queue: \(queued)") }
        let elsewhere = session.send("sendmsg\nsession-id: \(other)\ncall-command: hangup\n\n", core: core)
        if case .deliverMessage(other, _, false) = elsewhere.first {} else { Issue.record("session-id header: \(elsewhere)") }
    }

    @Test func outboundFirstReplyIsNeverSent() {
        var session = ESLServerSession(outboundChannel: "44444444-4444-4444-8444-444444444444", async: true, full: true)
        #expect(session.greeting == nil)
        #expect(session.send("myevents\n\n") == [])
        #expect(session.myEvents)
        #expect(session.reply("myevents\n\n") == "-ERR aready enabled.")
    }

    @Test func outboundMyeventsFormatSearchesTheWholePacket() {
        var session = ESLServerSession(outboundChannel: "44444444-4444-4444-8444-444444444444", async: true, full: true)
        _ = session.send("connect\n\n")
        #expect(session.reply("myevents\nX-Note: json please\n\n") == "+OK Events Enabled")
        #expect(session.subscriptions.format == .json)
    }

    @Test func outboundWithoutFullRefusesTheRest() {
        var session = ESLServerSession(outboundChannel: "44444444-4444-4444-8444-444444444444", async: false, full: false)
        _ = session.send("connect\n\n")
        for command in ["linger\n\n", "event plain ALL\n\n", "api status\n\n", "bgapi status\n\n", "log 7\n\n", "sendevent CUSTOM\n\n", "noevents\n\n"] {
            #expect(session.reply(command) == "-ERR command not found", "\(command)")
        }
        #expect(session.reply("filter Event-Name HEARTBEAT\n\n") == "+OK filter added. [Event-Name]=[HEARTBEAT]")
        #expect(session.reply("divert_events on\n\n") == "+OK events diverted")
    }

    @Test func unloadAndReloadAreRewritten() {
        var session = authed()
        #expect(session.send("api unload mod_event_socket\n\n") == [.runAPI(command: "bgapi", arguments: "unload mod_event_socket", consoleExecute: false)])
        #expect(session.send("bgapi reload\nX: mod_event_socket\n\n") == [.runAPI(command: "bgapi", arguments: "reload mod_event_socket", consoleExecute: false)])
    }

    @Test func apiSplitsAtTheFirstSpaceAndConsoleExecuteKeepsTheLine() {
        var session = authed()
        #expect(session.send("api originate  a b\n\n") == [.runAPI(command: "originate", arguments: " a b", consoleExecute: false)])
        #expect(session.send("api show channels;;status\nconsole_execute: true\n\n") == [.runAPI(command: "show channels;;status", arguments: nil, consoleExecute: true)])
        #expect(session.reply("api\n\n") == "-ERR command not found")
    }

    @Test func sendeventBuildsTheEventFromThePacket() {
        let core = FakeCore(uuids: ["a59579da-fd70-48ce-af76-279b1871bb16"])
        var session = authed()
        let actions = session.send("sendevent CUSTOM\nEvent-Subclass: capture::test\nX-Capture: plain%20raw\nContent-Type: text/plain\nContent-Length: 23\n\nhello world\nsecond line", core: core)
        #expect(actions.last?.replayToken == "Content-Type: command/reply\nReply-Text: +OK a59579da-fd70-48ce-af76-279b1871bb16\n\n")
        guard case .fireEvent(let event, let name) = actions.first else {
            Issue.record("no event fired: \(actions)")
            return
        }
        #expect(name == "CUSTOM")
        // Capture 20: Event-Subclass first, then Command, the client's headers raw, Event-UUID.
        #expect(event.headers.map { "\($0.name): \($0.value)" } == [
            "Event-Subclass: capture::test",
            "Command: sendevent CUSTOM",
            "X-Capture: plain%20raw",
            "Content-Type: text/plain",
            "Content-Length: 23",
            "Event-UUID: a59579da-fd70-48ce-af76-279b1871bb16",
        ])
        #expect(event.bodyString == "hello world\nsecond line")
    }

    @Test func sendeventWithoutANameIsCloneAndUniqueIDRoutesToTheChannel() {
        let uuid = "55555555-5555-4555-8555-555555555555"
        let core = FakeCore(channels: [uuid: [:]])
        var session = authed()
        if case .fireEvent(_, "CLONE") = session.send("sendevent\n\n", core: core).first {} else { Issue.record("expected CLONE") }
        if case .queueEventToChannel(uuid, _) = session.send("sendevent NOTIFY\nUnique-ID: \(uuid)\n\n", core: core).first {} else {
            Issue.record("expected the channel's queue")
        }
    }

    @Test func commandLineWithAColonIsNotAHeader() {
        var session = authed()
        let actions = session.send("bgapi originate loopback/7000/default &socket(127.0.0.1:8084 async full)\n\n", core: FakeCore(uuids: ["66666666-6666-4666-8666-666666666666"]))
        #expect(actions.last == .runBackgroundAPI(command: "originate", arguments: "loopback/7000/default &socket(127.0.0.1:8084 async full)", jobUUID: "66666666-6666-4666-8666-666666666666"))
    }

    @Test func exitPrefixesAndDots() {
        var session = authed()
        #expect(session.reply("exiting now\n\n") == "+OK bye")
        #expect(session.phase == .closed)
        var dots = ESLServerSession(password: "x")
        #expect(dots.reply("...\n\n") == "+OK bye")
    }
}
