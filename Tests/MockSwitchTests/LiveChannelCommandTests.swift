import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// The `uuid_*` commands on a parked loopback call, each in its normal and error path, with the
/// events capture 68 shows.
@Suite(.timeLimit(.minutes(3))) struct LiveChannelCommandTests {
    static let nobody = "00000000-dead-beef-0000-000000000000"

    /// A parked loopback call and a client subscribed to everything, past the call's setup events.
    static func parkedCall() async throws -> (CallTests.Rig, String) {
        var rig = try await CallTests.Rig.start()
        let a = try CallTests.uuid(try await rig.api("originate {origination_caller_id_name=UuidOps,origination_caller_id_number=4155550168}loopback/7000/default &park()"))
        _ = await rig.eventNames(until: "CHANNEL_PARK", channel: a)
        return (rig, a)
    }

    // uuid_setvar_multi, uuid_send_dtmf, uuid_flush_dtmf, uuid_broadcast, uuid_display, uuid_hold and
    // uuid_record each have their own text for an unknown channel (`+OK Success` for uuid_hold):
    // capture 66's replay (ConformanceTests) checks those byte for byte.
    @Test(arguments: ["uuid_dump", "uuid_break", "uuid_park", "uuid_transfer", "uuid_answer",
                      "uuid_pre_answer", "uuid_kill", "uuid_getvar", "uuid_setvar"])
    func unknownChannel(_ command: String) async throws {
        let rig = try await CallTests.Rig.start(events: "HEARTBEAT")
        let arguments = ["uuid_record": " start /tmp/x.wav"][command] ?? " x y"
        #expect(try await rig.api("\(command) \(Self.nobody)\(arguments)") == "-ERR No such channel!\n")
        await rig.stop()
    }

    @Test func setvarMultiAndDump() async throws {
        let (rig, a) = try await Self.parkedCall()
        #expect(try await rig.api("uuid_setvar_multi \(a) cap_x=10;cap_y=twenty") == "+OK\n")
        #expect(try await rig.api("uuid_getvar \(a) cap_y") == "twenty")
        let plain = try await rig.api("uuid_dump \(a) plain")
        #expect(plain.hasPrefix("Event-Name: [CHANNEL_DATA]\n"))
        #expect(plain.contains("Caller-Caller-ID-Name: [Outbound Call]\n"))
        #expect(plain.hasSuffix("variable_cap_x: [10]\nvariable_cap_y: [twenty]\n\n"))
        #expect(try await rig.api("uuid_dump \(a) json").hasPrefix("{\"Event-Name\":\"CHANNEL_DATA\""))
        #expect(try await rig.api("uuid_dump \(a) xml").hasPrefix("<event>\n  <headers>\n    <Event-Name>CHANNEL_DATA</Event-Name>"))
        await rig.stop()
    }

    /// `show channels like`: a fragment anywhere in uuid, name, caller id or presence data; a
    /// `%` makes it the whole pattern; other tables ignore `like`.
    @Test func showChannelsLike() async throws {
        let (rig, a) = try await Self.parkedCall()
        func rows(_ command: String) async throws -> Int {
            let reply = try await rig.api(command)
            return Int(try #require(reply.firstMatch(of: /(\d+) total\./)?.1)) ?? -1
        }
        #expect(try await rows("show channels like 7000-a") == 1)
        #expect(try await rows("show channels like loopback") == 2)
        #expect(try await rows("show channels like \(a.prefix(8))") == 1)
        #expect(try await rows("show channels like 4155550168") == 1)  // the b-leg's caller id number
        #expect(try await rows("show channels like nothing-here") == 0)
        #expect(try await rows("show channels like loop%") == 2)
        #expect(try await rows("show channels like %-b") == 1)
        #expect(try await rows("show channels like 7000") == 2)
        #expect(try await rig.api("show channels like 7000-a as json").contains("\"row_count\":1,"))
        #expect(try await rows("show calls like nothing-here") == (try await rows("show calls")))
        await rig.stop()
    }

    @Test func dtmfGoesToTheOtherLoopbackLeg() async throws {
        var (rig, a) = try await Self.parkedCall()
        #expect(try await rig.api("uuid_send_dtmf \(a) 19#") == "+OK \(a) sent DTMF 19#.\n")
        var digits: [String] = []
        while digits.count < 3, let notification = await rig.events.next() {
            if case .event(let event) = notification, event["Event-Name"] == "DTMF" {
                #expect(event["Unique-ID"] != a)
                #expect(event["DTMF-Duration"] == "2000")
                digits.append(event["DTMF-Digit"] ?? "")
            }
        }
        #expect(digits == ["1", "9", "#"])
        #expect(try await rig.api("uuid_flush_dtmf \(a)") == "+OK\n")
        await rig.stop()
    }

    @Test func broadcastPlaysAndBreakStopsIt() async throws {
        var (rig, a) = try await Self.parkedCall()
        #expect(try await rig.api("uuid_broadcast \(a) tone_stream://%(20,0,350) aleg") == "+OK Message sent\n")
        #expect(await rig.eventNames(until: "CHANNEL_EXECUTE_COMPLETE", channel: a) == ["CHANNEL_EXECUTE", "PLAYBACK_START", "PLAYBACK_STOP", "CHANNEL_EXECUTE_COMPLETE"])
        #expect(try await rig.api("uuid_broadcast \(a) tone_stream://%(50000,0,350) aleg") == "+OK Message sent\n")
        // The first broadcast's queued COMMAND is delivered (as PRIVATE_COMMAND) once it has run.
        #expect(await rig.eventNames(until: "PLAYBACK_START", channel: a) == ["COMMAND", "CHANNEL_EXECUTE", "PLAYBACK_START"])
        #expect(try await rig.api("uuid_break \(a)") == "+OK\n")
        #expect(await rig.eventNames(until: "COMMAND", channel: a) == ["PLAYBACK_STOP", "CHANNEL_EXECUTE_COMPLETE", "COMMAND"])
        #expect(try await rig.api("uuid_getvar \(a) current_application_response") == "FILE PLAYED")
        await rig.stop()
    }

    @Test func displayRecordAndHoldAsOnLoopback() async throws {
        var (rig, a) = try await Self.parkedCall()
        #expect(try await rig.api("uuid_display \(a) CapDisplay") == "-ERR Operation failed\n")
        #expect(try await rig.api("uuid_record \(a) start /srv/capture68.wav") == "+OK Success\n")
        #expect(await rig.eventNames(until: "MEDIA_BUG_START", channel: a) == ["RECORD_START", "MEDIA_BUG_START"])
        #expect(try await rig.api("uuid_record \(a) stop /srv/capture68.wav") == "+OK Success\n")
        #expect(await rig.eventNames(until: "MEDIA_BUG_STOP", channel: a) == ["RECORD_STOP", "MEDIA_BUG_STOP"])
        #expect(try await rig.api("uuid_record \(a)").hasPrefix("-USAGE: "))
        #expect(try await rig.api("uuid_hold \(a)") == "+OK Success\n")
        #expect(try await rig.api("uuid_hold off \(a)") == "-ERR Operation failed\n")
        #expect(try await rig.api("uuid_hold toggle \(a)") == "+OK Success\n")
        #expect(await rig.eventNames(until: "CHANNEL_HOLD", channel: a) == ["CHANNEL_HOLD"])
        #expect(await rig.eventNames(until: "CHANNEL_HOLD", channel: a) == ["CHANNEL_HOLD"])
        await rig.stop()
    }

    @Test func transferAndPark() async throws {
        var (rig, a) = try await Self.parkedCall()
        #expect(try await rig.api("uuid_transfer \(a) 9196") == "+OK\n")
        let transfer = await rig.eventNames(until: "CHANNEL_EXECUTE", channel: a)
        #expect(transfer.prefix(2) == ["CHANNEL_UNPARK", "CHANNEL_EXECUTE_COMPLETE"])
        _ = await rig.eventNames(until: "CHANNEL_EXECUTE", channel: a)
        #expect(try await rig.api("uuid_getvar \(a) current_application") == "echo")
        #expect(try await rig.api("uuid_park \(a)") == "+OK\n")
        #expect(await rig.eventNames(until: "CHANNEL_PARK", channel: a).suffix(2) == ["CHANNEL_STATE", "CHANNEL_PARK"])
        #expect(try await rig.api("show channels").contains(",CS_PARK,"))
        await rig.stop()
    }

    /// `fsctl hupall` hangs every call up (MANAGER_REQUEST), with the events of a hangup.
    @Test func fsctlHupallHangsCallsUp() async throws {
        var (rig, a) = try await Self.parkedCall()
        #expect(try await rig.api("fsctl hupall") == "+OK\n")
        var causes: [String: String] = [:]
        var destroyed = 0
        while destroyed < 2, let notification = await rig.events.next() {
            guard case .event(let event) = notification else { continue }
            if event["Event-Name"] == "CHANNEL_HANGUP", let uuid = event["Unique-ID"] { causes[uuid] = event["Hangup-Cause"] }
            if event["Event-Name"] == "CHANNEL_DESTROY" { destroyed += 1 }
        }
        #expect(causes.count == 2 && causes[a] == "MANAGER_REQUEST")
        #expect(try await rig.api("show channels count") == "\n0 total.\n")
        await rig.stop()
    }

    @Test func answerAndPreAnswerOnAnUnansweredLeg() async throws {
        var (rig, leg, originating) = try await Self.unansweredLeg()
        #expect(try await rig.api("uuid_pre_answer \(leg)") == "+OK\n")
        #expect(await rig.eventNames(until: "CHANNEL_PROGRESS_MEDIA", channel: leg) == ["CHANNEL_PROGRESS_MEDIA"])
        #expect(try await rig.api("uuid_answer \(leg)") == "+OK\n")
        #expect(await rig.eventNames(until: "CHANNEL_ANSWER", channel: leg).last == "CHANNEL_ANSWER")
        await originating.stop()
        await rig.stop()
    }

    /// The other side of an originate that waits: the reply it will never get and the connection
    /// it waits on.
    struct PendingOriginate {
        let reply: Task<String, any Error>
        let connection: ESLConnection

        func stop() async {
            reply.cancel()
            await connection.close()
        }
    }

    /// A loopback call whose b-leg parks without answering while, on a second connection, its
    /// `originate` waits: the rig and that b-leg.
    static func unansweredLeg() async throws -> (CallTests.Rig, String, PendingOriginate) {
        var rig = try await CallTests.Rig.start()
        rig.mock.core.calls.dialplan.extensions["wait"] = [Dialplan.Step("park")]
        let other = try await ESLConnection.connect(host: "127.0.0.1", port: rig.mock.port, password: "ClueCon",
                                                    configuration: .patientForTests)
        // The leg must still be unanswered when a test acts on it, however busy the machine: the
        // originate gives up only after the test's own time limit.
        let reply = Task { try await other.api("originate", "{originate_timeout=120}loopback/wait/default &park()").text }
        var b: String?
        while b == nil, let notification = await rig.events.next() {
            if case .event(let event) = notification, event["Event-Name"] == "CHANNEL_PARK" { b = event["Unique-ID"] }
        }
        return (rig, try #require(b), PendingOriginate(reply: reply, connection: other))
    }
}
