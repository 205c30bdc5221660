import Foundation
import ESLClient
import ESLProtocol
@testable import MockSwitch
import TestSupport
import Testing

/// The dialplan: timed applications resume the steps after them, and the channel hangs up when
/// the steps run out (capture 69's 9664: answer, a tone, then the end).
@Suite(.timeLimit(.minutes(3))) struct DialplanTests {
    @Test func playbackIsTimedAndTheDialplanEndsWithAHangup() async throws {
        var rig = try await CallTests.Rig.start()
        rig.mock.core.calls.dialplan.extensions["9665"] = [
            Dialplan.Step("answer"), Dialplan.Step("playback", "tone_stream://%(30,0,440)"), Dialplan.Step("sleep", "20"),
            Dialplan.Step("log", "INFO done"),
        ]
        _ = try CallTests.uuid(try await rig.api("originate loopback/9665/default &park()"))
        // The call is over within milliseconds, so the b-leg is known by its name, not looked up.
        var names: [String] = []
        var destroyed = 0
        while destroyed < 2, let notification = await rig.events.next() {
            guard case .event(let event) = notification, let name = event["Event-Name"] else { continue }
            if name == "CHANNEL_DESTROY" { destroyed += 1 }
            if event["Channel-Name"] == "loopback/9665-b" { names.append(name) }
        }
        let played = ["CHANNEL_EXECUTE", "PLAYBACK_START", "PLAYBACK_STOP", "CHANNEL_EXECUTE_COMPLETE"]
        let start = try #require(names.firstIndex(of: "PLAYBACK_START"))
        #expect(Array(names[(start - 1)...(start + 2)]) == played)
        #expect(names.contains("CHANNEL_HANGUP"))
        #expect(try await rig.api("show channels count") == "\n0 total.\n")
        await rig.stop()
    }

    /// multiset, multiunset, set_global and hash change what they name; the channel carries on.
    @Test func variableApplications() async throws {
        var rig = try await CallTests.Rig.start()
        rig.mock.core.calls.dialplan.extensions["9701"] = [
            Dialplan.Step("multiset", "dp_a=1 dp_b=two dp_c=3"), Dialplan.Step("multiunset", "dp_c"),
            Dialplan.Step("multiset", "^^;dp_d=x y;dp_e="), Dialplan.Step("set_global", "dp_global=on"),
            Dialplan.Step("hash", "insert/dp_realm/dp_key/dp_value"), Dialplan.Step("answer"), Dialplan.Step("park"),
        ]
        let a = try CallTests.uuid(try await rig.api("originate loopback/9701/default &park()"))
        let b = try await rig.api("uuid_getvar \(a) other_loopback_leg_uuid")
        _ = await rig.eventNames(until: "CHANNEL_PARK", channel: b)
        for (name, value) in [("dp_a", "1"), ("dp_b", "two"), ("dp_c", "_undef_"), ("dp_d", "x y"), ("dp_e", "_undef_")] {
            #expect(try await rig.api("uuid_getvar \(b) \(name)") == value, "\(name)")
        }
        #expect(try await rig.api("global_getvar dp_global") == "on")
        #expect(try await rig.api("hash select/dp_realm/dp_key") == "dp_value")
        await rig.stop()
    }

    /// An application no module has: no CHANNEL_EXECUTE, the channel hangs up
    /// DESTINATION_OUT_OF_ORDER.
    @Test func unknownApplicationHangsUp() async throws {
        var rig = try await CallTests.Rig.start()
        rig.mock.core.calls.dialplan.extensions["9702"] = [Dialplan.Step("answer"), Dialplan.Step("no_such_app", "x")]
        rig.mock.core.calls.dialplan.extensions["9703"] = [Dialplan.Step("no_such_app")]
        // Before an answer the originate fails with the cause; after one it had succeeded.
        #expect(try await rig.api("originate loopback/9703/default &park()") == "-ERR DESTINATION_OUT_OF_ORDER\n")
        _ = try CallTests.uuid(try await rig.api("originate loopback/9702/default &park()"))
        var executed: [String] = []
        var cause: String?
        while cause == nil, let notification = await rig.events.next() {
            guard case .event(let event) = notification, event["Channel-Name"] == "loopback/9702-b" else { continue }
            if event["Event-Name"] == "CHANNEL_EXECUTE" { executed.append(event["Application"] ?? "") }
            if event["Event-Name"] == "CHANNEL_HANGUP" { cause = event["Hangup-Cause"] }
        }
        #expect(executed.last == "answer" && !executed.contains("no_such_app"))  // (business hours run `set` first)
        #expect(cause == "DESTINATION_OUT_OF_ORDER")
        await rig.stop()
    }

    @Test func standardExtensions() {
        let plan = Dialplan.standard
        #expect(plan.route("7000", context: "default")?.map(\.application) == ["answer", "park"])
        let utc = SwitchTimeZone.utc
        // Thursday 2026-11-26 14:47 UTC (capture 21) is business hours; 21:04 (capture 68) is not.
        #expect(plan.route("7000", context: "default", at: 1_795_704_439_761_228, in: utc)?.map(\.application) == ["set", "answer", "park"])
        #expect(plan.route("7000", context: "default", at: 1_796_245_470_513_656, in: utc)?.map(\.application) == ["answer", "park"])
        #expect(plan.route("9196", context: "default")?.map(\.application) == ["answer", "echo"])
        #expect(plan.route("9664", context: "default")?.map(\.application) == ["answer", "playback"])
        #expect(plan.route("7000", context: "features") == nil)
    }

    /// 21:04 UTC on a Thursday (capture 68): no business hours, so `tod_example` adds nothing.
    static let night: Int64 = 1_796_245_470_513_656
    static let utc = SwitchTimeZone.utc

    /// The extensions named in a hunt's trace, and those whose regular expression passed.
    static func walked(_ hunt: Dialplan.Hunt) -> (parsed: [String], passed: [String], actions: [Dialplan.Step]) {
        var walked: (parsed: [String], passed: [String], actions: [Dialplan.Step]) = ([], [], [])
        for line in hunt.trace {
            switch line {
            case .parsing(_, let name, _): walked.parsed.append(name)
            case .regex(true, let name, _, _, _, _), .dateTime(true, let name, _): walked.passed.append(name)
            case .action(let step): walked.actions.append(step)
            default: break
            }
        }
        return walked
    }

    @Test func anAddedExtensionIsTracedAfterEveryStockOneFails() {
        var plan = Dialplan.standard
        let steps = [Dialplan.Step("answer"), Dialplan.Step("hangup")]
        plan.extensions["9999"] = steps
        let hunt = plan.hunt(context: "default", at: Self.night, in: Self.utc, trace: true) { $0 == "destination_number" ? "9999" : "" }
        #expect(hunt.steps == steps)
        let walked = Self.walked(hunt)
        #expect(walked.parsed == Dialplan.stockDefault.map(\.name) + ["9999"])
        #expect(walked.passed == ["9999"])
        #expect(walked.actions == steps)
        #expect(hunt.trace.suffix(3).first == .regex(passed: true, extension: "9999", field: "destination_number", value: "9999",
                                                    expression: "^9999$", breaks: .onFalse))
    }

    @Test func anAddedExtensionReplacesTheStockOneForItsNumber() {
        var plan = Dialplan.standard
        plan.extensions["9196"] = [Dialplan.Step("park")]
        let hunt = plan.hunt(context: "default", at: Self.night, in: Self.utc, trace: true) { $0 == "destination_number" ? "9196" : "" }
        #expect(hunt.steps == [Dialplan.Step("park")])
        #expect(Self.walked(hunt).passed == ["echo"])
    }

    @Test func aDestinationNothingMatchesIsTracedAndHasNoRoute() {
        let hunt = Dialplan.standard.hunt(context: "default", at: Self.night, in: Self.utc, trace: true) {
            $0 == "destination_number" ? "9998" : ""
        }
        #expect(hunt.steps == nil)
        let walked = Self.walked(hunt)
        #expect(walked.parsed == Dialplan.stockDefault.map(\.name))
        #expect(walked.passed.isEmpty)
        #expect(walked.actions.isEmpty)
        // Without a trace asked for, none is kept.
        #expect(Dialplan.standard.hunt(context: "default", at: Self.night, in: Self.utc) { _ in "9998" }.trace.isEmpty)
    }

    /// Over the socket, with `log 7`: the b-leg logs the trace of the added extension and runs it.
    @Test func aCallToAnAddedExtensionLogsItsTrace() async throws {
        var rig = try await CallTests.Rig.start(events: "CHANNEL_DESTROY")
        rig.mock.core.calls.dialplan.extensions["9999"] = [Dialplan.Step("answer"), Dialplan.Step("park")]
        #expect(try await rig.connection.command("log 7").isOK)
        _ = try CallTests.uuid(try await rig.api("originate loopback/9999/default &park()"))
        let lines = await Self.logLines(&rig, until: "EXECUTE [depth=0] loopback/9999-b park()")
        let trace = lines.filter { $0.hasPrefix("Dialplan: loopback/9999-b ") }
        #expect(trace.filter { $0.contains("Regex (PASS)") }.map { $0.firstMatch(of: /\[([^\]]+)\]/).map { String($0.1) } ?? "" }
            == ["unloop", "9999"])
        #expect(trace.last == "Dialplan: loopback/9999-b Action park() \n")
        #expect(lines.contains("EXECUTE [depth=0] loopback/9999-b answer()\n"))
        await rig.stop()
    }

    /// A destination no extension matches: the trace, no action, and NO_ROUTE_DESTINATION.
    @Test func aCallNothingRoutesLogsOnlyFailures() async throws {
        var rig = try await CallTests.Rig.start(events: "CHANNEL_DESTROY")
        #expect(try await rig.connection.command("log 7").isOK)
        #expect(try await rig.api("originate loopback/9998/default &park()") == "-ERR NO_ROUTE_DESTINATION\n")
        let lines = await Self.logLines(&rig, until: "Close Channel loopback/9998-a [CS_DESTROY]")
        let trace = lines.filter { $0.hasPrefix("Dialplan: loopback/9998-b ") }
        #expect(trace.count > Dialplan.stockDefault.count)
        #expect(trace.filter { $0.contains("Regex (PASS)") && !$0.contains("[unloop]") }.isEmpty)
        // In business hours `tod_example` still adds its `set`, which is never run.
        let actions = trace.filter { $0.contains(" Action ") }
        #expect(actions.allSatisfy { $0.hasSuffix(" Action set(open=true) \n") })
        #expect(!lines.contains { $0.hasPrefix("EXECUTE ") })
        await rig.stop()
    }

    /// The log lines' messages (after the stamp, if any) until one that contains `last`.
    static func logLines(_ rig: inout CallTests.Rig, until last: String) async -> [String] {
        var lines: [String] = []
        while let notification = await rig.events.next() {
            guard case .log(let line) = notification else { continue }
            let body = String(buffer: line.body)
            lines.append(body.firstMatch(of: /^\d{4}-\d\d-\d\d \S+ \S+% (.*)$/.dotMatchesNewlines()).map { String($0.1) } ?? body)
            if body.contains(last) { break }
        }
        return lines
    }
}
