import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// Replays the client side of real captures through ``ESLServerSession`` and compares every reply
/// the protocol decides with the switch's bytes.
@Suite struct ServerSessionCaptureTests {
    private func replay(_ name: String, connection: String = "", session: ESLServerSession = ESLServerSession(password: "ClueCon"), core: FakeCore = FakeCore(), minimumCompared: Int) throws -> CaptureReplay {
        let capture = try Captures.load(name)
        var replay = CaptureReplay(session: session, core: core)
        replay.run(capture, connection: connection)
        #expect(replay.mismatches == [], "\(name) [\(connection)]")
        #expect(replay.compared >= minimumCompared, "\(name) [\(connection)] compared only \(replay.compared) frames")
        return replay
    }

    @Test func authOK() throws {
        let replay = try replay("01", minimumCompared: 4)
        #expect(replay.session.phase == .closed)
    }

    @Test func badPasswordEndsTheConnection() throws {
        let replay = try replay("02", minimumCompared: 3)
        #expect(replay.session.phase == .closed)
        #expect(!replay.session.isAuthenticated)
    }

    @Test func commandsBeforeAuth() throws {
        _ = try replay("03", connection: "A", minimumCompared: 5)
        _ = try replay("03", connection: "B", minimumCompared: 3)
    }

    @Test func filters() throws {
        let replay = try replay("16", minimumCompared: 13)
        #expect(replay.session.subscriptions.filters.isEmpty)
    }

    @Test func nixevent() throws {
        let replay = try replay("17", minimumCompared: 15)
        #expect(!replay.session.eventsEnabled)
    }

    @Test func noevents() throws {
        _ = try replay("18", minimumCompared: 7)
    }

    @Test func log() throws {
        let replay = try replay("19", minimumCompared: 16)
        #expect(!replay.session.isLogging)
    }

    @Test func logLevelDecidesWhichLinesOfCapture19Pass() throws {
        var session = ESLServerSession(password: "ClueCon")
        _ = session.send("auth ClueCon\n\n")
        _ = session.send("log 4\n\n")
        // After `log 4` the capture's `api reloadxml` produced no INFO (6) line.
        #expect(!session.wantsLogLine(level: 6))
        #expect(session.wantsLogLine(level: 3))
    }

