import ESLClient
import ESLProtocol
import Logging
import MockSwitch
import TestSupport
import Testing

/// bgapi against the embedded switch, which applies subscriptions and filters as FreeSWITCH does:
/// a job's event reaches the notification stream only when the caller's own subscriptions and
/// filters accept it, and the job does not keep it for itself.
@Suite(.timeLimit(.minutes(3))) struct BackgroundJobMockTests {
    private static func startMock() async throws -> MockSwitchServer {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        // No heartbeat of its own: the only HEARTBEAT is the test's marker.
        configuration.heartbeatInterval = .seconds(3600)
        return try await MockSwitchServer.start(configuration, logger: Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Fires a HEARTBEAT through the switch and returns the Job-UUIDs of the BACKGROUND_JOB events
    /// the stream delivered before it. Everything the switch sent earlier comes first, so the
    /// marker's arrival means nothing else is on its way.
    private static func jobEventsBeforeAMarker(on connection: ESLConnection) async throws -> [String] {
        #expect(try await connection.command(.sendevent("HEARTBEAT", headers: [("Test-Marker", "end")])).isOK)
        var jobUUIDs: [String] = []
        for await notification in connection.notifications {
            guard case .event(let event) = notification else {
                Issue.record("unexpected \(notification)")
                break
            }
            if event.name == "HEARTBEAT", event["Test-Marker"] == "end" { break }
            if event.name == ESLEventName.backgroundJob { jobUUIDs.append(event["Job-UUID"] ?? "?") }
        }
        return jobUUIDs
    }

    /// The caller's filter admits HEARTBEAT only; the `Job-UUID` filter added for the job lets the
    /// job's event through, and it must stop there.
    @Test func aJobEventTheCallersFiltersRefuseIsNotDelivered() async throws {
        let mock = try await Self.startMock()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command(.filter("Event-Name", "HEARTBEAT")).isOK)
        #expect(try await connection.command(.event(.plain, ["ALL"])).isOK)
        let job = try await connection.bgapi("uptime")
        #expect(!job.isError)
        #expect(job.event.name == ESLEventName.backgroundJob)
        #expect(try await Self.jobEventsBeforeAMarker(on: connection) == [])
        #expect(await connection.subscriptions().filters == [.init(header: "Event-Name", value: "HEARTBEAT")])
        await connection.close()
        await mock.stop()
    }

    /// Subscribed to everything without filters, the caller sees a job's event unless the job
    /// keeps it (`deliversEvent: false`).
    @Test func aJobThatKeepsItsEventDoesNotDeliverItEvenToASubscribedCaller() async throws {
        let mock = try await Self.startMock()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.command(.event(.plain, ["ALL"])).isOK)
        let kept = try await connection.bgapi("uptime", jobUUID: "11111111-0000-0000-0000-000000000001", deliversEvent: false)
        let shared = try await connection.bgapi("uptime", jobUUID: "11111111-0000-0000-0000-000000000002")
        #expect(kept.event["Job-UUID"] == kept.jobUUID)
        #expect(shared.event["Job-UUID"] == shared.jobUUID)
        #expect(try await Self.jobEventsBeforeAMarker(on: connection) == [shared.jobUUID])
        await connection.close()
        await mock.stop()
    }
}
