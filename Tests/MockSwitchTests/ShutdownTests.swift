import ESLClient
import ESLProtocol
@testable import MockSwitch
import NIOConcurrencyHelpers
import TestSupport
import Testing

/// `fsctl shutdown elegant|asap|cancel|restart`: a shutdown that waits for the last call, calling
/// it off, and the restart the owner carries out. The scheduler's passes are run by hand here.
@Suite(.timeLimit(.minutes(3))) struct ShutdownTests {
    /// A switch whose scheduler never runs by itself, with a parked call up and a client seeing
    /// CHANNEL_DESTROY; `stopped` turns true when the server stops.
    static func switchWithACall() async throws -> (MockSwitchServer, CallTests.Rig, NIOLockedValueBox<Bool>) {
        var rig = try await CallTests.Rig.start(events: "CHANNEL_PARK CHANNEL_DESTROY")
        let stopped = NIOLockedValueBox(false)
        rig.mock.onStop { stopped.withLockedValue { $0 = true } }
        _ = try CallTests.uuid(try await rig.api("originate loopback/7000/default &park()"))
        _ = await rig.eventNames(until: "CHANNEL_PARK")
        return (rig.mock, rig, stopped)
    }

    /// Returns once the server has stopped (the suite's time limit bounds the wait).
    static func stop(of mock: MockSwitchServer) async {
        await withCheckedContinuation { continuation in mock.onStop { continuation.resume() } }
    }

    static func hangUpEverything(_ rig: inout CallTests.Rig) async throws {
        #expect(try await rig.api("hupall").hasPrefix("+OK"))
        var destroyed = 0
        while destroyed < 2, let notification = await rig.events.next() {
            if case .event(let event) = notification, event["Event-Name"] == "CHANNEL_DESTROY" { destroyed += 1 }
        }
    }

    @Test(arguments: ["elegant", "asap"])
    func aWaitingShutdownGoesAheadWhenTheLastCallEnds(_ word: String) async throws {
        var (mock, rig, stopped) = try await Self.switchWithACall()
        #expect(try await rig.api("fsctl shutdown \(word)") == "+OK\n")
        mock.stopIfCallsAreOver()
        #expect(try await rig.api("status").contains("is ready"), "still serving while a call is up")
        #expect(stopped.withLockedValue { $0 } == false)
        try await Self.hangUpEverything(&rig)
        mock.stopIfCallsAreOver()
        let ending = await ConnectionEnding.read(rig.connection)
        #expect(ending.end?.serverText == ESLDisconnectNotice.shutdown)
        await Self.stop(of: mock)
        #expect(!mock.restartRequested)
    }

    @Test func cancelCallsOffAWaitingShutdown() async throws {
        var (mock, rig, stopped) = try await Self.switchWithACall()
        #expect(try await rig.api("fsctl shutdown elegant") == "+OK\n")
        #expect(try await rig.api("fsctl shutdown cancel") == "+OK\n")
        try await Self.hangUpEverything(&rig)
        mock.stopIfCallsAreOver()
        #expect(try await rig.api("status").contains("is ready"))
        #expect(stopped.withLockedValue { $0 } == false)
        await rig.stop()
    }

    @Test func restartStopsAndAsksTheOwnerToStartAgain() async throws {
        let (mock, rig, _) = try await Self.switchWithACall()
        #expect(try await rig.api("fsctl shutdown restart") == "+OK\n")
        let ending = await ConnectionEnding.read(rig.connection)
        #expect(ending.end?.serverText == ESLDisconnectNotice.shutdown)
        await Self.stop(of: mock)
        #expect(mock.restartRequested)
    }
}
