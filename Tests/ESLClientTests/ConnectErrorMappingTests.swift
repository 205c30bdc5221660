@testable import ESLClient
import Glibc
import NIOCore
import Testing

/// The socket errors a connect can end in, each turned into the code and sentence a person needs.
@Suite struct ConnectErrorMappingTests {
    @Test(arguments: [
        (ECONNREFUSED, ESLClientError.Code.connectionRefused),
        (ENETUNREACH, .unreachable),
        (EHOSTUNREACH, .unreachable),
        (ETIMEDOUT, .connectTimeout),
    ])
    func errnoBecomesTheRightCode(errno: Int32, code: ESLClientError.Code) {
        let error = ConnectErrorMapping.map(IOError(errnoCode: errno, reason: "connect"), host: "10.1.2.3", port: 8021, timeout: .seconds(5))
        #expect(error.code == code)
        #expect(error.message.contains("10.1.2.3:8021"))
    }

    @Test func connectTimeoutNamesTheTimeAndAddress() {
        let error = ConnectErrorMapping.map(ChannelError.connectTimeout(.seconds(5)), host: "::1", port: 8021, timeout: .seconds(5))
        #expect(error.code == .connectTimeout)
        #expect(error.message.contains("[::1]:8021"))
        #expect(error.message.contains("5 s"))
    }
}
