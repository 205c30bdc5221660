import Foundation

/// Commands that need what the mock does not have, answering as FreeSWITCH does without it, and
/// a few small ones with real behaviour.
extension APICommands {
    static let absentCommands: [String: APIImplementation] = {
        let table: [String: APIImplementation] = [
            "...": { argument, core in simpleCommands["shutdown"]!(argument, core) },
            "reloadacl": { _, _ in APIOutput("+OK acl reloaded\n") },
            "getenv": { argument, _ in APIOutput(ProcessInfo.processInfo.environment[argument] ?? "_undef_") },
            // The mock has no XML registry to search: a lookup finds nothing, and printing the
            // whole tree or one of the stock sections is not simulated.
            "xml_locate": { argument, _ in
                let words = argument.words
                switch words.count {
                case 1 where ["root", "configuration", "dialplan", "directory", "chatplan", "languages"].contains(words[0].lowercased()):
                    return notSimulated("xml_locate")
                case 1, 4...: return APIOutput("can't find anything\n")
                default: return APIOutput("-ERR bad args\n")
                }
            },
            "strftime": { argument, core in
                let zone = core.clock.timeZone
                return APIOutput(StrftimeText.format(argument.isEmpty ? "%Y-%m-%d %T" : argument, micros: core.clock.now(),
                                                     zone: zone, zoneName: StrftimeText.zoneName(zone)))
            },
        ]
        return table
    }()
}
