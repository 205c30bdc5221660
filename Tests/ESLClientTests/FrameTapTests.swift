import ESLClient
import ESLProtocol
import Logging
import MockSwitch
import NIOConcurrencyHelpers
import TestSupport
import Testing

/// `Configuration.frameTap` (what `fscli --record` hangs on): it sees every frame the connection
/// receives, replies and greeting included, in order; and a tap that says it is behind holds the
/// socket's reads until it resumes them, so nothing reaches the reader meanwhile and nothing is lost.
@Suite(.timeLimit(.minutes(3))) struct FrameTapTests {
    final class Tap: ESLFrameTap, @unchecked Sendable {
        private let lock = NIOLock()
        private var seen: [(type: String, address: String)] = []
        private var holding = false
        private var resume: (@Sendable () -> Void)?
        private var bursts = 0
        /// Yields each time a read is held back.
        let held: AsyncStream<Void>
        private let heldContinuation: AsyncStream<Void>.Continuation

        init() {
            (held, heldContinuation) = AsyncStream<Void>.makeStream()
        }

        func received(_ frame: ESLFrame, from address: String) {
            lock.withLock { seen.append((frame.contentType ?? "", address)) }
        }

        func endOfBurst() {
            lock.withLock { bursts += 1 }
        }

        func holdsReading(resume: @escaping @Sendable () -> Void) -> Bool {
            let holds = lock.withLock {
                guard holding else { return false }
                self.resume = resume
                return true
            }
            if holds { heldContinuation.yield() }
            return holds
        }

        var types: [String] { lock.withLock { seen.map(\.type) } }
        var addresses: Set<String> { lock.withLock { Set(seen.map(\.address)) } }
        var burstCount: Int { lock.withLock { bursts } }

        func hold() { lock.withLock { holding = true } }

        /// Stops holding; true when a read was held and is now let go.
        func release() -> Bool {
            let resume = lock.withLock {
                holding = false
                defer { self.resume = nil }
                return self.resume
            }
            resume?()
            return resume != nil
        }
    }

    static func startMock() async throws -> MockSwitchServer {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        configuration.heartbeatInterval = .seconds(3600)
        return try await MockSwitchServer.start(configuration, logger: Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    @Test func theTapSeesEveryFrameInOrder() async throws {
        let mock = try await Self.startMock()
        defer { Task { await mock.stop() } }
        let tap = Tap()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests(tappedBy: tap))
        _ = try await connection.command("event plain CUSTOM")
        _ = try await connection.api("status")
        _ = try await connection.command(.sendevent("CUSTOM", headers: [("Seq", "1")]))
        for await notification in connection.notifications {
            if case .event = notification { break }
        }
        await connection.close()
        #expect(tap.types == ["auth/request", "command/reply", "command/reply", "api/response", "command/reply", "text/event-plain"])
        #expect(tap.addresses == ["127.0.0.1:\(mock.port)"])
        #expect(tap.burstCount >= 1)
    }

    @Test func aTapThatIsBehindHoldsTheSocketUntilItResumes() async throws {
        let mock = try await Self.startMock()
        defer { Task { await mock.stop() } }
        let tap = Tap()
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests(tappedBy: tap))
        _ = try await connection.command("event plain CUSTOM")
        tap.hold()
        // The next read after this burst is held: the event is sent but not read.
        let sender = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await sender.command(.sendevent("CUSTOM", headers: [("Seq", "held")])).isOK)
        await sender.close()
        // A request's reply waits behind the held read too; it cannot come back until the tap resumes.
        let reply = Task { try await connection.api("status") }
        // Let go only once a read is held: releasing earlier would stop the holding before it began.
        var heldReads = tap.held.makeAsyncIterator()
        _ = await heldReads.next()
        #expect(tap.release())
        #expect(try await reply.value.text.contains("is ready"))
        var got: String?
        for await notification in connection.notifications {
            if case .event(let event) = notification { got = event["Seq"]; break }
        }
        #expect(got == "held", "nothing lost while held")
        #expect(connection.droppedCount == 0)
        await connection.close()
    }
}
