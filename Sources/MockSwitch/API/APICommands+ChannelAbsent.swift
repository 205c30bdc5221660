/// What the channel commands answer when the channel they name does not exist (capture 66): the
/// usage without arguments, else each command's own "not found" text. The call simulation's
/// implementations (``channelCommands``) replace these where they exist.
extension APICommands {
    static let absentChannelCommands: [String: ChannelAbsence] = Dictionary(
        ChannelAbsence.all.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
}

/// One channel command's texts: its usage line and its answer for an unknown UUID.
struct ChannelAbsence {
    var name: String
    var usage: String
    var absent: String
    var minimumWords = 1
    var uuidAfterOff = false

    static let noChannel = "-ERR No such channel!\n"

    /// The usage without enough arguments, the "not found" text for a channel that is not up;
    /// `nil` for a live channel, which the call simulation answers.
    func answer(_ argument: String, _ core: SwitchCore) -> APIOutput? {
        let words = argument.words
        guard words.count >= minimumWords else { return APIOutput(usage) }
        let flag = ["off", "toggle"].contains(words[0].lowercased())
        let uuid = uuidAfterOff && flag ? (words.count > 1 ? words[1] : "") : words[0]
        return core.channelExists(uuid) ? nil : APIOutput(absent)
    }

    /// For a command the call simulation does not implement: these texts, and the usage line for
    /// a live channel.
    var withoutChannel: APIImplementation {
        { argument, core in answer(argument, core) ?? APIOutput(usage) }
    }

    static let all: [ChannelAbsence] = {
        var list: [ChannelAbsence] = [
            ChannelAbsence(name: "uuid_setvar_multi", usage: "-USAGE: <uuid> <var>=<value>;<var>=<value>...\n",
                           absent: "-ERR No such channel!\n-USAGE: <uuid> <var>=<value>;<var>=<value>...\n", minimumWords: 2),
            ChannelAbsence(name: "uuid_dump", usage: "-USAGE: <uuid> [format]\n", absent: noChannel),
            ChannelAbsence(name: "uuid_transfer", usage: "-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n", absent: noChannel, minimumWords: 2),
            ChannelAbsence(name: "uuid_bridge", usage: "-USAGE: <uuid> <other_uuid>\n", absent: "-ERR Invalid uuid\n", minimumWords: 2),
            ChannelAbsence(name: "uuid_broadcast", usage: "-USAGE: <uuid> <path> [aleg|bleg|holdb|both]\n", absent: "-ERR invalid uuid\n", minimumWords: 2),
            ChannelAbsence(name: "uuid_park", usage: noChannel, absent: noChannel),
            // uuid_hold answers success for any UUID: it only queues a message to the session.
            ChannelAbsence(name: "uuid_hold", usage: "-USAGE: [off|toggle] <uuid> [<display>]\n-ERR Operation failed\n", absent: "+OK Success\n", uuidAfterOff: true),
            ChannelAbsence(name: "uuid_send_dtmf", usage: "-USAGE: <uuid> <dtmf_data>\n", absent: "-ERR Cannot locate session!\n", minimumWords: 2),
            ChannelAbsence(name: "uuid_record", usage: "-USAGE: <uuid> [start|stop|mask|unmask] <path> [<limit>] [<recording_vars>]\n", absent: "-ERR Cannot locate session!\n", minimumWords: 3),
            ChannelAbsence(name: "uuid_break", usage: "-USAGE: <uuid> [all]\n", absent: noChannel),
            ChannelAbsence(name: "uuid_display", usage: "-USAGE: <uuid> <display>\n", absent: "-ERR Operation failed\n", minimumWords: 2),
            ChannelAbsence(name: "uuid_flush_dtmf", usage: "-ERR No such session\n", absent: "-ERR No such session\n"),
            ChannelAbsence(name: "uuid_getvar", usage: "-USAGE: <uuid> <var>\n", absent: noChannel, minimumWords: 2),
            ChannelAbsence(name: "uuid_setvar", usage: "-USAGE: <uuid> <var> [value]\n", absent: noChannel, minimumWords: 2),
            ChannelAbsence(name: "uuid_kill", usage: "-USAGE: <uuid> [cause]\n", absent: noChannel),
        ]
        // The others follow mod_commands' common pattern: `-USAGE: <syntax>` without arguments,
        // `-ERR No such channel!` for an unknown UUID.
        let named = Set(list.map(\.name))
        for command in SwitchCatalogCommands.channelCommands where !named.contains(command.name) {
            list.append(ChannelAbsence(name: command.name, usage: "-USAGE: \(command.syntax)\n", absent: noChannel))
        }
        return list
    }()
}
