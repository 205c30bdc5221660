import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns NIO's connect errors into a ``ESLClientError`` a person can act on.
enum ConnectErrorMapping {
    static func map(_ error: any Error, host: String, port: Int, timeout: Duration) -> ESLClientError {
        let address = AddressText.format(host: host, port: port)
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, let dns = error.dnsAError ?? error.dnsAAAAError {
                return ESLClientError(.unknownHost, "cannot resolve \(host): \(dns)", address: address)
            }
            if error.connectionErrors.isEmpty {
                return ESLClientError(.unknownHost, "\(host) resolved to no address", address: address)
            }
            // Report the most telling failure among the addresses tried, naming each address.
            let attempts = error.connectionErrors.map { failure in
                (target: targetText(failure.target, port: port), error: map(failure.error, host: host, port: port, timeout: timeout))
            }
            let ranked = attempts.sorted { rank($0.error.code) < rank($1.error.code) }
            let best = ranked[0].error
            let tried = attempts.map(\.target).joined(separator: ", ")
            return ESLClientError(best.code, "\(best.message) (tried \(tried))", address: address)
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return ESLClientError(.connectTimeout, "connecting to \(address) timed out after \(ESLConnection.format(timeout)); is the host up and the port open?", address: address)
        }
        if let error = error as? IOError {
            return map(errno: error.errnoCode, description: error.description, address: address, timeout: nil)
        }
        return ESLClientError(.connectionClosed, "cannot connect to \(address): \(error)", address: address)
    }

    /// A failed connect(2) as an error a person can act on; `timeout` names the limit that ran out.
    static func map(errno code: Int32, description: String, address: String, timeout: Duration?) -> ESLClientError {
        switch code {
        case ECONNREFUSED:
            ESLClientError(.connectionRefused, "connection refused by \(address): is FreeSWITCH running with mod_event_socket listening there?", address: address)
        case ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL:
            ESLClientError(.unreachable, "\(address) is unreachable: \(description)", address: address)
        case ETIMEDOUT:
            ESLClientError(.connectTimeout, "connecting to \(address) timed out" + (timeout.map { " after \(ESLConnection.format($0)); is the host up and the port open?" } ?? ""), address: address)
        default:
            ESLClientError(.connectionClosed, "cannot connect to \(address): \(description)", address: address)
        }
    }

    private static func targetText(_ target: SocketAddress, port: Int) -> String {
        AddressText.format(host: target.ipAddress ?? "\(target)", port: target.port ?? port)
    }

    /// How telling a failure is when several addresses failed: refused beats timed out beats unreachable.
    static func rank(_ code: ESLClientError.Code) -> Int {
        switch code {
        case .connectionRefused: 0
        case .connectTimeout: 1
        case .unreachable: 2
        default: 3
        }
    }
}
