#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SwitchCatalog

/// `sofia xmlstatus` (mod_sofia's `cmd_xml_status`): the same facts as `sofia status`, as XML.
enum SofiaXMLStatus {
    static let header = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"

    static func text(_ argv: [String], _ core: SwitchCore) -> String {
        let domain = APICommands.directory(core).domain
        guard let subject = argv.first else { return list(core, alias: domain) }
        if argv.count == 1 { return "\(header)\n<gateways>\n</gateways>\n" }
        switch subject.lowercased() {
        case "gateway": return "Invalid Gateway!\n"
        case "profile":
            guard let profile = core.sofia.profile(named: argv[1], domain: domain) else { return "Invalid Profile!\n" }
            return details(profile, argv, core)
        default: return "Invalid Syntax!\n"
        }
    }

    static func list(_ core: SwitchCore, alias: String) -> String {
        func entry(_ tag: String, _ name: String, _ type: String, _ data: String, _ state: String) -> String {
            "<\(tag)>\n<name>\(name)</name>\n<type>\(type)</type>\n<data>\(data)</data>\n<state>\(state)</state>\n</\(tag)>\n"
        }
        var out = "\(header)\n<profiles>\n"
        for profile in core.sofia.runningProfiles {
            if profile.name == "internal" { out += entry("alias", alias, "alias", profile.name, "ALIASED") }
            out += entry("profile", profile.name, "profile", profile.url, "RUNNING (0)")
            if let ports = profile.webSocketPorts {
                out += entry("profile", profile.name, "profile", "sip:mod_sofia@\(profile.ip):\(ports.ws);transport=ws", "RUNNING (0) (WS)")
                out += entry("profile", profile.name, "profile", "sips:mod_sofia@\(profile.ip):\(ports.wss);transport=wss", "RUNNING (0) (WSS)")
            }
        }
        return out + "</profiles>\n"
    }

    /// `xmlstatus profile NAME [reg …]`.
    static func details(_ profile: SofiaProfile, _ argv: [String], _ core: SwitchCore) -> String {
        var out = "\(header)\n<profile>\n"
        let mode = argv.count > 2 ? argv[2].lowercased() : nil
        if mode != "reg" && mode != "user" {
            let text = SofiaStatusText.details(profile, askedAs: argv[1], registrations: core.sofia.registrations(on: profile.name).count)
            var elements: [String] = []
            for line in text.split(separator: "\n").dropFirst() {
                let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingBlanks() }
                guard parts.count == 2, let tag = tags[parts[0]] else { continue }
                elements.append("    <\(tag)>\(parts[1])</\(tag)>\n")
            }
            // The XML lists calls-out before failed-calls-in, unlike the text.
            if let failedIn = elements.firstIndex(where: { $0.contains("<failed-calls-in>") }) {
                elements.swapAt(failedIn, failedIn + 1)
            }
            out += "  <profile-info>\n" + elements.joined() + "  </profile-info>\n"
        }
        if let rows = SofiaCommand.registrationRows(profile, argv, core) {
            out += "  <registrations>\n"
            let now = core.clock.now() / 1_000_000
            for reg in rows {
                let exp = SwitchTimeText.local(reg.expires * 1_000_000, core.clock.timeZone)
                out += "    <registration>\n"
                out += "        <call-id>\(reg.callID)</call-id>\n        <user>\(reg.user)@\(reg.host)</user>\n"
                out += "        <contact>\(amp(reg.contact))</contact>\n        <agent>\(amp(reg.userAgent))</agent>\n"
                out += "        <status>\(reg.status)(unknown) exp(\(exp)) expsecs(\(reg.expires - now))</status>\n"
                out += "        <ping-status>Reachable</ping-status>\n        <ping-time>0.00</ping-time>\n"
                out += "        <host>\(core.identity.switchname)</host>\n        <network-ip>\(reg.networkIP)</network-ip>\n"
                out += "        <network-port>\(reg.networkPort)</network-port>\n        <sip-auth-user>\(reg.user)</sip-auth-user>\n"
                out += "        <sip-auth-realm>\(reg.host)</sip-auth-realm>\n        <mwi-account>\(reg.user)@\(reg.host)</mwi-account>\n"
                out += "    </registration>\n"
            }
            out += "  </registrations>\n"
        }
        return out + "</profile>\n"
    }

    /// `switch_amp_encode`: the five XML entities.
    static func amp(_ text: String) -> String {
        XMLEscape.text(text).replacing("\"", with: "&quot;").replacing("'", with: "&apos;")
    }

    /// The XML element of each `sofia status profile` label.
    static let tags: [String: String] = [
        "Name": "name", "Domain Name": "domain-name", "Alias Of": "alias-of", "Auto-NAT": "auto-nat", "DBName": "db-name",
        "Pres Hosts": "pres-hosts", "Dialplan": "dialplan", "Context": "context", "Challenge Realm": "challenge-realm",
        "RTP-IP": "rtp-ip", "SIP-IP": "sip-ip", "URL": "url", "BIND-URL": "bind-url", "WS-BIND-URL": "ws-bind-url",
        "WSS-BIND-URL": "wss-bind-url", "HOLD-MUSIC": "hold-music", "OUTBOUND-PROXY": "outbound-proxy",
        "CODECS IN": "inbound-codecs", "CODECS OUT": "outbound-codecs", "TEL-EVENT": "tel-event", "DTMF-MODE": "dtmf-mode",
        "CNG": "cng", "SESSION-TO": "session-to", "MAX-DIALOG": "max-dialog", "MAX-RECV-RPS": "max-recv-rps",
        "NOMEDIA": "nomedia", "LATE-NEG": "late-neg", "PROXY-MEDIA": "proxy-media", "AGGRESSIVENAT": "aggressive-nat",
        "CALLS-IN": "calls-in", "FAILED-CALLS-IN": "failed-calls-in", "CALLS-OUT": "calls-out",
        "FAILED-CALLS-OUT": "failed-calls-out", "REGISTRATIONS": "registrations",
    ]
}
