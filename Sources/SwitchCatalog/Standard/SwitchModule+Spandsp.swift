/// mod_spandsp: fax, T.38, in-band DTMF, TDD and tone-detection applications and their API
/// commands (its codecs and modem endpoint are not listed yet).
extension SwitchModule {
    static let spandsp = onDisk("mod_spandsp", [
        .application("t38_gateway", "mod_spandsp", description: "Convert to T38 Gateway if tones are heard", syntax: ""),
        .application("rxfax", "mod_spandsp", description: "FAX Receive Application", syntax: "<filename>"),
        .application("txfax", "mod_spandsp", description: "FAX Transmit Application", syntax: "<filename>"),
        .application("stopfax", "mod_spandsp", description: "Stop FAX Application", syntax: ""),
        .application("spandsp_stop_dtmf", "mod_spandsp", description: "stop inband dtmf", syntax: ""),
        .application("spandsp_start_dtmf", "mod_spandsp", description: "Detect dtmf", syntax: ""),
        .application("spandsp_stop_inject_tdd", "mod_spandsp", description: "stop sending tdd", syntax: ""),
        .application("spandsp_inject_tdd", "mod_spandsp", description: "Send TDD data", syntax: ""),
        .application("spandsp_stop_detect_tdd", "mod_spandsp", description: "stop sending tdd", syntax: ""),
        .application("spandsp_detect_tdd", "mod_spandsp", description: "Detect TDD data", syntax: ""),
        .application("spandsp_send_tdd", "mod_spandsp", description: "Send TDD data", syntax: ""),
        .application("spandsp_start_fax_detect", "mod_spandsp", description: "start fax detect", syntax: "<app>[ <arg>][ <timeout>][ <tone_type>]"),
        .application("spandsp_stop_fax_detect", "mod_spandsp", description: "stop fax detect", syntax: ""),
        .application("spandsp_start_tone_detect", "mod_spandsp", description: "Start background tone detection with cadence", syntax: "<name>"),
        .application("spandsp_stop_tone_detect", "mod_spandsp", description: "Stop background tone detection with cadence", syntax: ""),
        SwitchInterface(.api, "spandsp_start_tone_detect", "mod_spandsp", description: "Start background tone detection with cadence", syntax: "<uuid> <name>"),
        SwitchInterface(.api, "spandsp_stop_tone_detect", "mod_spandsp", description: "Stop background tone detection with cadence", syntax: "<uuid>"),
        SwitchInterface(.api, "start_tdd_detect", "mod_spandsp", description: "Start background tdd detection", syntax: "<uuid>"),
        SwitchInterface(.api, "stop_tdd_detect", "mod_spandsp", description: "Stop background tdd detection", syntax: "<uuid>"),
        SwitchInterface(.api, "uuid_send_tdd", "mod_spandsp", description: "send tdd data to a uuid", syntax: "<uuid> <text>"),
    ], rows: [["spandsp_start_tone_detect", "::console::list_uuid"], ["spandsp_stop_tone_detect", "::console::list_uuid"],
              ["uuid_send_tdd", "::console::list_uuid"]])
}
