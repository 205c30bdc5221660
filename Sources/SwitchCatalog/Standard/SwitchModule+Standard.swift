/// The module set of the captured FreeSWITCH 1.11.1 (see the captures' README: mod_commands,
/// mod_dptools, mod_hash, mod_dialplan_xml, mod_loopback, mod_event_socket, mod_sndfile,
/// mod_tone_stream, mod_console, mod_logfile, and the core's built-in codecs and timer).
extension SwitchModule {
    /// Where the captured switch keeps its modules (`show module`, MODULE_LOAD's `filename`).
    public static let directory = "/opt/freeswitch-1.11/lib/freeswitch/mod"

    /// The names of every module the captured switch has loaded, in load order.
    public static let standardNames = [
        "CORE_SOFTTIMER_MODULE", "CORE_PCM_MODULE", "CORE_SPEEX_MODULE", "mod_console", "mod_logfile",
        "mod_event_socket", "mod_commands", "mod_dptools", "mod_hash", "mod_dialplan_xml", "mod_loopback",
        "mod_sndfile", "mod_tone_stream",
    ]

    /// Every module of the captured switch, with its interfaces.
    public static let standard: [SwitchModule] = standardNames.map { standard(named: $0) }

    /// The standard modules, with `legacy` the older releases' commands in mod_commands too.
    public static func standard(legacy: Bool) -> [SwitchModule] {
        legacy ? standardNames.map { standard(named: $0, legacy: true) } : standard
    }

    /// The standard module called `name` (also one of ``stock`` not loaded at start-up but on
    /// disk), or one with no interfaces when the captured switch has no such module file. With
    /// `legacy`, mod_commands also has ``APICommand/legacy``.
    public static func standard(named name: String, legacy: Bool = false) -> SwitchModule {
        if let module = stock(named: name) { return module }
        let commands = APICommand.standard + (legacy ? APICommand.legacy : [])
        let interfaces = commands.filter { $0.module == name }.map(SwitchInterface.init)
            + SwitchInterface.standardApplications.filter { $0.module == name }
            + SwitchInterface.standardOthers.filter { $0.module == name }
        let filename = name.hasPrefix("CORE_") ? "" : "\(directory)/\(name).so"
        return SwitchModule(name: name, filename: filename, interfaces: interfaces)
    }

    /// Whether the captured switch has a module file called `name` (what `load` can find): its
    /// own modules and the other modules of a stock build.
    public static func isAvailable(_ name: String) -> Bool {
        (standardNames.contains(name) && !name.hasPrefix("CORE_")) || stockNames.contains(name)
    }

    /// Every module file in ``directory``, sorted (what `load` completes).
    public static var availableNames: [String] {
        (standardNames.filter { $0.hasPrefix("mod_") } + stockNames).sorted()
    }
}
