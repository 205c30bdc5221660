/// The mock's implementations of API commands, by command name. Commands listed by `help` but
/// absent here answer through ``fallback(_:_:_:)``.
enum APICommands {
    static let implementations: [String: APIImplementation] = {
        var table: [String: APIImplementation] = [:]
        table.merge(statusCommands) { $1 }
        table.merge(simpleCommands) { $1 }
        table.merge(channelCommands) { $1 }
        table.merge(liveChannelCommands) { $1 }
        table["show"] = ShowCommand.run
        table["help"] = { _, core in ShowCommand.help(core) }
        table["console_complete"] = { argument, core in APIOutput(ConsoleCompleter(core: core).plain(argument)) }
        table["console_complete_xml"] = { argument, core in APIOutput(ConsoleCompleter(core: core).xml(argument)) }
        return table
    }()

    /// A plausible answer for a loaded command the mock does not simulate: the usage line when a
    /// required argument is missing, `-ERR No such channel!` for a `uuid_*` command naming no live
    /// channel, else `+OK`.
    static func fallback(_ info: APICommandInfo, _ argument: String, _ core: SwitchCore) -> APIOutput {
        if argument.isEmpty, info.syntax.hasPrefix("<") {
            return APIOutput("-USAGE: \(info.syntax)\n")
        }
        if info.name.hasPrefix("uuid_"), info.syntax.hasPrefix("<uuid>") {
            guard let uuid = argument.words.first, core.channelExists(uuid) else {
                return APIOutput("-ERR No such channel!\n")
            }
        }
        return APIOutput("+OK\n")
    }
}
