/// The global variables a stock FreeSWITCH has after start-up (`switch_core_set_globals`, vars.xml),
/// for `global_getvar`. Paths are the default `/usr/local/freeswitch` layout.
enum GlobalVariables {
    static func defaults(identity: SwitchIdentity) -> [String: String] {
        let base = "/usr/local/freeswitch"
        return [
            "hostname": identity.hostname,
            "switch_serial": identity.coreUUID,
            "core_uuid": identity.coreUUID,
            "local_ip_v4": identity.ipv4,
            "local_mask_v4": "255.255.255.0",
            "local_ip_v6": identity.ipv6,
            "base_dir": base,
            "recordings_dir": base + "/recordings",
            "sound_prefix": base + "/sounds/en/us/callie",
            "sounds_dir": base + "/sounds",
            "conf_dir": base + "/conf",
            "log_dir": base + "/log",
            "run_dir": base + "/run",
            "db_dir": base + "/db",
            "mod_dir": base + "/mod",
            "htdocs_dir": base + "/htdocs",
            "script_dir": base + "/scripts",
            "temp_dir": "/tmp",
            "grammar_dir": base + "/grammar",
            "certs_dir": base + "/certs",
            "storage_dir": base + "/storage",
            "cache_dir": base + "/cache",
            "data_dir": base,
            "localstate_dir": base,
            "zrtp_enabled": "false",
            "nat_public_addr": identity.ipv4,
            "nat_private_addr": identity.ipv4,
            "nat_type": "none",
            // The captured switch had changed vars.xml's 1234 (capture 31's dialplan trace shows
            // it), so the stock `global` extension does not warn and wait ten seconds per call.
            "default_password": "capture-not-1234",
            "unroll_loops": "true",
            "call_debug": "false",
            "domain": identity.ipv4,
            "domain_name": identity.ipv4,
            "use_profile": "external",
            "default_areacode": "918",
            "default_country": "US",
            "hold_music": "local_stream://moh",
            "console_loglevel": "info",
            "outbound_caller_name": "FreeSWITCH",
            "outbound_caller_id": "0000000000",
        ]
    }
}
