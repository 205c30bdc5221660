/// `fsctl` (switch_core_session_ctl; capture 63): reads and sets the core settings.
enum FsctlCommand {
    static func run(_ argument: String, _ core: SwitchCore) -> APIOutput {
        let syntax = core.modules.command(named: "fsctl")?.syntax ?? ""
        let words = argument.words
        guard let sub = words.first?.lowercased() else { return APIOutput("-USAGE: \(syntax)\n") }
        let value = words.count > 1 ? words[1] : nil
        if sub == "hupall" {
            // Every call hangs up with MANAGER_REQUEST, as `hupall` without a cause does.
            var output = APICommands.hupall("", core)
            output.text = "+OK\n"
            return output
        }
        return core.commandState.withLockedValue { state -> APIOutput in
            var s = state.settings
            defer { state.settings = s }
            switch sub {
            case "loglevel":
                // No argument passes -1, which leaves the level as it is and reports it.
                var level = s.logLevel
                if let value {
                    if let number = Int(value) {
                        level = min(max(number, 0), 7)
                    } else if let named = LogLineFactory.level(named: value) {
                        level = named
                    } else {
                        return APIOutput("-ERR syntax error, log level not set!\n")
                    }
                }
                s.logLevel = level
                let name = level < 0 ? "DISABLE" : LogLineFactory.levelName(level)
                return APIOutput("+OK log level: \(name) [\(level)]\n")
            // The limits live with the figures `status` and HEARTBEAT print.
            case "sps":
                if let value, CNumber.atol(value) > 0 { core.updateStatistics { $0.sessionsPerSecondLimit = CNumber.atol(value) } }
                return APIOutput("+OK sessions per second: \(core.statistics.sessionsPerSecondLimit)\n")
            case "last_sps":
                return APIOutput("+OK last sessions per second: \(core.statistics.sessionsPerSecondLast)\n")
            case "max_sessions":
                if let value, CNumber.atol(value) != 0 { core.updateStatistics { $0.maxSessions = CNumber.atol(value) } }
                return APIOutput("+OK max sessions: \(core.statistics.maxSessions)\n")
            case "min_dtmf_duration":
                if let value, let number = Int(value) { s.minDTMFDuration = number }
                return APIOutput("+OK min dtmf duration: \(s.minDTMFDuration)\n")
            case "max_dtmf_duration":
                if let value, let number = Int(value) { s.maxDTMFDuration = number }
                return APIOutput("+OK max dtmf duration: \(s.maxDTMFDuration)\n")
            case "default_dtmf_duration":
                if let value, let number = Int(value) { s.defaultDTMFDuration = number }
                return APIOutput("+OK default dtmf duration: \(s.defaultDTMFDuration)\n")
            case "debug_level":
                if let value, let number = Int(value) { s.debugLevel = number }
                return APIOutput("+OK DEBUG level: \(s.debugLevel)\n")
            case "verbose_events":
                if let value { s.verboseEvents = ["on", "true", "yes", "1"].contains(value.lowercased()) }
                return APIOutput("+OK verbose_events is \(s.verboseEvents ? "on" : "off") \n")
            case "api_expansion":
                if let value { s.apiExpansion = ["on", "true", "yes", "1"].contains(value.lowercased()) }
                return APIOutput("+OK api_expansion is \(s.apiExpansion ? "on" : "off") \n")
            case "threaded_system_exec":
                return APIOutput("+OK threaded_system_exec is false \n")
            case "min_idle_cpu":
                // A value (atof) sets the floor; none reads it. The switch's format ends in a bare `%`.
                if let value {
                    let number = Double(String(value.prefix { "0123456789.+-".contains($0) })) ?? 0
                    if number >= 0 { core.updateStatistics { $0.minimumIdleCPU = number } }
                }
                let floor = core.statistics.minimumIdleCPU
                return APIOutput(floor == 0 ? "+OK min idle cpu: DISABLED\n" : "+OK min idle cpu: \(CFormat.fixed(floor, decimals: 2))%\n")
            case "sps_peak_reset":
                core.updateStatistics { $0.sessionsPerSecondPeak = 0 }
                return APIOutput("+OK max sessions per second counter reset\n")
            case "debug_sql":
                s.debugSQL.toggle()
                return APIOutput("+OK SQL DEBUG [\(s.debugSQL ? "on" : "off")]\n")
            case "recover":
                // No channel is recorded for recovery; `flush[:tech[:profile]]` empties the table.
                return APIOutput(value?.lowercased().split(separator: ":").first == "flush" ? "+OK flushed\n" : "+OK 0 session(s) recovered in total\n")
            case "mdns_resolve":
                guard let value, ["enable", "disable"].contains(value.lowercased()) else {
                    return APIOutput("-ERR Invalid command\nUSAGE: fsctl \(syntax)\n")
                }
                return APIOutput("+OK\n")
            case "uuid_version":
                if let value, let number = Int(value), number == 4 || number == 7 { s.uuidVersion = number }
                return APIOutput("+OK set uuid version: \(s.uuidVersion)\n")
            case "shutdown_check":
                return APIOutput("false")
            case "pause", "resume":
                // Without a direction both ways; anything else but inbound or outbound too.
                let pausing = sub == "pause"
                switch value?.lowercased() {
                case "inbound": s.pausedInbound = pausing
                case "outbound": s.pausedOutbound = pausing
                default: (s.pausedInbound, s.pausedOutbound) = (pausing, pausing)
                }
                return APIOutput("+OK\n")
            case "pause_check":
                let paused = switch value?.lowercased() {
                case "inbound": s.pausedInbound
                case "outbound": s.pausedOutbound
                default: s.pausedInbound && s.pausedOutbound
                }
                return APIOutput(paused ? "true" : "false")
            case "ready_check":
                // Ready means no way is paused.
                return APIOutput(s.pausedInbound || s.pausedOutbound ? "false" : "true")
            case "shutdown":
                var output = APIOutput("+OK\n")
                output.shutdown = ShutdownRequest(fsctlWords: Array(words.dropFirst()))
                return output
            case "send_sighup", "reclaim_mem", "flush_db_handles", "calibrate_clock", "save_history":
                return APIOutput("+OK\n")
            case "sql":
                return APIOutput(value == nil ? "" : "+OK\n")
            case "sync_clock":
                return APIOutput("+OK clock synchronized\n")
            case "sync_clock_when_idle":
                // With calls up the switch waits for them to end.
                return APIOutput(core.channels.isEmpty ? "+OK clock synchronized\n" : "+OK clock will synchronize when there are no more calls\n")
            default:
                return APIOutput("-ERR Invalid command\nUSAGE: fsctl \(syntax)\n")
            }
        }
    }
}

extension SwitchCore {
    /// Whether a new outbound session may be made (not after `fsctl pause` or `pause outbound`).
    var acceptsOutboundSessions: Bool {
        !commandState.withLockedValue { $0.settings.pausedOutbound }
    }
}
