import SwitchCatalog

/// ``APICommand/legacy``: only loaded with `fscli mock --legacy-commands`. The durations answer
/// as the `fsctl` subcommand of the same name (they read and set the same setting);
/// `uuid_debug_audio` is `uuid_debug_media` under its old name.
extension APICommands {
    static let legacyCommands: [String: APIImplementation] = {
        var table: [String: APIImplementation] = [:]
        for name in ["min_dtmf_duration", "max_dtmf_duration", "default_dtmf_duration"] {
            table[name] = { argument, core in FsctlCommand.run(argument.isEmpty ? name : "\(name) \(argument)", core) }
        }
        table["uuid_debug_audio"] = { argument, core in
            implementations["uuid_debug_media"].map { $0(argument, core) } ?? APIOutput("", failed: true)
        }
        return table
    }()
}
