/// Commands of older FreeSWITCH releases that 1.11 no longer has: the mock offers them only when
/// asked (`fscli mock --legacy-commands`), so an application tested against it fails where 1.11
/// would.
extension APICommand {
    /// The three DTMF durations (what `fsctl` reads and sets) and `uuid_debug_audio`, the old name
    /// of `uuid_debug_media`.
    public static let legacy: [APICommand] = [
        APICommand(name: "default_dtmf_duration", syntax: "[<num>]", description: "Set default_dtmf_duration", module: "mod_commands"),
        APICommand(name: "max_dtmf_duration", syntax: "[<num>]", description: "Set max_dtmf_duration", module: "mod_commands"),
        APICommand(name: "min_dtmf_duration", syntax: "[<num>]", description: "Set min_dtmf_duration", module: "mod_commands"),
        APICommand(name: "uuid_debug_audio", syntax: "<uuid> <read|write|both> <on|off>", description: "Debug audio", module: "mod_commands"),
    ]
}
