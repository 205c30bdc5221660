import ESLClient
import Testing

#if canImport(Glibc)
import Glibc

/// A TCP connect that never completes must fail after the connect timeout, naming the address.
@Suite(.timeLimit(.minutes(3))) struct ConnectTimeoutTests {
    @Test func connectToAFullListenQueueTimesOut() async throws {
        // A socket that listens with a backlog of 0 and never accepts: once its queue is full the
        // kernel drops further SYNs, so a new connect hangs exactly like a firewalled host.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        #expect(bound == 0)
        #expect(listen(listener, 0) == 0)
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &actualLength) } }
        let port = Int(UInt16(bigEndian: actual.sin_port))

        var fillers: [Int32] = []
        defer { fillers.forEach { _ = close($0) } }
        for _ in 0..<4 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            _ = fcntl(filler, F_SETFL, fcntl(filler, F_GETFL) | O_NONBLOCK)
            var target = actual
            _ = withUnsafePointer(to: &target) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) } }
            fillers.append(filler)
        }

        var configuration = ESLConnection.Configuration()
        configuration.connectTimeout = .milliseconds(300)
        configuration.handshakeTimeout = .milliseconds(300)
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "127.0.0.1", port: port, password: "ClueCon", configuration: configuration)
        }
        #expect(error?.code == .connectTimeout)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
    }
}
#endif

/// An address with no route (the IPv6 documentation prefix) fails at once as unreachable, or, on a
/// network that black-holes it, after the connect timeout; either way with the address named.
@Suite(.timeLimit(.minutes(3))) struct UnreachableTests {
    @Test func addressWithoutARouteIsUnreachableNotAHang() async throws {
        var configuration = ESLConnection.Configuration()
        configuration.connectTimeout = .seconds(1)
        let error = await #expect(throws: ESLClientError.self) {
            _ = try await ESLConnection.connect(host: "2001:db8::1", port: 8021, password: "ClueCon", configuration: configuration)
        }
        #expect(error?.code == .unreachable || error?.code == .connectTimeout, "\(String(describing: error))")
        #expect(error?.message.contains("[2001:db8::1]:8021") == true, "\(String(describing: error?.message))")
    }
}
