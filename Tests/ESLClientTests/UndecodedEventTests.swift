import ESLClient
import ESLProtocol
import NIOCore
import TestSupport
import Testing

/// `Configuration.decodesEvents = false`: events reach the reader as their frames, and the
/// client still decodes what it must look into itself (the BACKGROUND_JOB of a pending bgapi).
@Suite(.timeLimit(.minutes(3))) struct UndecodedEventTests {
    private static let job = "11111111-2222-3333-4444-555555555555"
    private static let channelEvent = "Event-Name: CHANNEL_CREATE\nUnique-ID: 7f3e\nCaller-Caller-ID-Name: Ann%20Lee\n\n"

    @Test func eventsArriveAsFramesAndABackgroundJobStillResolves() async throws {
        let records = try Captures.records("12_bgapi_status")
        let index = try #require(records.firstIndex { $0.data.hasPrefix("bgapi version\nJob-UUID: \(Self.job)") })
        let (reply, jobEvent) = (records[index + 1].data, records[index + 2].data)
        let server = try await ScriptedSwitch(script: [
            .send("Content-Type: auth/request\n\n"), .expect("auth ClueCon\n\n"),
            .send("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"),
            .expect("event plain ALL\n\n"), .send("Content-Type: command/reply\nReply-Text: +OK event listener enabled plain\n\n"),
            .send("Content-Length: \(Self.channelEvent.utf8.count)\nContent-Type: text/event-plain\n\n\(Self.channelEvent)"),
            .expect("bgapi version\nJob-UUID: \(Self.job)\n\n"), .send(reply), .send(jobEvent),
            .hang,
        ])
        var configuration = ESLConnection.Configuration.patientForTests
        configuration.decodesEvents = false
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: configuration)
        #expect(try await connection.command(.event(.plain, ["ALL"])).isOK)
        let result = try await connection.bgapi("version", jobUUID: Self.job)
        #expect(result.output.hasPrefix("FreeSWITCH Version"))

        var iterator = connection.notifications.makeAsyncIterator()
        guard case .eventFrame(let channel) = await iterator.next() else { Issue.record("the event did not arrive as a frame"); return }
        #expect(channel.format == .plain)
        #expect(channel.text == Self.channelEvent)
        #expect(try channel.firstValues(ESLHeaderNames(["unique-id", "Caller-Caller-ID-Name"])) == ["7f3e", "Ann Lee"])
        // Subscribed to ALL, the caller also gets the job's event, as a frame like the others.
        guard case .eventFrame(let job) = await iterator.next() else { Issue.record("the job's event did not arrive as a frame"); return }
        #expect(try job.decode()["Job-UUID"] == Self.job)
        #expect(await server.mismatches == [])
        await connection.close()
        await server.stop()
    }
}
