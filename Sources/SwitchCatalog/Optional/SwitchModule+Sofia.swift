/// mod_sofia, the SIP endpoint: not loaded by the captured switch, offered by `fscli mock --module
/// sofia`. Its commands, applications and interfaces are those `mod_sofia_load` registers in
/// FreeSWITCH 1.10/1.11 (`mod_sofia.c`), in registration order.
extension SwitchModule {
    /// The modules a mock may add to the captured set (`--module NAME` takes the name without `mod_`).
    public static let optionalNames = ["mod_sofia"]

    /// mod_sofia with its interfaces.
    public static let sofia = SwitchModule(name: "mod_sofia", filename: "\(directory)/mod_sofia.so", interfaces: [
        SwitchInterface(.endpoint, "sofia", "mod_sofia"),
        // crtp_init, called from the same load function, adds the `rtp` endpoint.
        SwitchInterface(.endpoint, "rtp", "mod_sofia"),
        SwitchInterface(.management, "1001", "mod_sofia"),
        SwitchInterface(.jsonAPI, "sofia.status", "mod_sofia", description: "sofia status JSON API"),
        SwitchInterface(.jsonAPI, "sofia.status.info", "mod_sofia", description: "sofia status JSON API"),
        .application("sofia_sla", "mod_sofia", description: "private sofia sla function", syntax: "<uuid>"),
        .application("sofia_stir_shaken_vs", "mod_sofia",
                     description: "Verify SIP Identity header and store result in sip_verstat channel variable", syntax: ""),
    ] + APICommand.sofia.map(SwitchInterface.init) + [
        SwitchInterface(.chat, "sip", "mod_sofia"),
    ], completionRows: CompletionRows.sofia)

    /// The optional module called `name` (`mod_sofia`), or `nil`.
    public static func optional(named name: String) -> SwitchModule? {
        name == sofia.name ? sofia : nil
    }
}

extension APICommand {
    /// mod_sofia's API commands, in registration order.
    public static let sofia: [APICommand] = [
        APICommand(name: "sofia", syntax: "<cmd> <args>", description: "Sofia Controls", module: "mod_sofia"),
        APICommand(name: "sofia_gateway_data", syntax: "<gateway_name> [ivar|ovar|var] <name>",
                   description: "Get data from a sofia gateway", module: "mod_sofia"),
        APICommand(name: "sofia_username_of", syntax: "[profile/]<user>@<domain>", description: "Sofia Username Lookup", module: "mod_sofia"),
        APICommand(name: "sofia_contact", syntax: "[profile/]<user>@<domain>", description: "Sofia Contacts", module: "mod_sofia"),
        APICommand(name: "sofia_count_reg", syntax: "[profile/]<user>@<domain>", description: "Count Sofia registration", module: "mod_sofia"),
        APICommand(name: "sofia_dig", syntax: "<url>", description: "SIP DIG", module: "mod_sofia"),
        APICommand(name: "sofia_presence_data", syntax: "[list|status|rpid|user_agent] [profile/]<user>@domain",
                   description: "Sofia Presence Data", module: "mod_sofia"),
    ]
}

extension CompletionRows {
    /// The rows mod_sofia adds at load (its `switch_console_set_complete` calls, one row each);
    /// it removes every `sofia` row when it unloads.
    public static let sofia: [[String]] = [
        ["sofia", "::[help:status"],
        ["sofia", "status", "profile", "::sofia::list_profiles", "::[reg:user:pres"],
        ["sofia", "status", "gateway", "::sofia::list_gateways"],
        ["sofia", "loglevel", "::[all:default:tport:iptsec:nea:nta:nth_client:nth_server:nua:soa:sresolv:stun", "::[0:1:2:3:4:5:6:7:8:9"],
        ["sofia", "tracelevel", "::[console:alert:crit:err:warning:notice:info:debug"],
        ["sofia", "global", "::[siptrace::standby::capture::watchdog", "::[on:off"],
        ["sofia", "global", "debug", "::[presence:sla:none"],
        ["sofia", "profile", "restart", "all"],
        ["sofia", "profile", "::sofia::list_profiles", "::[start:rescan:restart:check_sync"],
        ["sofia", "profile", "::sofia::list_profiles", "stop", "wait"],
        ["sofia", "profile", "::sofia::list_profiles", "flush_inbound_reg", "reboot"],
        ["sofia", "profile", "::sofia::list_profiles", "::[register:unregister", "all"],
        ["sofia", "profile", "::sofia::list_profiles", "::[register:unregister:killgw:startgw", "::sofia::list_profile_gateway"],
        ["sofia", "profile", "::sofia::list_profiles", "killgw", "_all_"],
        ["sofia", "profile", "::sofia::list_profiles", "startgw", "_all_"],
        ["sofia", "profile", "::sofia::list_profiles", "::[siptrace:capture:watchdog", "::[on:off"],
        ["sofia", "profile", "::sofia::list_profiles", "gwlist", "::[up:down"],
        ["sofia", "recover", "flush"],
        ["sofia", "xmlstatus", "profile", "::sofia::list_profiles", "reg"],
        ["sofia", "xmlstatus", "gateway", "::sofia::list_gateways"],
    ]
}
