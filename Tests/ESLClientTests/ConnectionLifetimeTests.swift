import ESLClient
import ESLProtocol
import Logging
import MockSwitch
import NIOCore
import NIOPosix
import TestSupport
import Testing

/// A connection lets go of everything it made once it is over: a console with `-R` retries a switch
/// that is down every few seconds for as long as it runs, so anything a failed connect keeps is a
/// leak that grows without bound (the address sanitizer found one: the notification queue's resume
/// closure and the channel handler kept each other alive).
@Suite(.timeLimit(.minutes(3))) struct ConnectionLifetimeTests {
    /// Held by the connection's channel handler: alive exactly as long as the handler is.
    final class Witness: ESLFrameTap, @unchecked Sendable {
        func received(_ frame: ESLFrame, from address: String) {}
        func holdsReading(resume: @escaping @Sendable () -> Void) -> Bool { false }
    }

    /// Whether `witness` was freed, asked after each of up to 1,000 round trips through the event loop
    /// (the channel tears its pipeline down in tasks of its own after the connect or close completes).
    static func isFreed(_ witness: () -> Witness?, on loop: any EventLoop) async throws -> Bool {
        for _ in 0..<1_000 {
            if witness() == nil { return true }
            try await loop.submit {}.get()
        }
        return witness() == nil
    }

    @Test func aRefusedConnectKeepsNothing() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let reserved = try ReservedPort()
        weak var witness: Witness?
        do {
            let tap = Witness()
            witness = tap
            let error = await #expect(throws: ESLClientError.self) {
                _ = try await ESLConnection.connect(host: "127.0.0.1", port: reserved.port, password: "ClueCon", configuration: .patientForTests(tappedBy: tap), group: group)
            }
            #expect(error?.code == .connectionRefused)
        }
        #expect(try await Self.isFreed({ witness }, on: group.next()), "the channel handler of a refused connect is still alive")
        withExtendedLifetime(reserved) {}
        try await group.shutdownGracefully()
    }

    @Test func aClosedConnectionKeepsNothing() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var mockConfiguration = MockSwitchConfiguration()
        mockConfiguration.listenPort = 0
        let mock = try await MockSwitchServer.start(mockConfiguration, logger: Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() }))
        weak var witness: Witness?
        do {
            let tap = Witness()
            witness = tap
            let connection = try await ESLConnection.connect(
                host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests(tappedBy: tap), group: group)
            #expect(try await connection.api("status").text.contains("is ready"))
            await connection.close()
        }
        #expect(try await Self.isFreed({ witness }, on: group.next()), "the channel handler of a closed connection is still alive")
        await mock.stop()
        try await group.shutdownGracefully()
    }
}
