import SwitchCatalog

/// mod_spandsp's API commands, which act on a channel: they check their arguments, then find
/// the channel. No tone descriptor is configured, so a tone detector never starts.
extension APICommands {
    static let spandspCommands: [String: APIImplementation] = [
        "spandsp_start_tone_detect": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR missing uuid\n") }
            let (uuid, descriptor) = splitFirstWord(argument)
            guard !descriptor.isEmpty else { return APIOutput("-ERR missing descriptor name\n") }
            guard core.channelExists(uuid) else { return APIOutput("-ERR Cannot locate session\n") }
            return APIOutput("-ERR failed to start tone detector\n")
        },
        "spandsp_stop_tone_detect": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR missing session UUID\n") }
            return APIOutput(core.channelExists(argument) ? "+OK stopped\n" : "-ERR Cannot locate session\n")
        },
        "start_tdd_detect": { argument, core in
            APIOutput(core.channelExists(argument) ? "+OK started\n" : "-ERR Cannot locate session\n")
        },
        "stop_tdd_detect": { argument, core in
            APIOutput(core.channelExists(argument) ? "+OK stopped\n" : "-ERR Cannot locate session\n")
        },
        "uuid_send_tdd": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR missing uuid\n") }
            let (uuid, text) = splitFirstWord(argument)
            guard !text.isEmpty else { return APIOutput("-ERR missing text\n") }
            return APIOutput(core.channelExists(uuid) ? "+OK\n" : "-ERR Cannot locate session\n")
        },
    ]

    /// The text before the first space, and everything after it.
    private static func splitFirstWord(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(of: " ") else { return (text, "") }
        return (String(text[..<space]), String(text[text.index(after: space)...]))
    }
}
