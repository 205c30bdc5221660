#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Text utilities of mod_commands (capture 61): regex, cond, strftime_tz, is_lan_addr, acl,
/// replace, sql_escape, quote_shell_arg, coalesce.
extension APICommands {
    static let textCommands: [String: APIImplementation] = [
        "regex": { argument, _ in APIOutput(regex(argument)) },
        "cond": { argument, _ in APIOutput(CondExpression.evaluate(argument)) },
        "strftime_tz": { argument, core in APIOutput(strftimeTZ(argument, core)) },
        "is_lan_addr": { argument, _ in APIOutput(isLANAddress(argument) ? "true" : "false") },
        "acl": { argument, _ in
            let words = argument.words
            guard words.count >= 2, let networks = MockSwitchConfiguration.networks(forACL: words[1]) else {
                return APIOutput("false")
            }
            return APIOutput(AccessList(networks).allows(words[0]) ? "true" : "false")
        },
        "replace": { argument, _ in
            let parts = argument.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { return APIOutput("-ERR") }
            // An empty search text replaces nothing (the standard library's `replacing` would match everywhere).
            return APIOutput(parts[1].isEmpty ? parts[0] : parts[0].replacing(parts[1], with: parts[2]))
        },
        "sql_escape": { argument, _ in APIOutput(argument.replacing("'", with: "''")) },
        "quote_shell_arg": { argument, _ in
            guard !argument.isEmpty else { return APIOutput("") }
            return APIOutput("'" + argument.replacing("'", with: "'\\''") + "'")
        },
        "coalesce": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-USAGE: \(core.modules.command(named: "coalesce")?.syntax ?? "")\n") }
            var text = argument
            var delimiter = ","
            if text.hasPrefix("^^"), text.count > 2 {
                delimiter = String(text[text.index(text.startIndex, offsetBy: 2)])
                text = String(text.dropFirst(3))
            }
            return APIOutput(text.components(separatedBy: delimiter).first { !$0.isEmpty } ?? "")
        },
    ]

    /// `regex <data>|<pattern>[|<subst>]`, or with `m:<d>` any delimiter `d`: `true`/`false`, the
    /// substitution (`%1` or `$1`), or the data itself when a substitution finds no match.
    static func regex(_ argument: String) -> String {
        var text = argument
        var delimiter: Character = "|"
        if text.hasPrefix("m:"), text.count > 2 {
            delimiter = text[text.index(text.startIndex, offsetBy: 2)]
            text = String(text.dropFirst(3))
        }
        let parts = text.split(separator: delimiter, maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, !argument.isEmpty else { return "-ERR" }
        // A fourth field holds flags for a failed substitution: `n` prints nothing, `b` prints false.
        let flags = parts.count > 3 ? parts[3] : ""
        let data = parts[0]
        // A pattern that does not compile matches nothing.
        guard let match = (try? Regex(parts[1])).flatMap({ try? $0.firstMatch(in: data) }) else {
            guard parts.count > 2 else { return "false" }
            return flags.contains("n") ? "" : flags.contains("b") ? "false" : data
        }
        guard parts.count > 2 else { return "true" }
        var out = ""
        var template = Substring(parts[2])
        while let first = template.first {
            template = template.dropFirst()
            guard first == "%" || first == "$", let digit = template.first?.wholeNumberValue else {
                out.append(first)
                continue
            }
            template = template.dropFirst()
            if digit < match.output.count, let group = match.output[digit].substring {
                out += group
            }
        }
        return out
    }

    /// `strftime_tz <zone> [<epoch>|][format]`; with no zone, the switch's local time.
    static func strftimeTZ(_ argument: String, _ core: SwitchCore) -> String {
        let split = argument.splitAtFirstSpace
        var zone = core.clock.timeZone
        if !split.head.isEmpty {
            guard let named = SwitchTimeZone(identifier: split.head) else { return "-ERR Invalid timezone/format\n" }
            zone = named
        }
        var format = split.tail
        var micros = core.clock.now()
        // `<epoch>|` is read with atol; 0 (or no number) means now.
        if let bar = format.firstIndex(of: "|") {
            let epoch = Int64(CNumber.atol(String(format[..<bar])))
            if epoch != 0 { micros = epoch * 1_000_000 }
            format = String(format[format.index(after: bar)...])
        }
        if format.isEmpty { format = "%Y-%m-%d %T" }
        // FreeSWITCH fills in the zone's offset but leaves the name of the switch's own zone (%Z).
        return StrftimeText.format(format, micros: micros, zone: zone, zoneName: StrftimeText.zoneName(core.clock.timeZone, at: micros))
    }

    /// `switch_is_lan_addr`: private, loopback and reserved IPv4 prefixes.
    static func isLANAddress(_ address: String) -> Bool {
        guard !address.isEmpty else { return false }
        let prefixes = ["10.", "192.168.", "127.", "255.", "0.", "1.", "2.", "169.254.", "192.0.2."]
            + (16...31).map { "172.\($0)." }
        return prefixes.contains { address.hasPrefix($0) }
    }
}
