import SwitchCatalog

/// mod_console's `console` and mod_commands' `complete`: the console's settings and its
/// completion table (which `console_complete` and `show complete` read).
extension APICommands {
    static let consoleCommands: [String: APIImplementation] = [
        "console": { argument, core in console(argument.words, core) },
        "complete": { argument, core in
            guard setComplete(argument.words, core) else {
                return APIOutput("-USAGE: \(core.modules.command(named: "complete")?.syntax ?? "")\n")
            }
            return APIOutput("+OK\n")
        },
    ]

    static let consoleRule = String(repeating: "-", count: 80)

    /// mod_console's replies to no subcommand, `help` or a subcommand it does not know.
    static let consoleUsage = """
        USAGE:
        \(consoleRule)
        console help
        console loglevel [[0-7] | <loglevel_string>]
        console uuid [on|off|toggle]
        console json [on|off|toggle]
        console colorize [on|off|toggle]
        \(consoleRule)

        """

    static let consoleLoglevelUsage = """
        USAGE:
        \(consoleRule)
        console loglevel [[0-7] | <loglevel_string>]

        Set the logging verbosity of the console from 0 (least verbose) to
        7 (debugging), or specify the loglevel as a string:

          0 console
          1 alert
          2 crit
          3 err
          4 warning
          5 notice
          6 info
          7 debug
        \(consoleRule)

        """

    static let consoleColorizeUsage = """
        USAGE:
        \(consoleRule)
        console colorize [on|off|toggle]

        Enable, disable, or toggle console coloring.
        \(consoleRule)

        """

    private static func console(_ words: [String], _ core: SwitchCore) -> APIOutput {
        guard let subcommand = words.first?.lowercased() else { return APIOutput(consoleUsage) }
        let value = words.count > 1 ? words[1] : nil
        func flip(_ current: Bool) -> Bool {
            guard let value else { return current }
            return value.lowercased() == "toggle" ? !current : SwitchTrue.isTrue(value)
        }
        return core.commandState.withLockedValue { state in
            switch subcommand {
            case "loglevel":
                var level: Int? = state.console.logLevel
                if let value {
                    if value.lowercased() == "help" { return APIOutput(consoleLoglevelUsage) }
                    // A leading digit is read with atoi, so levels above 7 are taken and print as DEBUG.
                    level = value.first.map { $0.isASCII && $0.isNumber } == true ? CNumber.atol(value) : LogLineFactory.level(named: value)
                }
                guard let level else { return APIOutput("-ERR Invalid console loglevel (\(value ?? ""))!\n\n") }
                state.console.logLevel = level
                return APIOutput("+OK console log level set to \(LogLineFactory.levelName(min(level, 7)))\n")
            case "colorize":
                if value?.lowercased() == "help" { return APIOutput(consoleColorizeUsage) }
                state.console.colorize = flip(state.console.colorize)
                return APIOutput("+OK console color \(state.console.colorize ? "enabled" : "disabled")\n")
            case "uuid":
                state.console.uuid = flip(state.console.uuid)
                return APIOutput("+OK console uuid \(state.console.uuid ? "enabled" : "disabled")\n")
            case "json":
                state.console.json = flip(state.console.json)
                return APIOutput("+OK console json \(state.console.json ? "enabled" : "disabled")\n")
            default:
                return APIOutput(consoleUsage)
            }
        }
    }

    /// `switch_console_set_complete`: `add|stickyadd <word>...` inserts a row (`_any_` stands for
    /// an empty column), `del *` empties the table, `del <words>` deletes the rows that start so.
    private static func setComplete(_ words: [String], _ core: SwitchCore) -> Bool {
        guard let verb = words.first?.lowercased() else { return false }
        let rest = Array(words.dropFirst().prefix(10))
        switch verb {
        case "add", "stickyadd":
            let row = rest.map { $0.lowercased() == "_any_" ? "" : $0 }
            core.commandState.withLockedValue { state in
                state.completionRows.append(row)
                state.completionRows.sort(by: CompletionRows.precedes)
            }
            return true
        case "del":
            guard let what = rest.first else { return false }
            core.commandState.withLockedValue { state in
                if what == "*" {
                    state.completionRows.removeAll()
                } else {
                    state.completionRows.removeAll { row in rest.indices.allSatisfy { $0 < row.count && row[$0] == rest[$0] } }
                }
            }
            return true
        default:
            return false
        }
    }
}

extension SwitchCore {
    /// The console's completion rows, as `complete add|del` left them.
    var completionRows: [[String]] { commandState.withLockedValue { $0.completionRows } }

    /// Adds a loading module's rows, in `show complete` order.
    func addCompletionRows(_ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        commandState.withLockedValue { state in
            state.completionRows.append(contentsOf: rows)
            state.completionRows.sort(by: CompletionRows.precedes)
        }
    }

    /// Removes an unloaded module's rows.
    func removeCompletionRows(_ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        commandState.withLockedValue { state in state.completionRows.removeAll { rows.contains($0) } }
    }
}

/// `switch_true`: the words FreeSWITCH reads as yes, or a non-zero number.
enum SwitchTrue {
    static func isTrue(_ text: String) -> Bool {
        ["yes", "on", "true", "t", "enabled", "active", "allow"].contains(text.lowercased()) || CNumber.atol(text) != 0
    }
}
