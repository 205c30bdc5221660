/// Context `default` of the captured switch: FreeSWITCH's stock `conf/dialplan/default.xml` (the
/// extensions, conditions and break modes capture 31's trace walks, in its order) plus the
/// captures' own `capture_park`. Actions are given where the mock runs them; an extension
/// without any still matches and ends the hunt, but the call then has no route.
/// Where the captures' switch ran other applications than the stock file (`wait`, 5000, 9664),
/// the captures' applications are used.
extension Dialplan {
    /// The extensions of context `default`, in order.
    public static let stockDefault: [Extension] = [
        Extension("unloop", [
            .field("${unroll_loops}", "^true$"),
            .field("${sip_looped_call}", "^true$", [Step("deflect", "${destination_number}")]),
        ]),
        Extension("tod_example", continues: true, [.time(DateTimeMatch(wday: 2...6, hour: 9...18), [Step("set", "open=true")])]),
        Extension("holiday_example", continues: true, holidays.map { .time($0, [Step("set", "open=false")]) }),
        Extension("global-intercept", [.destination("^886$")]),
        Extension("group-intercept", [.destination("^\\*8$")]),
        Extension("intercept-ext", [.destination("^\\*\\*(\\d+)$")]),
        Extension("redial", [.destination("^(redial|870)$")]),
        Extension("global", continues: true, [
            .field("${call_debug}", "^true$", breaks: .never, [Step("info")]),
            .field("${default_password}", "^1234$", breaks: .never, defaultPasswordWarning),
            .field("${rtp_has_crypto}", "^(\(sdesSuites))$", breaks: .never, [Step("set", "rtp_secure_media=true")]),
            .field("${endpoint_disposition}", "^(DELAYED NEGOTIATION)"),
            .field("${switch_r_sdp}", "(AES_CM_128_HMAC_SHA1_32|AES_CM_128_HMAC_SHA1_80)", breaks: .never, [Step("set", "rtp_secure_media=true")]),
            Condition(.always, [
                Step("hash", "insert/${domain_name}-spymap/${caller_id_number}/${uuid}"),
                Step("hash", "insert/${domain_name}-last_dial/${caller_id_number}/${destination_number}"),
                Step("hash", "insert/${domain_name}-last_dial/global/${uuid}"),
                Step("export", "RFC2822_DATE=${strftime(%a, %d %b %Y %T %z)}"),
            ]),
        ]),
        Extension("eavesdrop", [.destination("^88(\\d{4})$|^\\*0(.*)$")]),
        Extension("eavesdrop", [.destination("^779$")]),
        Extension("call_return", [.destination("^\\*69$|^869$|^lcr$")]),
        Extension("del-group", [.destination("^80(\\d{2})$")]),
        Extension("add-group", [.destination("^81(\\d{2})$")]),
        Extension("call-group-simo", [.destination("^82(\\d{2})$")]),
        Extension("call-group-order", [.destination("^83(\\d{2})$")]),
        Extension("extension-intercom", [.destination("^8(10[01][0-9])$")]),
        Extension("Local_Extension", [.destination("^(10[01][0-9])$")]),
        Extension("Local_Extension_Skinny", [.destination("^(11[01][0-9])$")]),
        Extension("group_dial_sales", [.destination("^2000$")]),
        Extension("group_dial_support", [.destination("^2001$")]),
        Extension("group_dial_billing", [.destination("^2002$")]),
        Extension("operator", [.destination("^(operator|0)$")]),
        Extension("vmain", [.destination("^vmain$|^4000$|^\\*98$")]),
        Extension("nb_conferences", [.destination("^(30\\d{2})$")]),
        Extension("wb_conferences", [.destination("^(31\\d{2})$")]),
        Extension("uwb_conferences", [.destination("^(32\\d{2})$")]),
        Extension("cdquality_conferences", [.destination("^(33\\d{2})$")]),
        Extension("cdquality_stereo_conferences", [.destination("^(35\\d{2}).*?-screen$")]),
        Extension("conference-canvases", continues: true, [.destination("(35\\d{2})-canvas-(\\d+)")]),
        Extension("conf mod", [.destination("^6070-moderator$")]),
        Extension("cdquality_conferences", [.destination("^(35\\d{2})$")]),
        Extension("cdquality_conferences_720", [.destination("^(36\\d{2})$")]),
        Extension("cdquality_conferences_480", [.destination("^(37\\d{2})$")]),
        Extension("cdquality_conferences_320", [.destination("^(38\\d{2})$")]),
        Extension("freeswitch_public_conf_via_sip", [.destination("^9(888|8888|1616|3232)$")]),
        Extension("mad_boss_intercom", [.destination("^0911$")]),
        Extension("mad_boss_intercom", [.destination("^0912$")]),
        Extension("mad_boss", [.destination("^0913$")]),
        // The captures' 5000 bridges to a directory user (the stock IVR needs mod_ivr's menus).
        Extension("ivr_demo", [.destination("^5000$", [Step("bridge", "user/1000")])]),
        Extension("dynamic_conference", [.destination("^5001$")]),
        Extension("rtp_multicast_page", [.destination("^pagegroup$|^7243$")]),
        Extension("park", [.destination("^5900$")]),
        Extension("unpark", [.destination("^5901$")]),
        Extension("valet_park", [.destination("^(6000)$")]),
        Extension("valet_park", [.destination("^((?!6000)60\\d{2})$")]),
        Extension("park", [.field("source", "mod_sofia"), .destination("park\\+(\\d+)")]),
        Extension("unpark", [.field("source", "mod_sofia"), .destination("^parking$"), .field("${sip_to_params}", "fifo\\=(\\d+)")]),
        Extension("park", [.field("source", "mod_sofia"), .destination("callpark"),
                           .field("${sip_refer_to}", "<sip:callpark@${domain_name};orbit=(\\d+)>")]),
        Extension("unpark", [.field("source", "mod_sofia"), .destination("pickup"), .field("${sip_to_params}", "orbit\\=(\\d+)")]),
        // Rings ten seconds unanswered: the captures' `originate_timeout` test (67) gives up inside.
        Extension("wait", [.destination("^wait$", [Step("sleep", "10000"), Step("answer"), Step("park")])]),
        Extension("fax_receive", [.destination("^9178$")]),
        Extension("fax_transmit", [.destination("^9179$")]),
        Extension("ringback_180", [.destination("^9180$")]),
        Extension("ringback_183_uk_ring", [.destination("^9181$")]),
        Extension("ringback_183_music_ring", [.destination("^9182$")]),
        Extension("ringback_post_answer_uk_ring", [.destination("^9183$")]),
        Extension("ringback_post_answer_music", [.destination("^9184$")]),
        Extension("ClueCon", [.destination("^9191$")]),
        Extension("show_info", [.destination("^9192$", [Step("answer"), Step("info"), Step("sleep", "250"), Step("hangup")])]),
        Extension("video_record", [.destination("^9193$")]),
        Extension("video_playback", [.destination("^9194$")]),
        Extension("delay_echo", [.destination("^9195$")]),
        Extension("echo", [.destination("^9196$", [Step("answer"), Step("echo")])]),
        Extension("milliwatt", [.destination("^9197$")]),
        Extension("tone_stream", [.destination("^9198$")]),
        // The captures' 9664 plays a two-second tone (capture 69) instead of music on hold.
        Extension("hold_music", [.destination("^9664$", [Step("answer"), Step("playback", "tone_stream://%(2000,0,440)")])]),
        Extension("laugh break", [.destination("^9386$")]),
        Extension("capture_park", [.destination("^7000$", [Step("answer"), Step("park")])]),
    ]

