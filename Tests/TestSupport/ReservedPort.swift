import Foundation

/// A loopback port that refuses connections for as long as this value lives: bound but not
/// listening, so no other test can take it meanwhile (a port freed after binding could be reused
/// by a parallel test's listener, turning "refused" into a successful connect).
public final class ReservedPort {
    /// The reserved port.
    public let port: Int
    private let fd: Int32

    /// Reserves a free loopback port.
    public init() throws {
        // Close-on-exec: a child that inherited it would keep the port bound after this value is gone.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(fd)
    }
}
