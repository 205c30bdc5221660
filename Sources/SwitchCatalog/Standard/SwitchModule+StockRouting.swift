/// The stock modules that route calls or fetch what a call runs: mod_enum (ENUM lookups, as an
/// API, an application and a dialplan), mod_dialplan_asterisk (the `asterisk` dialplan, its
/// emulated applications and its SIP/IAX2 facades) and mod_httapi (HTTP-driven calls and the
/// `http`/`https` file formats).
extension SwitchModule {
    static let stockRouting: [SwitchModule] = [
        onDisk("mod_enum", [
            SwitchInterface(.api, "enum", "mod_enum", description: "ENUM", syntax: ""),
            SwitchInterface(.api, "enum_auto", "mod_enum", description: "ENUM", syntax: ""),
            .application("enum", "mod_enum", description: "Perform an ENUM lookup", syntax: "[reload | <number> [<root>]]"),
            SwitchInterface(.dialplan, "enum", "mod_enum"),
        ]),
        onDisk("mod_dialplan_asterisk", [
            SwitchInterface(.dialplan, "asterisk", "mod_dialplan_asterisk"),
            .application("Dial", "mod_dialplan_asterisk", description: "Dial", syntax: "Dial"),
            .application("Goto", "mod_dialplan_asterisk", description: "Goto", syntax: "Goto"),
            .application("AvoidingDeadlock", "mod_dialplan_asterisk", description: "Avoid", syntax: "Avoid"),
            SwitchInterface(.endpoint, "SIP", "mod_dialplan_asterisk"),
            SwitchInterface(.endpoint, "IAX2", "mod_dialplan_asterisk"),
        ]),
        onDisk("mod_httapi", [
            SwitchInterface(.file, "http", "mod_httapi"),
            SwitchInterface(.file, "https", "mod_httapi"),
            SwitchInterface(.api, "httapi", "mod_httapi", description: "HT-TAPI Hypertext Telephony API", syntax: "[debug_on|debug_off]"),
            .application("httapi", "mod_httapi", description: "HT-TAPI Hypertext Telephony API", syntax: "{<param1>=<val1>}"),
        ], rows: [["httapi", "debug_on"], ["httapi", "debug_off"]]),
    ]
}
