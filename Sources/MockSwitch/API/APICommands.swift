import SwitchCatalog

/// The mock's implementations of API commands, by command name. Every command of the standard
/// module set has one (`CommandTableWalkTests` checks it): the simulated behaviour, or what
/// FreeSWITCH answers when the thing it needs is absent.
enum APICommands {
    static let implementations: [String: APIImplementation] = {
        var table: [String: APIImplementation] = [:]
        table.merge(statusCommands) { $1 }
        table.merge(simpleCommands) { $1 }
        table.merge(textCommands) { $1 }
        table.merge(expansionCommands) { $1 }
        table.merge(directoryCommands) { $1 }
        table.merge(hashCommands) { $1 }
        table.merge(moduleCommands) { $1 }
        table.merge(schedulerCommands) { $1 }
        table.merge(absentCommands) { $1 }
        // Without a live channel first: the call simulation's own implementations win.
        table.merge(absentChannelCommands) { $1 }
        table.merge(channelCommands) { $1 }
        table["fsctl"] = FsctlCommand.run
        table["alias"] = AliasCommand.run
        table["show"] = ShowCommand.run
        table["help"] = { argument, core in ShowCommand.help(argument, core) }
        table["console_complete"] = { argument, core in APIOutput(ConsoleCompleter(core: core).plain(argument)) }
        table["console_complete_xml"] = { argument, core in APIOutput(ConsoleCompleter(core: core).xml(argument)) }
        return table
    }()

    /// The implementation of a loaded command. A command of a module the mock knows only by name
    /// says so rather than answering a success it did not simulate.
    static func implementation(for command: APICommand) -> APIImplementation {
        implementations[command.name] ?? { _, _ in notSimulated(command.name) }
    }

    /// The honest answer for a command the mock has no simulation for.
    static func notSimulated(_ name: String) -> APIOutput {
        APIOutput("-ERR \(name) is not simulated by the mock switch\n")
    }
}
