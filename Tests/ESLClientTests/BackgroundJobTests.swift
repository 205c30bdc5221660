import ESLClient
import ESLProtocol
import TestSupport
import Testing

/// bgapi: the job's result arrives as a BACKGROUND_JOB event, whatever the caller subscribed to.
@Suite(.timeLimit(.minutes(3))) struct BackgroundJobTests {
    private static let job = "11111111-2222-3333-4444-555555555555"

    /// The captured switch frames for the client-chosen Job-UUID run of capture 12.
    private static func capturedJob() throws -> (reply: String, event: String) {
        let records = try Captures.records("12_bgapi_status")
        let index = try #require(records.firstIndex { $0.data.hasPrefix("bgapi version\nJob-UUID: \(job)") })
        return (records[index + 1].data, records[index + 2].data)
    }

    private static let greeting: [ScriptedSwitch.Step] = [
        .send("Content-Type: auth/request\n\n"), .expect("auth ClueCon\n\n"),
        .send("Content-Type: command/reply\nReply-Text: +OK accepted\n\n"),
    ]

    private static func reply(_ text: String) -> ScriptedSwitch.Step {
        .send("Content-Type: command/reply\nReply-Text: \(text)\n\n")
    }

    @Test func unsubscribedCallerGetsTheJobThroughAQuietSubscriptionThatIsUndone() async throws {
        let (reply, event) = try Self.capturedJob()
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event plain BACKGROUND_JOB\n\n"), Self.reply("+OK event listener enabled plain"),
            .expect("bgapi version\nJob-UUID: \(Self.job)\n\n"), .send(reply), .send(event),
            .expect("nixevent BACKGROUND_JOB\n\n"), Self.reply("+OK events nixed"),
            .expect("api status\n\n"), .send("Content-Type: api/response\nContent-Length: 2\n\nok"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        let result = try await connection.bgapi("version", jobUUID: Self.job)
        #expect(result.jobUUID == Self.job)
        #expect(result.event["Job-Command"] == "version")
        #expect(result.output.hasPrefix("FreeSWITCH Version 1.11.1"))
        #expect(event.hasSuffix(result.output))
        #expect(!result.isError)
        // The api reply proves the nixevent was sent and answered before it.
        #expect(try await connection.api("status").text == "ok")
        #expect(await connection.subscriptions().isListening == false)
        await connection.close()
        // The caller never subscribed, so its stream saw no BACKGROUND_JOB: only the end.
        var seen: [ESLNotification] = []
        for await notification in connection.notifications { seen.append(notification) }
        #expect(seen.count == 1)
        if case .disconnected = seen.first {} else { Issue.record("unexpected \(seen)") }
        #expect(await server.mismatches == [])
        await server.stop()
    }

    /// The caller's filter refuses BACKGROUND_JOB events: the one let in by the temporary
    /// `Job-UUID` filter completes the job and is not delivered.
    @Test func subscribedCallerWithFiltersKeepsBothAndDoesNotSeeAnEventItsFiltersRefuse() async throws {
        let (reply, event) = try Self.capturedJob()
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event plain ALL\n\n"), Self.reply("+OK event listener enabled plain"),
            .expect("filter Event-Name CHANNEL_CREATE\n\n"), Self.reply("+OK filter added. [Event-Name]=[CHANNEL_CREATE]"),
            .expect("filter Job-UUID \(Self.job)\n\n"), Self.reply("+OK filter added. [Job-UUID]=[\(Self.job)]"),
            .expect("bgapi version\nJob-UUID: \(Self.job)\n\n"), .send(reply), .send(event),
            .expect("filter delete Job-UUID \(Self.job)\n\n"), Self.reply("+OK filter deleted. [Job-UUID][\(Self.job)]"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command(.event(.plain, ["ALL"])).isOK)
        #expect(try await connection.command(.filter("Event-Name", "CHANNEL_CREATE")).isOK)
        let result = try await connection.bgapi("version", jobUUID: Self.job)
        #expect(result.output.hasPrefix("FreeSWITCH Version"))
        let subscriptions = await connection.subscriptions()
        #expect(subscriptions.isAllEnabled)
        #expect(subscriptions.filters == [.init(header: "Event-Name", value: "CHANNEL_CREATE")])
        // Wait for the cleanup to reach the switch before checking what it saw.
        await server.waitForPackets(6)
        #expect(await server.mismatches == [])
        await connection.close()
        var seen: [ESLNotification] = []
        for await notification in connection.notifications { seen.append(notification) }
        #expect(seen.count == 1, "only the end: \(seen)")
        if case .disconnected = seen.first {} else { Issue.record("unexpected \(seen)") }
        await server.stop()
    }

    /// The caller's filter lets BACKGROUND_JOB events in: the job's event is delivered too.
    @Test func subscribedCallerWhoseFiltersAcceptTheEventSeesItToo() async throws {
        let (reply, event) = try Self.capturedJob()
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event plain ALL\n\n"), Self.reply("+OK event listener enabled plain"),
            .expect("filter Event-Name BACKGROUND_JOB\n\n"), Self.reply("+OK filter added. [Event-Name]=[BACKGROUND_JOB]"),
            .expect("filter Job-UUID \(Self.job)\n\n"), Self.reply("+OK filter added. [Job-UUID]=[\(Self.job)]"),
            .expect("bgapi version\nJob-UUID: \(Self.job)\n\n"), .send(reply), .send(event),
            .expect("filter delete Job-UUID \(Self.job)\n\n"), Self.reply("+OK filter deleted. [Job-UUID][\(Self.job)]"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command(.event(.plain, ["ALL"])).isOK)
        #expect(try await connection.command(.filter("Event-Name", "BACKGROUND_JOB")).isOK)
        let result = try await connection.bgapi("version", jobUUID: Self.job)
        #expect(result.output.hasPrefix("FreeSWITCH Version"))
        var iterator = connection.notifications.makeAsyncIterator()
        guard case .event(let delivered) = await iterator.next() else { Issue.record("the subscribed caller did not get the event"); return }
        #expect(delivered["Job-UUID"] == Self.job)
        await server.waitForPackets(6)
        #expect(await server.mismatches == [])
        await connection.close()
        await server.stop()
    }

    @Test func acceptedGetsTheJobUUIDReplyBeforeTheJobIsReturned() async throws {
        let (reply, event) = try Self.capturedJob()
        // The switch sends the job's event only after an api request that the test sends once
        // `accepted` has been called: the job cannot finish before `accepted` runs.
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event plain BACKGROUND_JOB\n\n"), Self.reply("+OK event listener enabled plain"),
            .expect("bgapi version\nJob-UUID: \(Self.job)\n\n"), .send(reply),
            .expect("api status\n\n"), .send("Content-Type: api/response\nContent-Length: 7\n\nrunning"), .send(event),
            .expect("nixevent BACKGROUND_JOB\n\n"), Self.reply("+OK events nixed"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        let (acceptedReplies, acceptedContinuation) = AsyncStream.makeStream(of: ESLCommandReply.self)
        let (order, orderContinuation) = AsyncStream.makeStream(of: String.self)
        let job = Task {
            defer {
                orderContinuation.yield("returned")
                acceptedContinuation.finish()
            }
            // Bounded, so a missing `accepted` call fails the test instead of hanging it.
            return try await connection.bgapi("version", jobUUID: Self.job, timeout: .seconds(20)) { reply in
                orderContinuation.yield("accepted")
                acceptedContinuation.yield(reply)
            }
        }
        var replies = acceptedReplies.makeAsyncIterator()
        let accepted = try #require(await replies.next(), "accepted was not called")
        #expect(accepted.text == "+OK Job-UUID: \(Self.job)")
        #expect(accepted.jobUUID == Self.job)
        // The job is still running: its event comes only after this.
        #expect(try await connection.api("status").text == "running")
        let result = try await job.value
        #expect(result.jobUUID == Self.job)
        #expect(result.output.hasPrefix("FreeSWITCH Version 1.11.1"))
        orderContinuation.finish()
        var steps: [String] = []
        for await step in order { steps.append(step) }
        #expect(steps == ["accepted", "returned"])
        #expect(await replies.next() == nil, "accepted is called once")
        await server.waitForPackets(5)
        #expect(await server.mismatches == [])
        await connection.close()
        await server.stop()
    }

    @Test func refusedBgapiThrowsCommandFailedWithTheSwitchsText() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event json ALL\n\n"), Self.reply("+OK event listener enabled json"),
            .expect("bgapi status\nJob-UUID: \(Self.job)\n\n"), Self.reply("-ERR permission denied"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command(.event(.json, ["ALL"])).isOK)
        let error = await #expect(throws: ESLClientError.self) { _ = try await connection.bgapi("status", jobUUID: Self.job) }
        #expect(error?.code == .commandFailed)
        #expect(error?.serverText == "-ERR permission denied")
        await connection.close()
        await server.stop()
    }

    @Test func jobThatNeverFinishesTimesOut() async throws {
        let (reply, _) = try Self.capturedJob()
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event plain BACKGROUND_JOB\n\n"), Self.reply("+OK event listener enabled plain"),
            .expect("bgapi version\nJob-UUID: \(Self.job)\n\n"), .send(reply),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await connection.bgapi("version", jobUUID: Self.job, timeout: .milliseconds(200))
        }
        #expect(error?.code == .requestTimeout)
        await connection.close()
        await server.stop()
    }

    /// A bgapi given up before the switch answered must leave no promise pending: one leaked this
    /// way and crashed debug builds when it was freed.
    @Test func aBgapiThatTimesOutBeforeItsReplyLeavesNothingPending() async throws {
        let server = try await ScriptedSwitch(script: Self.greeting + [
            .expect("event plain BACKGROUND_JOB\n\n"), Self.reply("+OK event listener enabled plain"),
            .expect("bgapi status\nJob-UUID: \(Self.job)\n\n"),
            // No reply to the bgapi: the caller's timeout runs out first.
            .expect("nixevent BACKGROUND_JOB\n\n"),
            .hang,
        ])
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: server.port, password: "ClueCon", configuration: .patientForTests)
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await connection.bgapi("status", jobUUID: Self.job, timeout: .milliseconds(50))
        }
        #expect(error?.code == .requestTimeout)
        await connection.close()
        await server.stop()
    }
}
