import ESLClient
import ESLProtocol
import TestSupport
import Testing

/// Outbound mode: the switch's `socket` application connects to an ``ESLOutboundListener``.
@Suite(.timeLimit(.minutes(3))) struct OutboundTests {
    @Test func fullOutboundSessionLikeCapture27() async throws {
        let records = try Captures.records("27_outbound_socket", connection: "O")
        let listener = try await ESLOutboundListener.bind(host: "127.0.0.1", port: 0)
        let (switchSide, log) = try await ScriptedSwitch.dial(port: listener.port, script: ScriptedSwitch.steps(replaying: records) + [.close])
        var connections = listener.connections.makeAsyncIterator()
        let call = try #require(await connections.next())

        let channel = try await call.connect()
        #expect(channel.name == "CHANNEL_DATA")
        #expect(channel["Socket-Mode"] == "async")
        #expect(channel["Control"] == "full")
        #expect(channel["Reply-Text"] == "+OK\n")
        #expect(channel["Channel-Name"] == "loopback/7000-a")
        let uuid = try #require(channel["Unique-ID"])

        #expect(try await call.command(.myevents()).text == "+OK Events Enabled")
        #expect(try await call.command(.linger(seconds: 5)).text == "+OK will linger 5 seconds")
        #expect(try await call.command(.event(.plain, ["CHANNEL_HANGUP", "CHANNEL_EXECUTE_COMPLETE"])).isOK)
        #expect(try await call.command(.getvar("channel_name")).text == "loopback/7000-a")
        #expect(try await call.api("status").text.hasPrefix("UP "))
        let playbackArg = try #require(records.first { $0.data.hasPrefix("sendmsg\ncall-command: execute") }?.data
            .split(separator: "\n").first { $0.hasPrefix("execute-app-arg: ") }?.dropFirst("execute-app-arg: ".count))
        #expect(try await call.command(.execute("playback", String(playbackArg), eventLock: true)).text == "+OK")
        #expect(try await call.command(.hangup(cause: "NORMAL_CLEARING")).text == "+OK")

        let ending = await ConnectionEnding.read(call)
        #expect(ending.unexpected.isEmpty, "\(ending.unexpected)")
        #expect(ending.events.allSatisfy { $0["Unique-ID"] == uuid })
        #expect(ending.names.first == "CHANNEL_PARK")
        #expect(ending.names.last == "CHANNEL_HANGUP_COMPLETE")
        #expect(ending.events.count == records.filter { $0.label.hasPrefix("(text/event-plain") }.count)
        #expect(ending.linger?.channelName == "loopback/7000-a")
        #expect(ending.end?.code == .disconnected)
        await switchSide.value
        let mismatches = await log.mismatches
        #expect(mismatches.isEmpty, "\(mismatches)")
        await listener.close()
    }

    @Test func staticSingleChannelRefusalsAreRepliesNotErrorsLikeCapture27a() async throws {
        let records = try Captures.records("27a_outbound_static_single_channel", connection: "O")
        let listener = try await ESLOutboundListener.bind(host: "127.0.0.1", port: 0)
        let steps = ScriptedSwitch.steps(replaying: records)
        let (switchSide, log) = try await ScriptedSwitch.dial(port: listener.port, script: Array(steps.prefix(12)) + [.hang])
        var connections = listener.connections.makeAsyncIterator()
        let call = try #require(await connections.next())
        let channel = try await call.connect()
        #expect(channel["Socket-Mode"] == "static")
        #expect(channel["Control"] == "single-channel")
        #expect(try await call.command(.myevents()).text == "+OK Events Enabled")
        // Without `full`, the switch refuses these with a command/reply, also for `api`.
        #expect(try await call.command(.linger(seconds: 5)).text == "-ERR command not found")
        #expect(try await call.command(.event(.plain, ["CHANNEL_HANGUP", "CHANNEL_EXECUTE_COMPLETE"])).isError)
        #expect(try await call.command(.getvar("channel_name")).text == "loopback/7000-a")
        let status = try await call.api("status")
        #expect(status.isError)
        #expect(status.text == "-ERR command not found")
        await call.close()
        await switchSide.value
        let mismatches = await log.mismatches
        #expect(mismatches.isEmpty, "\(mismatches)")
        await listener.close()
    }
}
