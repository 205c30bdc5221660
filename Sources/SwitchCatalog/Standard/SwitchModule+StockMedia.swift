/// The stock media, language, endpoint and logger modules: codecs under the names `show codec`
/// prints, English for `say`, the WebRTC media endpoint, and mod_syslog, which registers only a
/// logger (listed as `generic`).
extension SwitchModule {
    static let stockMedia: [SwitchModule] = [
        onDisk("mod_opus", [
            SwitchInterface(.codec, "OPUS (STANDARD)", "mod_opus"),
            SwitchInterface(.api, "opus_debug", "mod_opus", description: "Set OPUS Debug", syntax: "<on|off>"),
        ], rows: [["opus_debug", "on"], ["opus_debug", "off"]]),
        onDisk("mod_g723_1", [SwitchInterface(.codec, "G.723.1 6.3k", "mod_g723_1")]),
        onDisk("mod_g729", [SwitchInterface(.codec, "G.729", "mod_g729")]),
        // A stock build has no opencore-amr, so mod_amr is the pass-through codec without amr_debug.
        onDisk("mod_amr", [SwitchInterface(.codec, "AMR", "mod_amr")]),
        onDisk("mod_h26x", [
            SwitchInterface(.codec, "H.264 Video (passthru)", "mod_h26x"),
            SwitchInterface(.codec, "H.263 Video (passthru)", "mod_h26x"),
            SwitchInterface(.codec, "H.263+ Video (passthru)", "mod_h26x"),
            SwitchInterface(.codec, "H.263++ Video (passthru)", "mod_h26x"),
            SwitchInterface(.codec, "H.261 Video (passthru)", "mod_h26x"),
        ]),
        onDisk("mod_b64", [SwitchInterface(.codec, "B64 (STANDARD)", "mod_b64")]),
        onDisk("mod_say_en", [SwitchInterface(.say, "en", "mod_say_en")]),
        onDisk("mod_rtc", [SwitchInterface(.endpoint, "rtc", "mod_rtc")]),
        onDisk("mod_syslog", [SwitchInterface(.generic, "mod_syslog", "mod_syslog")]),
    ]
}
