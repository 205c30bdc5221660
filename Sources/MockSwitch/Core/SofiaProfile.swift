/// The SIP profiles of a vanilla configuration (`conf/sip_profiles/internal.xml` and
/// `external.xml`) at the switch's IPv4 address (``SofiaStatusText`` prints them). The vanilla
/// `external::example.com` gateway is commented out, so there are no gateways; `internal` lists every directory domain as an alias (`<domain name="all"
/// alias="true"/>`), which makes the one domain, the switch's address, an alias of it.
struct SofiaProfile: Sendable {
    var name: String
    var port: Int
    var ip: String
    /// `presence-hosts` (internal: `$${domain},$${local_ip_v4}`; external: none).
    var presenceHosts: String
    /// `challenge-realm` (internal: `auto_from`; external: unset, printed as `auto_to`).
    var challengeRealm: String
    /// `ws-binding` and `wss-binding` (internal only: `:5066`, `:7443`).
    var webSocketPorts: (ws: Int, wss: Int)?

    var url: String { "sip:mod_sofia@\(ip):\(port)" }
    var bindURL: String { "\(url);maddr=\(ip);transport=udp,tcp" }

    static func vanilla(ip: String) -> [SofiaProfile] {
        [SofiaProfile(name: "internal", port: 5060, ip: ip, presenceHosts: "\(ip),\(ip)", challengeRealm: "auto_from", webSocketPorts: (5066, 7443)),
         SofiaProfile(name: "external", port: 5080, ip: ip, presenceHosts: "", challengeRealm: "auto_to", webSocketPorts: nil)]
    }
}
