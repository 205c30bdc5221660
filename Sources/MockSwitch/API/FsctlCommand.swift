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
                // No argument passes -1: the level becomes DISABLE.
                var level = -1
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
                if let value, let number = Int(value) { core.updateStatistics { $0.sessionsPerSecondLimit = number } }
                return APIOutput("+OK sessions per second: \(core.statistics.sessionsPerSecondLimit)\n")
            case "last_sps":
                return APIOutput("+OK last sessions per second: \(core.statistics.sessionsPerSecondLast)\n")
            case "max_sessions":
                if let value, let number = Int(value) { core.updateStatistics { $0.maxSessions = number } }
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
                return APIOutput("+OK min idle cpu: DISABLED\n")
            case "uuid_version":
                if let value, let number = Int(value), number == 4 || number == 7 { s.uuidVersion = number }
                return APIOutput("+OK set uuid version: \(s.uuidVersion)\n")
            case "shutdown_check", "pause_check":
                return APIOutput("false")
            case "ready_check":
                return APIOutput("true")
            case "shutdown":
                if value?.lowercased() == "cancel" { return APIOutput("+OK\n") }
                var output = APIOutput("+OK\n")
                output.requestsShutdown = true
                return output
            case "pause", "resume", "send_sighup", "recover", "sync_clock", "sync_clock_when_idle", "reclaim_mem",
                 "flush_db_handles", "sps_peak_reset", "calibrate_clock", "save_history", "debug_sql", "mdns_resolve":
                return APIOutput("+OK\n")
            default:
                return APIOutput("-ERR Invalid command\nUSAGE: fsctl \(syntax)\n")
            }
        }
    }
}
