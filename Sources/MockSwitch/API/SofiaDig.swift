#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sofia_dig [xml] [options] uri…` (mod_sofia's sip-dig.c): the routes to a SIP URI. A URI whose
/// host is an address needs no lookup; a domain name is looked up in DNS, which the mock has none
/// of, so it is `not found` as on a switch whose resolver finds nothing.
enum SofiaDig {
    static let usage = "usage: sofia_dig [OPTIONS] [@dnsserver] uri\n"

    static func run(_ argument: String, _ core: SwitchCore) -> APIOutput {
        var words = argument.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return APIOutput(usage) }
        let xml = words[0].lowercased() == "xml"
        if xml { words.removeFirst() }
        let options = ["-v", "-6", "-4", "--udp", "--tcp", "--tls", "--sctp", "--tls-sctp", "--tls-udp", "--no-sctp"]
        while let word = words.first, word.hasPrefix("-") {
            words.removeFirst()
            if word == "-" { break }
            if word == "-p" { guard !words.isEmpty else { return APIOutput(usage) }; words.removeFirst(); continue }
            if word.hasPrefix("-p") || options.contains(word) { continue }
            return APIOutput(usage)
        }
        var out = xml ? "<routes>\n" : [ "Preference", "Weight", "Transport", "Port", "Address"].map { pad($0) }.joined(separator: "\t") + "\n"
            + String(repeating: "=", count: 80) + "\n"
        guard !words.isEmpty else { return APIOutput(out + usage) }
        for uri in words {
            if words.count > 1 { out += uri }
            guard let parsed = parse(uri) else { continue }
            guard isAddress(parsed.host) else {
                out += "-ERR: \(uri): not found\n"
                continue
            }
            let routes: [(String, Int)] = parsed.transport.map { [($0, 1)] } ?? (parsed.secure ? [("tls", 1)] : [("udp", 1), ("tcp", 2)])
            for (transport, preference) in routes {
                let port = parsed.port ?? (transport.lowercased().hasPrefix("tls") ? "5061" : "5060")
                out += xml
                    ? " <route>\n  <preference>\(preference)</preference>\n  <weight>1.000</weight>\n  <transport>\(transport)</transport>\n  <port>\(port)</port>\n  <address>\(parsed.host)</address>\n </route>\n"
                    : "\(pad(String(preference)))\t\(pad("1.000"))\t\(pad(transport))\t\(pad(port))\t\(pad(parsed.host))\n"
            }
        }
        if xml { out += "</routes>\n" }
        return APIOutput(out)
    }

    /// `%10s`.
    static func pad(_ text: String) -> String {
        String(repeating: " ", count: max(0, 10 - text.count)) + text
    }

    /// The host, port and `transport=` of a sip:, sips: or bare-host URI; `nil` for another scheme.
    static func parse(_ uri: String) -> (host: String, port: String?, transport: String?, secure: Bool)? {
        var rest = Substring(uri)
        var secure = false
        if rest.lowercased().hasPrefix("sips:") { secure = true; rest = rest.dropFirst(5) }
        else if rest.lowercased().hasPrefix("sip:") { rest = rest.dropFirst(4) }
        else if rest.contains(":"), !rest.hasPrefix("["), rest.split(separator: ":").first.map({ Int($0) == nil && !$0.contains(".") }) == true { return nil }
        var params: Substring = ""
        if let semicolon = rest.firstIndex(of: ";") { params = rest[semicolon...]; rest = rest[..<semicolon] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = rest, port: String?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = rest[...close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) }
        } else if let colon = rest.firstIndex(of: ":") {
            host = rest[..<colon]
            port = String(rest[rest.index(after: colon)...])
        }
        let transport = params.split(separator: ";").first { $0.lowercased().hasPrefix("transport=") }.map { String($0.dropFirst(10)) }
        return (String(host), port?.isEmpty == true ? nil : port, transport, secure)
    }

    static func isAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, bare, &v6) == 1
    }
}