    /// `$${rtp_sdes_suites}` of the stock vars.xml, as the pre-processor leaves it in the expression.
    static let sdesSuites = ["AEAD_AES_256_GCM_8", "AEAD_AES_128_GCM_8", "AES_CM_256_HMAC_SHA1_80", "AES_CM_192_HMAC_SHA1_80",
                             "AES_CM_128_HMAC_SHA1_80", "AES_CM_256_HMAC_SHA1_32", "AES_CM_192_HMAC_SHA1_32",
                             "AES_CM_128_HMAC_SHA1_32", "AES_CM_128_NULL_AUTH"].joined(separator: "|")

    /// What `global` does while `default_password` is still 1234: four CRIT lines and ten seconds' wait.
    static let defaultPasswordWarning: [Step] = [
        Step("log", "CRIT WARNING WARNING WARNING WARNING WARNING WARNING WARNING WARNING WARNING "),
        Step("log", "CRIT Open /usr/local/freeswitch/conf/vars.xml and change the default_password."),
        Step("log", "CRIT Once changed type 'reloadxml' at the console."),
        Step("log", "CRIT WARNING WARNING WARNING WARNING WARNING WARNING WARNING WARNING WARNING "),
        Step("sleep", "10000"),
    ]

    /// `holiday_example`'s US federal holidays, one condition each.
    static let holidays = [
        DateTimeMatch(mon: 1...1, mday: 1...1),
        DateTimeMatch(mon: 1...1, wday: 2...2, mweek: 3...3),
        DateTimeMatch(mon: 2...2, wday: 2...2, mweek: 3...3),
        DateTimeMatch(mon: 5...5, mday: 25...31, wday: 2...2),
        DateTimeMatch(mon: 7...7, mday: 4...4),
        DateTimeMatch(mon: 9...9, mday: 1...7, wday: 2...2),
        DateTimeMatch(mon: 10...10, wday: 2...2, mweek: 2...2),
        DateTimeMatch(mon: 11...11, mday: 11...11),
        DateTimeMatch(mon: 11...11, wday: 5...6, mweek: 4...4),
        DateTimeMatch(mon: 12...12, mday: 25...25),
    ]
}
