#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// gethost, host_lookup, interface_ip, stun, nat_map. The mock asks no DNS server and reaches no
/// STUN server or NAT device: names resolve only where no network is needed (numeric addresses,
/// `localhost`, the switch's own names), and the rest answers as the switch does when a lookup fails.
extension APICommands {
    static let networkCommands: [String: APIImplementation] = [
        "gethost": { argument, core in
            guard let address = LocalResolver.ipv4(argument, core) else { return APIOutput("-ERR") }
            return APIOutput(address)
        },
        "host_lookup": { argument, core in
            guard !argument.isEmpty else { return APIOutput("parameter missing\n") }
            return APIOutput(LocalResolver.ipv4(argument, core) ?? "!err!")
        },
        "interface_ip": { argument, core in
            let words = argument.words
            let usage = APIOutput("USAGE: interface_ip \(core.modules.command(named: "interface_ip")?.syntax ?? "")\n")
            guard words.count >= 2 else { return usage }
            let family: Int32
            switch words[0].lowercased() {
            case "ipv4": family = AF_INET
            case "ipv6": family = AF_INET6
            case "auto": family = AF_UNSPEC
            default: return usage
            }
            return APIOutput(LocalResolver.interfaceAddress(words[1], family: family) ?? "")
        },
        "stun": { argument, _ in
            let words = argument.words
            guard let server = words.first else { return APIOutput("-STUN Failed! NO STUN SERVER\n") }
            let host = String(server.prefix { $0 != ":" })
            // An unresolvable server fails as the stock vars.xml's stun-set does (capture 72).
            guard LocalResolver.isNumeric(host) || host == "localhost" else { return APIOutput("-STUN Failed! [Remote Address Error!]\n") }
            // Nothing answers STUN here: the switch gives up after five seconds.
            var output = APIOutput("-STUN Failed! [Timeout]\n")
            output.delay = .seconds(5)
            return output
        },
        // No UPnP or NAT-PMP device answers on the captured switch's network, so NAT is never
        // initialized and every use fails before its arguments are read (the switch logs why).
        "nat_map": { _, _ in APIOutput("false") },
    ]
}

/// Name and interface lookups that need no network.
enum LocalResolver {
    static func isNumeric(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// The IPv4 address of a numeric address, `localhost` or the switch's own host name.
    static func ipv4(_ name: String, _ core: SwitchCore) -> String? {
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 { return name }
        switch name.lowercased() {
        case "localhost": return "127.0.0.1"
        case core.identity.hostname.lowercased(), core.identity.switchname.lowercased(): return core.identity.ipv4
        default: return nil
        }
    }

    /// The first address of `family` (`AF_UNSPEC`: either) on the interface called `name`
    /// (`switch_find_interface_ip`), read from this machine.
    static func interfaceAddress(_ name: String, family: Int32) -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard String(cString: entry.pointee.ifa_name) == name, let address = entry.pointee.ifa_addr else { continue }
            let found = Int32(address.pointee.sa_family)
            guard found == AF_INET || found == AF_INET6, family == AF_UNSPEC || family == found else { continue }
            let length = socklen_t(found == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            return String(cString: host)
        }
        return nil
    }
}
