/// The stock application and language modules: mod_db, mod_expr, mod_esf, mod_fsv,
/// mod_valet_parking, mod_lua, and the event handler mod_cdr_csv (no interface of its own, so
/// the core lists it as `generic`).
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
        onDisk("mod_valet_parking", [
            .application("valet_park", "mod_valet_parking", description: "valet_park",
                         syntax: "<lotname> <extension>|[ask [<min>] [<max>] [<to>] [<prompt>]|auto in [min] [max]]"),
            SwitchInterface(.api, "valet_info", "mod_valet_parking", description: "Valet Parking Info", syntax: "[<lot name>]"),
        ]),
        onDisk("mod_lua", [
            SwitchInterface(.api, "luarun", "mod_lua", description: "run a script", syntax: "<script>"),
            SwitchInterface(.api, "lua", "mod_lua", description: "run a script as an api function", syntax: "<script>"),
            .application("lua", "mod_lua", description: "Launch LUA ivr", syntax: "<script>"),
            SwitchInterface(.dialplan, "LUA", "mod_lua"),
            SwitchInterface(.chat, "lua", "mod_lua"),
            SwitchInterface(.jsonAPI, "lua", "mod_lua"),
        ]),
        onDisk("mod_cdr_csv", [SwitchInterface(.generic, "mod_cdr_csv", "mod_cdr_csv")]),
    ]
}
