import SwitchCatalog

/// mod_conference's `conference` API on a switch where no conference is running: the list
/// commands report none, `help` prints the sub-command table, and a sub-command for a named
/// conference finds none (dial and bgdial check their arguments first, as they need no
/// conference).
extension APICommands {
    static let conferenceCommands: [String: APIImplementation] = [
        "conference": { argument, core in APIOutput(conference(argument, core)) },
    ]

    private static func conference(_ argument: String, _ core: SwitchCore) -> String {
        // No argument reaches the module as no command at all, which it reads as `help`.
        let words = (argument.isEmpty ? "help" : argument).split(separator: " ").map(String.init)
        guard let first = words.first else { return "" }
        switch first.lowercased() {
        case "list":
            return "No active conferences.\n"
        case "xml_list":
            return "<?xml version=\"1.0\"?>\n<conferences/>\n"
        case "help", "commands":
            return SwitchModule.conferenceSyntax + "\n"
        default:
            guard words.count > 1, ["dial", "bgdial"].contains(words[1].lowercased()) else {
                return "Conference \(first) not found\n"
            }
            let usage = SwitchModule.conferenceSubcommands.first { $0.name == words[1].lowercased() }.map { "\($0.name) \($0.syntax)" } ?? ""
            guard words.count > 2 else { return "Bad Args\n" + usage }
            // A background outcall reports only its job; the call itself fails out of sight.
            if words[1].lowercased() == "bgdial" { return "OK Job-UUID: \(UUIDText.make())\n" }
            // The outcall needs the endpoint module of its destination; without one the
            // originate fails before any conference exists.
            let endpoint = String(words[2].split(separator: "/").first ?? "")
            guard core.modules.interfaces.contains(where: { $0.kind == .endpoint && $0.name == endpoint }) else {
                return "Call Requested: result: [CHAN_NOT_IMPLEMENTED]\n"
            }
            return "-ERR conference outcalls are not simulated\n"
        }
    }
}
