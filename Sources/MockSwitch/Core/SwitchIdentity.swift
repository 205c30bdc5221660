#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Who the simulated switch says it is: the values of the standard event headers (docs/events.md, "Standard headers")
/// and of `version`/`status`, fixed for the life of one ``SwitchCore``.
public struct SwitchIdentity: Sendable, Hashable {
    /// `Core-UUID`: lower-case, fixed per run.
    public var coreUUID: String
    /// `FreeSWITCH-Hostname` and `api hostname`.
    public var hostname: String
    /// `FreeSWITCH-Switchname` and `api switchname`; FreeSWITCH defaults it to the host name.
    public var switchname: String
    /// `FreeSWITCH-IPv4`; the header is left out when empty.
    public var ipv4: String
    /// `FreeSWITCH-IPv6`; the header is left out when empty.
    public var ipv6: String
    /// The version the switch reports; captures were taken from 1.11.1.
    public var version: SwitchVersion
    /// When the switch "started", in microseconds since the epoch (uptime counts from here).
    public var startTime: Int64

    /// An identity with every value given.
    public init(coreUUID: String, hostname: String, switchname: String? = nil, ipv4: String, ipv6: String,
                version: SwitchVersion = .captured, startTime: Int64) {
        self.coreUUID = coreUUID
        self.hostname = hostname
        self.switchname = switchname ?? hostname
        self.ipv4 = ipv4
        self.ipv6 = ipv6
        self.version = version
        self.startTime = startTime
    }

    /// This machine as the switch would see it: its host name, guessed local addresses, a fresh
    /// Core-UUID, started now on `clock`. Pass any value to override the guess.
    public static func local(clock: SwitchClock = .system, hostname: String? = nil, switchname: String? = nil,
                             ipv4: String? = nil, ipv6: String? = nil) -> SwitchIdentity {
        let host = hostname ?? LocalHost.name()
        let addresses = LocalHost.addresses()
        return SwitchIdentity(
            coreUUID: UUID().uuidString.lowercased(), hostname: host, switchname: switchname,
            ipv4: ipv4 ?? addresses.ipv4, ipv6: ipv6 ?? addresses.ipv6, startTime: clock.now())
    }
}

/// The version strings of `version`, `status` and HEARTBEAT (docs/api-output.md, "status" and "version"; capture 05).
public struct SwitchVersion: Sendable, Hashable {
    /// `major.minor.micro` as `version short` prints it, e.g. `1.11.1-release`.
    public var short: String
    /// `SWITCH_VERSION_FULL`, e.g. `1.11.1-release~64bit` (HEARTBEAT's `FreeSWITCH-Version`).
    public var full: String
    /// `SWITCH_VERSION_REVISION_HUMAN`; a non-git build has ` 64bit` (leading space).
    public var revisionHuman: String

    /// A version from its three strings.
    public init(short: String, full: String, revisionHuman: String) {
        self.short = short
        self.full = full
        self.revisionHuman = revisionHuman
    }

    /// `SWITCH_VERSION_FULL_HUMAN`: short, a space, the human revision (`1.11.1-release  64bit`).
    public var fullHuman: String { short + " " + revisionHuman }

    /// The non-git 1.11.1 build the captures were taken from.
    public static let captured = SwitchVersion(
        short: MockSwitchIdentity.versionShort, full: "1.11.1-release~64bit", revisionHuman: " 64bit")
}
