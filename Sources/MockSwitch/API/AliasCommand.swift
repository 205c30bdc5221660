/// `alias` (capture 64): console aliases, expanded only for lines run with `console_execute`.
enum AliasCommand {
    static func run(_ argument: String, _ core: SwitchCore) -> APIOutput {
        let usage = APIOutput("-USAGE: \(core.modules.command(named: "alias")?.syntax ?? "")\n")
        let words = argument.words
        guard let action = words.first?.lowercased() else { return usage }
        switch action {
        case "add", "stickyadd":
            guard words.count >= 3 else { return usage }
            let name = words[1]
            let command = words[2...].joined(separator: " ")
            // An alias naming itself would loop.
            guard name != words[2] else { return usage }
            core.commandState.withLockedValue { state in
                state.aliases.removeAll { $0.name == name }
                state.aliases.append(CommandState.Alias(sticky: action == "stickyadd", name: name, command: command))
            }
            return APIOutput("+OK\n")
        case "del":
            guard words.count >= 2 else { return usage }
            core.commandState.withLockedValue { state in
                if words[1] == "*" { state.aliases.removeAll() } else { state.aliases.removeAll { $0.name == words[1] } }
            }
            return APIOutput("+OK\n")
        default:
            return usage
        }
    }
}

extension SwitchCore {
    /// The command an alias stands for, if `name` is one.
    func aliasCommand(_ name: String) -> String? {
        commandState.withLockedValue { $0.aliases.first { $0.name == name }?.command }
    }

    /// The `show aliases` rows: sticky, alias, command, hostname.
    var aliasRows: [[String]] {
        commandState.withLockedValue { $0.aliases }.map { [$0.sticky ? "1" : "0", $0.name, $0.command, identity.switchname] }
    }
}
