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
        table.merge(processCommands) { $1 }
        table.merge(stringCommands) { $1 }
        table.merge(networkCommands) { $1 }
        table.merge(limitCommands) { $1 }
        table.merge(consoleCommands) { $1 }
        table.merge(jsonCommands) { $1 }
        table.merge(messagingCommands) { $1 }
        table.merge(registryCommands) { $1 }
        table.merge(hostCommands) { $1 }
        table.merge(legacyCommands) { $1 }
        table.merge(sofiaCommands) { $1 }
        table.merge(stockCommands) { $1 }
        table.merge(conferenceCommands) { $1 }
        table.merge(queueCommands) { $1 }
        table.merge(spandspCommands) { $1 }
        // The call simulation answers for the channels it finds; where it finds none, FreeSWITCH's
        // own text for that command (capture 66) is given, which varies from command to command.
        let live = channelCommands.merging(liveChannelCommands) { $1 }
        for (name, absent) in absentChannelCommands {
            table[name] = live[name].map { Self.preferringAbsentTexts(live: $0, absent: absent) } ?? absent.withoutChannel
        }
        for (name, implementation) in live where table[name] == nil { table[name] = implementation }
        // These print mod_commands' own usage and not-found texts, channel or not.
        table.merge(channelMessageCommands) { $1 }
        table.merge(mediaChannelCommands) { $1 }
        table.merge(channelFlowCommands) { $1 }
        table["fsctl"] = FsctlCommand.run
        table["alias"] = AliasCommand.run
        table["show"] = ShowCommand.run
        table["help"] = { argument, core in ShowCommand.help(argument, core) }
        table["console_complete"] = { argument, core in APIOutput(ConsoleCompleter(core: core).plain(argument)) }
        table["console_complete_xml"] = { argument, core in APIOutput(ConsoleCompleter(core: core).xml(argument)) }
        return table
    }()

    /// The implementation of a loaded command. Every command of the standard modules has one; a
    /// module added from outside the catalog with a command the mock does not know answers as
    /// the switch answers a command that fails (`-ERR <name> Command not found!`).
    static func implementation(for command: APICommand) -> APIImplementation {
        implementations[command.name] ?? { _, _ in APIOutput("", failed: true) }
    }

    /// `live`, except where it finds no channel or no arguments (its generic `-ERR No such
    /// channel!` or a usage line) for a channel that is not up: then `absent`, which knows what
    /// FreeSWITCH says there.
    static func preferringAbsentTexts(live: @escaping APIImplementation, absent: ChannelAbsence) -> APIImplementation {
        { argument, core in
            let output = live(argument, core)
            guard output.events.isEmpty, output.text == ChannelAbsence.noChannel || output.text.hasPrefix("-USAGE:") else { return output }
            return absent.answer(argument, core) ?? output
        }
    }
}
