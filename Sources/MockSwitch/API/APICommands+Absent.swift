#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Commands that need what the mock does not have, answering as FreeSWITCH does without it, and
/// a few small ones with real behaviour.
extension APICommands {
    static let absentCommands: [String: APIImplementation] = {
        let table: [String: APIImplementation] = [
            "...": { argument, core in simpleCommands["shutdown"]!(argument, core) },
            "reloadacl": { _, _ in APIOutput("+OK acl reloaded\n") },
            "getenv": { argument, _ in APIOutput(getenv(argument).map { String(cString: $0) } ?? "_undef_") },
            // The mock keeps no XML registry (its settings are not XML): every lookup, the whole
            // tree's and a section's too, answers as the switch does when it finds nothing.
            "xml_locate": { argument, _ in
                switch argument.words.count {
                case 1, 4...: APIOutput("can't find anything\n")
                default: APIOutput("-ERR bad args\n")
                }
            },
            "strftime": { argument, core in
                let (zone, now) = (core.clock.timeZone, core.clock.now())
                return APIOutput(StrftimeText.format(argument.isEmpty ? "%Y-%m-%d %T" : argument, micros: now,
                                                     zone: zone, zoneName: StrftimeText.zoneName(zone, at: now)))
            },
        ]
        return table
    }()
}
