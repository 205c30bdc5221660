#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An allow-list of networks, like FreeSWITCH's `apply-inbound-acl` (docs/protocol.md, "Listener settings"): a peer
/// is let in when its address falls in any listed network. The default is loopback only (`loopback.auto`: 127.0.0.0/8
/// and ::1).
public struct AccessList: Sendable, Hashable, CustomStringConvertible {
    /// One network, `address/prefix`.
    public struct Network: Sendable, Hashable, CustomStringConvertible {
        let bytes: [UInt8]
        let prefix: Int

        /// Parses `10.0.0.0/8`, `192.168.1.5` (a single host), `::1`, `fd00::/8`; `nil` if invalid.
        public init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let bytes = IPAddressText.parse(String(parts[0])) else { return nil }
            let maximum = bytes.count * 8
            if parts.count == 2 {
                guard let prefix = Int(parts[1]), (0...maximum).contains(prefix) else { return nil }
                self.prefix = prefix
            } else {
                self.prefix = maximum
            }
            self.bytes = bytes
        }

        /// Whether `address` (4 or 16 bytes) lies in this network; IPv4-mapped IPv6 addresses
        /// (`::ffff:a.b.c.d`) match IPv4 networks.
        public func contains(_ address: [UInt8]) -> Bool {
            var address = address
            if address.count == 16, bytes.count == 4, address.prefix(12).elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) {
                address = Array(address.suffix(4))
            }
            guard address.count == bytes.count else { return false }
            var remaining = prefix
            for index in 0..<bytes.count where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if address[index] & mask != bytes[index] & mask { return false }
                remaining -= bits
            }
            return true
        }

        public var description: String { "\(IPAddressText.format(bytes))/\(prefix)" }
    }

    /// The networks let in.
    public var networks: [Network]

    /// Creates a list.
    public init(_ networks: [Network]) {
        self.networks = networks
    }

    /// FreeSWITCH's `loopback.auto`.
    public static let loopback = AccessList([Network("127.0.0.0/8")!, Network("::1/128")!])

    /// Whether a peer with this textual address may connect.
    public func allows(_ address: String) -> Bool {
        guard let bytes = IPAddressText.parse(address) else { return false }
        return networks.contains { $0.contains(bytes) }
    }

    public var description: String { networks.map(\.description).joined(separator: ", ") }
}

/// Parsing and printing of IPv4 and IPv6 addresses, without the C resolver.
enum IPAddressText {
    /// 4 bytes for IPv4, 16 for IPv6 (with `::` compression and an optional trailing IPv4 part);
    /// a `%zone` suffix is ignored.
    static func parse(_ text: String) -> [UInt8]? {
        let text = String(text.prefix { $0 != "%" })
        if !text.contains(":") { return parseIPv4(text) }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var trailingIPv4: [UInt8] = []
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, into output: inout [UInt16]) -> Bool {
            guard !part.isEmpty else { return true }
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                if group.contains(".") {
                    guard let v4 = parseIPv4(String(group)) else { return false }
                    trailingIPv4 = v4
                    continue
                }
                guard group.count <= 4, let value = UInt16(group, radix: 16) else { return false }
                output.append(value)
            }
            return true
        }
        guard groups(halves[0], into: &head) else { return nil }
        if halves.count == 2 { guard groups(halves[1], into: &tail) else { return nil } }
        let v4Groups = trailingIPv4.isEmpty ? 0 : 2
        let total = head.count + tail.count + v4Groups
        if halves.count == 1 { guard total == 8 else { return nil } } else { guard total <= 7 else { return nil } }
        let middle = [UInt16](repeating: 0, count: 8 - total)
        var bytes: [UInt8] = []
        for group in head + middle + tail {
            bytes.append(UInt8(group >> 8))
            bytes.append(UInt8(group & 0xFF))
        }
        return bytes + trailingIPv4
    }

    private static func parseIPv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func format(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: bytes.count, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }
}
