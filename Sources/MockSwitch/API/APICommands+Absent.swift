import Foundation

/// Commands that need what the mock does not have, answering as FreeSWITCH does without it, and
/// a few small ones with real behaviour.
extension APICommands {
    static let absentCommands: [String: APIImplementation] = {
        let table: [String: APIImplementation] = [
            "...": { argument, core in simpleCommands["shutdown"]!(argument, core) },
            "reloadacl": { _, _ in APIOutput("+OK acl reloaded\n") },
            "getenv": { argument, _ in APIOutput(ProcessInfo.processInfo.environment[argument] ?? "") },
            // The mock has no XML registry to search.
            "xml_locate": { argument, _ in
                let words = argument.words
                guard words.count >= 4 else { return APIOutput("-Error bad args\n") }
                return APIOutput("can't find anything\n")
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
