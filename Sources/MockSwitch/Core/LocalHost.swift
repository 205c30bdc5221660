#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This machine's name and addresses, for the identity's defaults.
enum LocalHost {
    /// `gethostname`, as FreeSWITCH reads its host name.
    static func name() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The first non-loopback IPv4 and a global IPv6 address of an interface that is up; FreeSWITCH
    /// guesses the same way (the address a default route would use). Loopback values when none.
    static func addresses() -> (ipv4: String, ipv6: String) {
        var ipv4 = "", ipv6 = ""
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return ("127.0.0.1", "::1") }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0,
                  let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            if family == AF_INET, ipv4.isEmpty {
                ipv4 = text(address, length: socklen_t(MemoryLayout<sockaddr_in>.size))
            } else if family == AF_INET6, ipv6.isEmpty {
                let candidate = text(address, length: socklen_t(MemoryLayout<sockaddr_in6>.size))
                if !candidate.lowercased().hasPrefix("fe80") { ipv6 = candidate }
            }
        }
        return (ipv4.isEmpty ? "127.0.0.1" : ipv4, ipv6.isEmpty ? "::1" : ipv6)
    }

    private static func text(_ address: UnsafeMutablePointer<sockaddr>, length: socklen_t) -> String {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { return "" }
        return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