    @Test func bgapiJobUUIDs() throws {
        let core = FakeCore(uuids: [
            "86605b97-7a13-426a-a94b-139f4554c41a",
            "9d0b698b-b888-4b5c-bda5-ae943b3d2292",
            "10d1308e-7ac6-4a91-af55-d425494c044f",
        ])
        let replay = try replay("12", core: core, minimumCompared: 10)
        // The client-chosen Job-UUID is used as is: the core was asked for exactly three.
        #expect(core.uuidRequests == 3)
        let jobs = replay.allActions.compactMap { action -> String? in
            if case .runBackgroundAPI(let command, _, let job) = action { return "\(command) \(job)" }
            return nil
        }
        #expect(jobs == [
            "status 86605b97-7a13-426a-a94b-139f4554c41a",
            "foobar 9d0b698b-b888-4b5c-bda5-ae943b3d2292",
            "version 11111111-2222-3333-4444-555555555555",
            "status 10d1308e-7ac6-4a91-af55-d425494c044f",
        ])
        // BACKGROUND_JOB was subscribed, so the job events reach this listener.
        let job = ESLEvent(headers: [(name: "Event-Name", value: "BACKGROUND_JOB")])
        var session = ESLServerSession(password: "ClueCon")
        _ = session.send("auth ClueCon\n\n")
        _ = session.send("event plain BACKGROUND_JOB\n\n")
        #expect(session.wantsEvent(job))
    }

    @Test func bgapiReplyPrecedesTheJob() throws {
        var session = ESLServerSession(password: "ClueCon")
        _ = session.send("auth ClueCon\n\n")
        let actions = session.send("bgapi version\nJob-UUID: 11111111-2222-3333-4444-555555555555\n\n")
        #expect(actions.count == 2)
        guard case .send = actions.first, case .runBackgroundAPI = actions.last else {
            Issue.record("reply must come before the job: \(actions)")
            return
        }
    }

    @Test func lingerAndFriendsInbound() throws {
        let replay = try replay("25", minimumCompared: 11)
        #expect(replay.session.linger == nil)
    }

    @Test func invalidCommandsAndCRLF() throws {
        let replay = try replay("26", minimumCompared: 7)
        let apis = replay.allActions.compactMap { action -> String? in
            if case .runAPI(let command, let arguments, _) = action { return command + (arguments.map { " " + $0 } ?? "") }
            return nil
        }
        #expect(apis == ["status", "version"])
    }

    @Test func crlfLineEndings() throws {
        let replay = try replay("30", minimumCompared: 7)
        let apis = replay.allActions.compactMap { action -> String? in
            if case .runAPI(let command, nil, false) = action { return command }
            return nil
        }
        #expect(apis == ["status", "version"])
        #expect(replay.session.subscriptions.isSubscribed(to: "HEARTBEAT"))
    }

    // MARK: - myevents (23, 29)

    @Test func myeventsInbound() throws {
        let core = FakeCore(channels: [
            "8844be66-474e-4304-9bff-1972f412ad04": ["channel_name": "loopback/7000-a"],
            "bf4658b2-8e85-4bda-ba0a-2bce571c3c55": ["channel_name": "loopback/7000-a"],
        ])
        let a = try replay("23", connection: "A", core: core, minimumCompared: 4)
        #expect(a.session.controlledSession == "8844be66-474e-4304-9bff-1972f412ad04")
        _ = try replay("23", connection: "A2", core: core, minimumCompared: 6)
        let a3 = try replay("23", connection: "A3", core: core, minimumCompared: 5)
        // Unknown uuid accepted, but no session: the goodbye was the inbound one.
        #expect(a3.session.controlledSession == nil)
        #expect(a3.session.myEvents)
        _ = try replay("23", connection: "B", core: core, minimumCompared: 7)
    }

    @Test func myeventsWithFormatAfterTheUUIDAndLinger() throws {
        let uuid = "d4cd163c-1acf-4820-87f3-df74d174bef6"
        let core = FakeCore(channels: [uuid: ["channel_name": "loopback/7000-a"]])
        let a = try replay("29", connection: "A", core: core, minimumCompared: 7)
        // The format word after the uuid is not applied: the capture's events are plain.
        #expect(a.session.subscriptions.format == .plain)
        #expect(a.session.linger == .seconds(3))
        #expect(a.allActions.contains(.startLingerTimer(seconds: 3)))
    }

    // MARK: - Outbound (27, 27a, 28, 28a)

    @Test func outboundFull() throws {
        let uuid = "16669004-c15e-4033-ba69-95256d8b2444"
        let core = FakeCore(channels: [uuid: ["channel_name": "loopback/7000-a"]])
        let o = try replay("27", connection: "O", session: ESLServerSession(outboundChannel: uuid, async: true, full: true), core: core, minimumCompared: 10)
        #expect(o.allActions.contains(.sendChannelData(uuid: uuid, socketMode: "async", control: "full")))
        #expect(o.session.phase == .closed)
        _ = try replay("27", connection: "X", core: FakeCore(uuids: ["a5051690-193a-405c-97ce-50c3fb923ebf"]), minimumCompared: 5)
    }

    @Test func outboundWithoutFull() throws {
        let uuid = "dfa84b80-a0dc-46f9-a0ab-b647c3d333de"
        let core = FakeCore(channels: [uuid: ["channel_name": "loopback/7000-a"]])
        let o = try replay("27a", connection: "O", session: ESLServerSession(outboundChannel: uuid, async: false, full: false), core: core, minimumCompared: 9)
        #expect(o.allActions.contains(.sendChannelData(uuid: uuid, socketMode: "static", control: "single-channel")))
        #expect(o.session.linger == nil)
        #expect(!o.allActions.contains { if case .runAPI = $0 { true } else { false } })
    }

    @Test func outboundHangupWithoutLinger() throws {
        let full = "79e456fe-a3d4-41b2-bff4-19fba977b4fb"
        _ = try replay("28", connection: "O", session: ESLServerSession(outboundChannel: full, async: true, full: true),
                       core: FakeCore(channels: [full: [:]]), minimumCompared: 3)
        let single = "0f91a390-2f1e-42ee-b167-145f47c1d7f1"
        _ = try replay("28a", connection: "O", session: ESLServerSession(outboundChannel: single, async: false, full: false),
                       core: FakeCore(channels: [single: [:]]), minimumCompared: 3)
    }
}
