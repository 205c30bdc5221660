/// The stock application, format and language modules: mod_db, mod_expr, mod_esf, mod_fsv,
/// mod_fifo, mod_valet_parking, mod_local_stream, mod_lua, and the event handlers mod_cdr_csv and
/// mod_cdr_sqlite (no interface of their own, so the core lists each as `generic`).
extension SwitchModule {
    static let stockApplications: [SwitchModule] = [
        onDisk("mod_db", [
            SwitchInterface(.limit, "db", "mod_db"),
            .application("db", "mod_db", description: "Insert to the db", syntax: "[insert|delete]/<realm>/<key>/<val>"),
            .application("group", "mod_db", description: "Manage a group", syntax: "[insert|delete]:<group name>:<val>"),
            SwitchInterface(.api, "db", "mod_db", description: "db get/set", syntax: "[insert|delete|select]/<realm>/<key>/<value>"),
            SwitchInterface(.api, "group", "mod_db", description: "group [insert|delete|call]", syntax: "[insert|delete|call]:<group name>:<url>"),
        ], rows: [["db", "insert"], ["db", "delete"], ["db", "select"], ["db", "exists"],
                  ["group", "insert"], ["group", "delete"], ["group", "call"]]),
        onDisk("mod_expr", [
            SwitchInterface(.api, "expr", "mod_expr", description: "Eval an expession", syntax: "<expr>"),
        ]),
        onDisk("mod_esf", [
            // Registered with no description and no syntax, so `show application` leaves it out.
            .application("esf_page_group", "mod_esf", description: "", syntax: ""),
        ]),
        onDisk("mod_fsv", [
            .application("play_fsv", "mod_fsv", description: "play an fsv file", syntax: "<file>"),
            .application("record_fsv", "mod_fsv", description: "record an fsv file", syntax: "<file>"),
        ]),
        onDisk("mod_fifo", [
            .application("fifo", "mod_fifo", description: "Park with FIFO",
                         syntax: "<fifo name>[!<importance_number>] [in [<announce file>|undef] [<music file>|undef] | out [wait|nowait] [<announce file>|undef] [<music file>|undef]]"),
            .application("fifo_track_call", "mod_fifo", description: "Count a call as a fifo call in the manual_calls queue", syntax: "<fifo_outbound_uuid>"),
            SwitchInterface(.api, "fifo", "mod_fifo", description: "Return data about a fifo", syntax: fifoSyntax),
            SwitchInterface(.api, "fifo_member", "mod_fifo", description: "Add members to a fifo", syntax: fifoMemberSyntax),
            SwitchInterface(.api, "fifo_add_outbound", "mod_fifo", description: "Add outbound members to a fifo", syntax: "<node> <url> [<priority>]"),
            SwitchInterface(.api, "fifo_check_bridge", "mod_fifo", description: "check if uuid is in a bridge", syntax: "<uuid>|<outbound_id>"),
        ], rows: [["fifo", "list"], ["fifo", "list_verbose"], ["fifo", "count"], ["fifo", "has_outbound"], ["fifo", "importance"],
                  ["fifo", "reparse"], ["fifo_check_bridge", "::console::list_uuid"]]),
        onDisk("mod_valet_parking", [
            .application("valet_park", "mod_valet_parking", description: "valet_park",
                         syntax: "<lotname> <extension>|[ask [<min>] [<max>] [<to>] [<prompt>]|auto in [min] [max]]"),
            SwitchInterface(.api, "valet_info", "mod_valet_parking", description: "Valet Parking Info", syntax: "[<lot name>]"),
        ]),
        onDisk("mod_local_stream", [
            SwitchInterface(.file, "local_stream", "mod_local_stream"),
            SwitchInterface(.api, "hup_local_stream", "mod_local_stream", description: "Skip to next file in local_stream", syntax: "<local_stream_name>"),
            SwitchInterface(.api, "reload_local_stream", "mod_local_stream", description: "Reloads a local_stream", syntax: "<local_stream_name>"),
            SwitchInterface(.api, "stop_local_stream", "mod_local_stream", description: "Stops and unloads a local_stream", syntax: "<local_stream_name>"),
            SwitchInterface(.api, "start_local_stream", "mod_local_stream", description: "Starts a new local_stream", syntax: "<local_stream_name>"),
            SwitchInterface(.api, "show_local_stream", "mod_local_stream", description: "Shows a local stream", syntax: "[local_stream_name [xml]]"),
        ]),
        onDisk("mod_lua", [
            SwitchInterface(.api, "luarun", "mod_lua", description: "run a script", syntax: "<script>"),
            SwitchInterface(.api, "lua", "mod_lua", description: "run a script as an api function", syntax: "<script>"),
            .application("lua", "mod_lua", description: "Launch LUA ivr", syntax: "<script>"),
            SwitchInterface(.dialplan, "LUA", "mod_lua"),
            // A chat application: the loader announces and lists it as an application too.
            .application("lua", "mod_lua", description: "execute a lua script", syntax: "<script>"),
            SwitchInterface(.jsonAPI, "lua", "mod_lua"),
        ]),
        onDisk("mod_cdr_csv", [SwitchInterface(.generic, "mod_cdr_csv", "mod_cdr_csv")]),
        onDisk("mod_cdr_sqlite", [SwitchInterface(.generic, "mod_cdr_sqlite", "mod_cdr_sqlite")]),
    ]

    /// `fifo`'s syntax, which it also prints for no argument.
    public static let fifoSyntax = "list|list_verbose|count|debug|status|importance [<fifo name>]|reparse [del_all]"
    /// `fifo_member`'s syntax, which its usage line prints.
    public static let fifoMemberSyntax =
        "[add <fifo_name> <originate_string> [<simo_count>] [<timeout>] [<lag>] [<expires>] [<taking_calls>] | del <fifo_name> <originate_string>]"
}
