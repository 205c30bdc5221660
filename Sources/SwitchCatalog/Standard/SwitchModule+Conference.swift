/// mod_conference: the `conference` API (its syntax built from the sub-command table, one
/// completion row per sub-command), the `conference` and `conference_set_auto_outcall`
/// applications and the `conf` chat protocol.
extension SwitchModule {
    /// The sub-commands of `conference`, in table order: the word `help` and completion print, and
    /// its argument syntax (`pause_play` prints as `pause`, so `pause` appears twice).
    public static let conferenceSubcommands: [(name: String, syntax: String)] = [
        ("list", "[delim <string>]|[count]"), ("xml_list", ""),
        ("energy", "<member_id|all|last|non_moderator> [<newval>]"),
        ("vid-canvas", "<member_id|all|last|non_moderator> [<newval>]"),
        ("vid-watching-canvas", "<member_id|all|last|non_moderator> [<newval>]"),
        ("vid-layer", "<member_id|all|last|non_moderator> [<newval>]"),
        ("volume_in", "<member_id|all|last|non_moderator> [<newval>]"),
        ("volume_out", "<member_id|all|last|non_moderator> [<newval>]"),
        ("position", "<member_id> <x>:<y>:<z>"), ("auto-3d-position", "[on|off]"),
        ("play", "<file_path> [async|<member_id> [nomux]]"), ("pause", "[<member_id>]"),
        ("file_seek", "[+-]<val> [<member_id>]"), ("say", "<text>"), ("saymember", "<member_id> <text>"),
        ("stop", "<[current|all|async|last]> [<member_id>]"),
        ("dtmf", "<[member_id|all|last|non_moderator]> <digits>"),
        ("kick", "<[member_id|all|last|non_moderator]> [<optional sound file>]"),
        ("hup", "<[member_id|all|last|non_moderator]>"),
        ("mute", "<[member_id|all]|last|non_moderator> [<quiet>]"),
        ("tmute", "<[member_id|all]|last|non_moderator> [<quiet>]"),
        ("unmute", "<[member_id|all]|last|non_moderator> [<quiet>]"),
        ("vmute", "<[member_id|all]|last|non_moderator> [<quiet>]"),
        ("tvmute", "<[member_id|all]|last|non_moderator> [<quiet>]"),
        ("vmute-snap", "<[member_id|all]|last|non_moderator>"),
        ("unvmute", "<[member_id|all]|last|non_moderator> [<quiet>]"),
        ("deaf", "<[member_id|all]|last|non_moderator>"), ("undeaf", "<[member_id|all]|last|non_moderator>"),
        ("relate", "<member_id> <other_member_id> [nospeak|nohear|clear]"),
        ("lock", ""), ("unlock", ""), ("agc", ""),
        ("dial", "<endpoint_module_name>/<destination> <callerid number> <callerid name>"),
        ("bgdial", "<endpoint_module_name>/<destination> <callerid number> <callerid name>"),
        ("transfer", "<conference_name> <member id> [...<member id>]"),
        ("record", "<filename>"), ("chkrecord", "<confname>"), ("norecord", "<[filename|all]>"),
        ("pause", "<filename>"), ("resume", "<filename>"),
        ("recording", "[start|stop|check|pause|resume] [<filename>|all]"),
        ("exit_sound", "on|off|none|file <filename>"), ("enter_sound", "on|off|none|file <filename>"),
        ("pin", "<pin#>"), ("nopin", ""), ("get", "<parameter-name>"),
        ("set", "<max_members|sound_prefix|caller_id_name|caller_id_number|endconference_grace_time> <value>"),
        ("file-vol", "<vol#>"), ("floor", "<member_id|last>"), ("vid-floor", "<member_id|last> [force]"),
        ("vid-banner", "<member_id|last> <text>"), ("vid-mute-img", "<member_id|last> [<path>|clear]"),
        ("vid-logo-img", "<member_id|last> [<path>|clear]"), ("vid-res-id", "<member_id|last> <val>|clear"),
        ("clear-vid-floor", ""), ("vid-layout", "<layout name>|group <group name> [<canvas id>]"),
        ("vid-write-png", "<path>"), ("vid-fps", "<fps>"), ("vid-bandwidth", "<BW>"),
    ]

    /// The `conference` API's syntax: each sub-command on its own line after two tabs.
    public static let conferenceSyntax = conferenceSubcommands
        .map { "\t\t" + ($0.syntax.isEmpty ? $0.name : "\($0.name) \($0.syntax)") }
        .joined(separator: "\n")

    static let conference = onDisk("mod_conference", [
        SwitchInterface(.api, "conference", "mod_conference", description: "Conference module commands", syntax: conferenceSyntax),
        .application("conference", "mod_conference", description: "conference", syntax: ""),
        .application("conference_set_auto_outcall", "mod_conference", description: "conference_set_auto_outcall", syntax: ""),
        SwitchInterface(.chat, "conf", "mod_conference"),
    ], rows: conferenceSubcommands.map { ["conference", "::conference::conference_list_conferences", $0.name] })
}
