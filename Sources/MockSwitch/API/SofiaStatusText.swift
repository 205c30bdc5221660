#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The texts of `sofia status` and `sofia status profile …`.
enum SofiaStatusText {
    /// The rule `cmd_status` draws above and below its tables.
    static let line = String(repeating: "=", count: 97)

    /// `%25s`: right-aligned in 25 columns, never cut.
    static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// `sofia status`: one row per profile and alias, in the order the profile hash walks them.
    static func summary(_ profiles: [SofiaProfile], alias: String) -> String {
        var out = "\(padded("Name", 25))\t   Type\t  \(padded("Data", 40))\tState\n\(line)\n"
        for profile in profiles {
            if profile.name == "internal" {
                out += "\(padded(alias, 25))\t  alias\t  \(padded(profile.name, 40))\tALIASED\n"
            }
            out += "\(padded(profile.name, 25))\tprofile\t  \(padded(profile.url, 40))\tRUNNING (0)\n"
        }
        let count = profiles.count
        return out + "\(line)\n\(count) profile\(count == 1 ? "" : "s") 1 alias\n"
    }

    /// `sofia status profile NAME`: the profile's settings (vanilla values; no TLS, no NAT).
    static func details(_ profile: SofiaProfile, askedAs name: String, registrations: Int) -> String {
        var rows: [(String, String)] = [
            ("Name", name), ("Domain Name", "N/A"),
        ]
        if name.lowercased() != profile.name { rows.append(("Alias Of", profile.name)) }
        rows += [
            ("Auto-NAT", "false"), ("DBName", "sofia_reg_\(profile.name)"), ("Pres Hosts", profile.presenceHosts),
            ("Dialplan", "XML"), ("Context", "public"), ("Challenge Realm", profile.challengeRealm),
            ("RTP-IP", profile.ip), ("SIP-IP", profile.ip), ("URL", profile.url), ("BIND-URL", profile.bindURL),
        ]
        var out = "\(line)\n" + rows.map(row).joined()
        if let ports = profile.webSocketPorts {
            // The switch pads these two labels one space short and one space long of the others.
            out += "WS-BIND-URL     \tsip:mod_sofia@\(profile.ip):\(ports.ws);transport=ws\n"
            out += "WSS-BIND-URL     \tsips:mod_sofia@\(profile.ip):\(ports.wss);transport=wss\n"
        }
        let codecs = "OPUS,G722,PCMU,PCMA,H264,VP8"
        out += [
            ("HOLD-MUSIC", "local_stream://moh"), ("OUTBOUND-PROXY", "N/A"), ("CODECS IN", codecs), ("CODECS OUT", codecs),
            ("TEL-EVENT", "101"), ("DTMF-MODE", "rfc2833"), ("CNG", "13"), ("SESSION-TO", "0"), ("MAX-DIALOG", "0"),
            ("MAX-RECV-RPS", "0"), ("NOMEDIA", "false"), ("LATE-NEG", "true"), ("PROXY-MEDIA", "false"), ("AGGRESSIVENAT", "false"),
            ("CALLS-IN", "0"), ("FAILED-CALLS-IN", "0"), ("CALLS-OUT", "0"), ("FAILED-CALLS-OUT", "0"),
            ("REGISTRATIONS", String(registrations)),
        ].map(row).joined()
        return out
    }

    /// `Label` padded to 17 columns, a tab, the value.
    private static func row(_ pair: (String, String)) -> String {
        pair.0 + String(repeating: " ", count: max(0, 17 - pair.0.count)) + "\t" + pair.1 + "\n"
    }

    /// The `Registrations:` block of `sofia status profile NAME reg`.
    static func registrations(_ rows: [SofiaRegistration], now: Int64, zone: SwitchTimeZone, host: String) -> String {
        var out = "\nRegistrations:\n\(line)\n"
        for reg in rows {
            out += "Call-ID:    \t\(reg.callID)\nUser:       \t\(reg.user)@\(reg.host)\nContact:    \t\(reg.contact)\n"
            out += "Agent:      \t\(reg.userAgent)\n"
            out += "Status:     \t\(reg.status)(unknown) EXP(\(SwitchTimeText.local(reg.expires * 1_000_000, zone))) EXPSECS(\(reg.expires - now))\n"
            out += "Ping-Status:\tReachable\nPing-Time:\t0.00\nHost:       \t\(host)\nIP:         \t\(reg.networkIP)\n"
            out += "Port:       \t\(reg.networkPort)\nAuth-User:  \t\(reg.user)\nAuth-Realm: \t\(reg.host)\n"
            out += "MWI-Account:\t\(reg.user)@\(reg.host)\n\n"
        }
        return out + "Total items returned: \(rows.count)\n\(line)\n"
    }
}
