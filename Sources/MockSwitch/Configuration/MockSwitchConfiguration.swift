#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SwitchCatalog

/// How the mock switch listens and whom it lets in: the settings of FreeSWITCH's
/// `event_socket.conf.xml` (docs/protocol.md, "Listener settings") plus the mock's own (identity, heartbeat, users).
public struct MockSwitchConfiguration: Sendable {
    /// A directory user for `userauth` (the `esl-*` params of a FreeSWITCH directory entry).
    public struct User: Sendable, Hashable {
        /// `name@domain`.
        public var name: String
        /// The domain part of ``name``.
        public var domain: String
        /// `esl-password`.
        public var password: String
        /// `esl-allowed-events`: `nil` = all.
        public var allowedEvents: [String]?
        /// `esl-allowed-api`: `nil` = all.
        public var allowedAPI: [String]?
        /// `esl-allowed-log`.
        public var allowedLog: Bool

        /// Parses `NAME@DOMAIN:PASSWORD[:EVENTS[:API[:LOG]]]`, lists comma-separated, `all` for all,
        /// LOG `true`/`false`; `nil` if malformed.
        public init?(specification: String) {
            let fields = specification.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { return nil }
            let identity = fields[0].split(separator: "@", maxSplits: 1).map(String.init)
            guard identity.count == 2, !identity[0].isEmpty, !identity[1].isEmpty, !fields[1].isEmpty else { return nil }
            func list(_ index: Int) -> [String]? {
                guard index < fields.count, !fields[index].isEmpty, fields[index].lowercased() != "all" else { return nil }
                return fields[index].split(separator: ",").map { $0.trimmingBlanks() }
            }
            name = identity[0]
            domain = identity[1]
            password = fields[1]
            allowedEvents = list(2)
            allowedAPI = list(3)
            if fields.count > 4 {
                guard let log = Bool(fields[4].lowercased()) else { return nil }
                allowedLog = log
            } else {
                allowedLog = true
            }
        }
    }

    /// `listen-ip` (default 127.0.0.1).
    public var listenIP = "127.0.0.1"
    /// `listen-port` (default 8021; 0 picks a free port).
    public var listenPort = 8021
    /// `password` (default ClueCon), compared exactly.
    public var password = "ClueCon"
    /// `apply-inbound-acl` (default loopback only).
    public var accessList = AccessList.loopback
    /// Seconds between HEARTBEAT events (default 20).
    public var heartbeatInterval: Duration = .seconds(20)
    /// Time between the scheduler's passes (default 1 s, as FreeSWITCH's scheduler thread); a
    /// replay that runs the passes itself (``SwitchCore/schedulerTick()``) sets it long.
    public var schedulerInterval: Duration = .seconds(1)
    /// The switch's host name (`nil`: this host's name).
    public var hostname: String?
    /// The switch's name (`nil`: the host name).
    public var switchname: String?
    /// Users for `userauth`.
    public var users: [User] = []
    /// Bytes of events and log lines a listener may have queued unsent before it counts as not
    /// reading; past that, further events are lost, and more than 500 lost in a row disconnect it
    /// with FreeSWITCH's notice (docs/protocol.md, "Disconnect notices").
    public var listenerQueueBytes = 8 << 20

    /// How long a new connection may take to send its first packet (the switch's 25 s).
    public var firstPacketTimeout: Duration = .seconds(25)
    /// How long a listener that is being disconnected (a goodbye, or cut off for not reading) may
    /// take to read what is still queued and the notice before the socket closes.
    public var closeGracePeriod: Duration = .seconds(5)
    /// Offer the commands FreeSWITCH 1.11 dropped (`APICommand.legacy` in SwitchCatalog).
    public var legacyCommands = false
    /// Let `system`, `bg_system` and the `spawn` commands run shell commands on this host.
    public var allowsSystemCommands = false
    /// Modules beyond the captured set to load (`SwitchModule.optionalNames` in SwitchCatalog, e.g. `mod_sofia`).
    public var optionalModules: [String] = []
    /// The names ``optionalModules`` may hold.
    public static var simulatedModules: [String] { SwitchModule.optionalNames }

    /// mod_xml_rpc's `http-port` (the switch's is 8080; 0 picks a free port); `nil` serves no HTTP.
    /// It listens on ``listenIP``, with no ACL (docs/http-face.md).
    public var httpPort: Int?
    /// mod_xml_rpc's `auth-user` (default freeswitch).
    public var httpUser = "freeswitch"
    /// mod_xml_rpc's `auth-pass` (default works).
    public var httpPassword = "works"
    /// mod_xml_rpc's `auth-realm` (default freeswitch).
    public var httpRealm = "freeswitch"
    /// Whether event_sink listeners get events and log lines (default: as before 1.10.12).
    public var eventSinkCompatibility = EventSinkCompatibility.legacy

    /// The defaults of a vanilla FreeSWITCH, listening on loopback.
    public init() {}

    /// Applies the `<param name=… value=…/>` settings of an `event_socket.conf.xml`; returns
    /// problems (unknown ACL names, bad ports) as sentences, never failing on them.
    public mutating func apply(eventSocketConf xml: String) -> [String] {
        var problems: [String] = []
        let uncommented = xml.replacing(#/<!--[\s\S]*?-->/#, with: "")
        var acls: [AccessList.Network] = []
        for match in uncommented.matches(of: #/<param\s+name\s*=\s*"([^"]*)"\s+value\s*=\s*"([^"]*)"\s*\/?>/#) {
            let (name, value) = (String(match.1), String(match.2))
            switch name {
            case "listen-ip": listenIP = value
            case "listen-port":
                if let port = Int(value), (0...65535).contains(port) { listenPort = port } else { problems.append("listen-port \"\(value)\" is not a port") }
            case "password": password = value
            case "apply-inbound-acl":
                if let networks = Self.networks(forACL: value) { acls += networks } else { problems.append("apply-inbound-acl \"\(value)\" is neither a known list nor a network") }
            default: break
            }
        }
        if !acls.isEmpty { accessList = AccessList(acls) }
        return problems
    }

    /// The networks of a named FreeSWITCH ACL (`loopback.auto`, `localnet.auto`, `any_v4.auto`,
    /// `any_v6.auto`) or of a CIDR.
    public static func networks(forACL name: String) -> [AccessList.Network]? {
        switch name.lowercased() {
        case "loopback.auto": AccessList.loopback.networks
        case "localnet.auto": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "127.0.0.0/8", "::1/128"].compactMap(AccessList.Network.init)
        case "any_v4.auto": [AccessList.Network("0.0.0.0/0")!]
        case "any_v6.auto": [AccessList.Network("::/0")!]
        default: AccessList.Network(name).map { [$0] }
        }
    }
}
