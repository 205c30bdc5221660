import ESLClient
import ESLProtocol
import Glibc
import MockSwitch
import TestSupport
import Testing

/// Out of the box the mock is reachable from this host only: it listens on loopback, and even
/// when told to listen everywhere its ACL admits loopback peers only, as FreeSWITCH's
/// `loopback.auto` does.
@Suite(.timeLimit(.minutes(3))) struct SecureDefaultsTests {
    @Test func theDefaultsAreLoopbackAndThePassword() {
        let configuration = MockSwitchConfiguration()
        #expect(configuration.listenIP == "127.0.0.1")
        #expect(configuration.accessList == .loopback)
        #expect(configuration.password == "ClueCon")
    }

    /// Listening on every address, a client from this host's own non-loopback address is refused by
    /// the default ACL with the switch's rude rejection.
    @Test(.enabled(if: Self.nonLoopbackAddress != nil, "no non-loopback IPv4 address"))
    func aPeerOffLoopbackIsRefusedByTheDefaultACL() async throws {
        let address = try #require(Self.nonLoopbackAddress)
        let mock = try await ServerBehaviourTests.start { $0.listenIP = "0.0.0.0" }
        let refused = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: address, port: mock.port, password: "ClueCon", configuration: .patientForTests)
        }
        #expect(refused?.code == .aclRejected, "\(String(describing: refused))")
        // The same switch lets a loopback peer in.
        let connection = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon", configuration: .patientForTests)
        #expect(try await connection.api("status").text.contains("is ready"))
        await connection.close()
        await mock.stop()
    }

    /// The first IPv4 address of an interface that is up and not loopback.
    static let nonLoopbackAddress: String? = {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var entry = list
        while let current = entry {
            defer { entry = current.pointee.ifa_next }
            guard let socketAddress = current.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET),
                  current.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0,
                  current.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let ok = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                var raw = inet.pointee.sin_addr
                return inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil
            }
            if ok { return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        }
        return nil
    }()
}
