import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// Simulated calls over real sockets: originate on each endpoint, the live-channel commands in
/// their normal and error paths, and the event order of a loopback call against capture 21.
@Suite(.timeLimit(.minutes(3))) struct CallTests {
    /// A mock and a client subscribed to every event.
    struct Rig {
        let mock: MockSwitchServer
        let connection: ESLConnection
        var events: ESLNotifications.AsyncIterator

        static func start(events: String = "ALL") async throws -> Rig {
            let mock = try await ServerBehaviourTests.start()
            let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon",
                                                             configuration: .patientForTests)
            #expect(try await connection.command("event plain \(events)").isOK)
            return Rig(mock: mock, connection: connection, events: connection.notifications.makeAsyncIterator())
        }

        func api(_ line: String) async throws -> String {
            let split = line.firstIndex(of: " ").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) } ?? (line, nil)
            return try await connection.api(split.0, split.1).text
        }

        /// Event names until (and including) one named `last`.
        mutating func eventNames(until last: String, channel: String? = nil) async -> [String] {
            var names: [String] = []
            while let notification = await events.next() {
                guard case .event(let event) = notification, let name = event["Event-Name"] else { continue }
                if let channel, event["Unique-ID"] != channel { continue }
                names.append(name)
                if name == last { break }
            }
            return names
        }

        func stop() async {
            await connection.close()
            await mock.stop()
        }
    }

    static func uuid(_ reply: String) throws -> String {
        try #require(reply.hasPrefix("+OK ") ? String(reply.dropFirst(4).prefix(36)) : nil, "\(reply)")
    }

    /// The a-leg's event names in capture 21, from originate to CHANNEL_DESTROY.
    static func capturedALegEvents() throws -> [String] {
        let records = try Captures.load("21_loopback_call_plain").records
        let reply = try #require(records.first { $0.label.contains("api/response") && $0.data.contains("+OK ") })
        let a = try uuid(String(reply.data[reply.data.range(of: "+OK ")!.lowerBound...]))
        return records.compactMap { record in
            guard record.dir == "S->C", record.data.contains("Unique-ID: \(a)"),
                  let match = record.label.firstMatch(of: /Event-Name=([A-Z_]+)/) else { return nil }
            return String(match.1)
        }
    }

    @Test func loopbackCallFiresCapture21sEventsInOrder() async throws {
        var rig = try await Rig.start()
        let a = try Self.uuid(try await rig.api("originate {origination_caller_id_number=1000,origination_caller_id_name=Capture}loopback/7000/default &park()"))
        var ours = await rig.eventNames(until: "CHANNEL_PARK", channel: a)
        #expect(try await rig.api("show channels count") == "\n2 total.\n")
        #expect(try await rig.api("uuid_kill \(a)") == "+OK\n")
        ours += await rig.eventNames(until: "CHANNEL_DESTROY", channel: a)
        ours += await rig.eventNames(until: "CHANNEL_STATE", channel: a)
        #expect(ours == (try Self.capturedALegEvents()))
        #expect(try await rig.api("uuid_exists \(a)") == "false")
        await rig.stop()
    }

    /// `{origination_uuid=…}` names the originated leg; a UUID already in use is refused.
    @Test func originationUUIDNamesTheLeg() async throws {
        let rig = try await Rig.start(events: "HEARTBEAT")
        let chosen = "11111111-2222-3333-4444-555555555555"
        #expect(try await rig.api("originate {origination_uuid=\(chosen)}loopback/7000/default &park()") == "+OK \(chosen)\n")
        #expect(try await rig.api("uuid_exists \(chosen)") == "true")
        #expect(try await rig.api("originate {origination_uuid=\(chosen)}null/x &park()") == "-ERR DESTINATION_OUT_OF_ORDER\n")
        #expect(try await rig.api("originate {origination_uuid=22222222-2222-3333-4444-555555555555}null/x &park()")
            == "+OK 22222222-2222-3333-4444-555555555555\n")
        await rig.stop()
    }

    /// `fsctl pause` stops new outbound sessions until `fsctl resume`; the checks follow.
    @Test func pauseRefusesNewCallsUntilResume() async throws {
        let rig = try await Rig.start(events: "HEARTBEAT")
        #expect(try await rig.api("fsctl pause_check") == "false")
        #expect(try await rig.api("fsctl pause inbound") == "+OK\n")
        #expect(try await rig.api("fsctl pause_check inbound") == "true")
        #expect(try await rig.api("fsctl pause_check") == "false")
        #expect(try await rig.api("fsctl ready_check") == "false")
        #expect(try await rig.api("originate null/x &park()").hasPrefix("+OK "))
        #expect(try await rig.api("fsctl pause") == "+OK\n")
        #expect(try await rig.api("fsctl pause_check") == "true")
        #expect(try await rig.api("originate null/x &park()") == "-ERR SYSTEM_SHUTDOWN\n")
        #expect(try await rig.api("fsctl resume") == "+OK\n")
        #expect(try await rig.api("fsctl ready_check") == "true")
        #expect(try await rig.api("originate null/x &park()").hasPrefix("+OK "))
        await rig.stop()
    }

    @Test func originateFailuresAnswerTheCause() async throws {
        let rig = try await Rig.start(events: "CHANNEL_HANGUP")
        #expect(try await rig.api("originate error/CALL_REJECTED &park()") == "-ERR CALL_REJECTED\n")
        #expect(try await rig.api("originate loopback/5550199/features &park()") == "-ERR NO_ROUTE_DESTINATION\n")
        #expect(try await rig.api("originate user/4242 &park()") == "-ERR USER_NOT_REGISTERED\n")
        #expect(try await rig.api("originate bogus/1 &park()") == "-ERR CHAN_NOT_IMPLEMENTED\n")
        #expect(try await rig.api("originate loopback/7000").hasPrefix("-USAGE: <call url>"))
        #expect(try await rig.api("show channels count") == "\n0 total.\n")
        await rig.stop()
    }

    @Test func originateTimeoutOnAnExtensionThatNeverAnswers() async throws {
        var rig = try await Rig.start(events: "CHANNEL_HANGUP CHANNEL_DESTROY")
        rig.mock.core.calls.dialplan.extensions["wait"] = [Dialplan.Step("park")]
        #expect(try await rig.api("originate {originate_timeout=1}loopback/wait/default &park()") == "-ERR NO_ANSWER\n")
        let names = await rig.eventNames(until: "CHANNEL_DESTROY") + rig.eventNames(until: "CHANNEL_DESTROY")
        #expect(names.filter { $0 == "CHANNEL_HANGUP" }.count == 2)
        #expect(try await rig.api("show channels count") == "\n0 total.\n")
        await rig.stop()
    }

    @Test func userEndpointRingsThenAnswers() async throws {
        var rig = try await Rig.start()
        rig.mock.core.calls.ringTime = .milliseconds(20)
        let uuid = try Self.uuid(try await rig.api("originate user/1000 &park()"))
        let names = await rig.eventNames(until: "CHANNEL_PARK", channel: uuid)
        #expect(names.firstIndex(of: "CHANNEL_PROGRESS")! < names.firstIndex(of: "CHANNEL_ANSWER")!)
        #expect(try await rig.api("uuid_getvar \(uuid) endpoint_disposition") == "ANSWER")
        #expect(try await rig.api("hupall") == "+OK hangup all channels with cause MANAGER_REQUEST\n")
        _ = await rig.eventNames(until: "CHANNEL_DESTROY", channel: uuid)
        await rig.stop()
    }

    @Test func extensionFormRunsTheDialplanOnTheOriginatedLeg() async throws {
        var rig = try await Rig.start()
        let uuid = try Self.uuid(try await rig.api("originate null/1 9196 XML default"))
        let names = await rig.eventNames(until: "CHANNEL_EXECUTE_COMPLETE", channel: uuid)
        #expect(names.contains("CHANNEL_EXECUTE"))
        #expect(try await rig.api("uuid_getvar \(uuid) current_application") == "echo")
        await rig.stop()
    }

    @Test func variableCommandsOnALiveChannel() async throws {
        let rig = try await Rig.start(events: "CHANNEL_HANGUP")
        let a = try Self.uuid(try await rig.api("originate {team=red}loopback/7000/default &park()"))
        #expect(try await rig.api("uuid_exists \(a)") == "true")
        #expect(try await rig.api("uuid_getvar \(a) team") == "red")
        #expect(try await rig.api("uuid_getvar \(a) nothing") == "_undef_")
        #expect(try await rig.api("uuid_setvar \(a) team blue") == "+OK\n")
        #expect(try await rig.api("uuid_getvar \(a) team") == "blue")
        #expect(try await rig.api("uuid_getvar 00000000-dead-beef-0000-000000000000 team") == "-ERR No such channel!\n")
        #expect(try await rig.api("uuid_setvar 00000000-dead-beef-0000-000000000000 team x") == "-ERR No such channel!\n")
        #expect(try await rig.api("uuid_kill 00000000-dead-beef-0000-000000000000") == "-ERR No such channel!\n")
        #expect(try await rig.api("show channels count") == "\n2 total.\n")
        #expect(try await rig.api("status").contains("2 session(s)"))
        #expect(try await rig.api("hupall USER_BUSY team green") == "+OK hangup all channels matching [team]=[green] with cause: USER_BUSY\n")
        #expect(try await rig.api("show channels count") == "\n2 total.\n")
        #expect(try await rig.api("hupall USER_BUSY team blue") == "+OK hangup all channels matching [team]=[blue] with cause: USER_BUSY\n")
        #expect(try await rig.api("uuid_exists \(a)") == "false")
        await rig.stop()
    }

    @Test func originateRequestParsesPrefixesAndPositions() throws {
        let request = try #require(OriginateRequest("{a=1,b=2}[c=3]loopback/7000/default 7000 XML features Name 555 9"))
        #expect(request.endpoint == "loopback/7000/default")
        #expect(request.variables.map { "\($0.0)=\($0.1)" } == ["a=1", "b=2", "c=3"])
        #expect(request.target == .extension("7000"))
        #expect(request.context == "features")
        #expect(request.callerIDName == "Name" && request.callerIDNumber == "555" && request.timeoutSeconds == 9)
        #expect(OriginateRequest("user/1000 &playback(tone_stream://%(300,0,800))")?.target == .application(name: "playback", data: "tone_stream://%(300,0,800)"))
        #expect(OriginateRequest("user/1000") == nil)
    }
}
