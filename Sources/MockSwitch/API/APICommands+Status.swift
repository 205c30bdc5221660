/// `status`, `version`, `uptime`, `hostname`, `switchname`
/// (docs/api-output.md, "status", "version" and "Other commands"; captures 04–06).
extension APICommands {
    static let statusCommands: [String: APIImplementation] = [
        "status": { _, core in APIOutput(status(core)) },
        "version": { argument, core in APIOutput(version(argument, core.identity.version)) },
        "uptime": { argument, core in APIOutput(uptime(argument, microseconds: core.uptimeMicroseconds)) },
        "hostname": { _, core in APIOutput(core.identity.hostname) },
        "switchname": { _, core in APIOutput(core.identity.switchname) },
    ]

    static func status(_ core: SwitchCore) -> String {
        let s = core.statistics
        return "UP \(UptimeText.words(microseconds: core.uptimeMicroseconds))\n"
            + "FreeSWITCH (Version \(core.identity.version.fullHuman)) is ready\n"
            + "\(s.sessionsSinceStartup) session(s) since startup\n"
            + "\(s.sessionCount) session(s) - peak \(s.sessionPeak), last 5min \(s.sessionPeakFiveMinutes) \n"
            + "\(s.sessionsPerSecondLast) session(s) per Sec out of max \(s.sessionsPerSecondLimit), peak \(s.sessionsPerSecondPeak), last 5min \(s.sessionsPerSecondPeakFiveMinutes) \n"
            + "\(s.maxSessions) session(s) max\n"
            + "min idle cpu \(CFormat.fixed(s.minimumIdleCPU, decimals: 2))/\(CFormat.fixed(s.idleCPU, decimals: 2))\n"
            + "Current Stack Size/Max \(s.stackSizeKiB)K/\(s.stackMaxKiB)K\n"
    }

    static func version(_ argument: String, _ version: SwitchVersion) -> String {
        guard let first = argument.words.first else {
            return "FreeSWITCH Version \(version.full) (\(version.revisionHuman))\n"
        }
        // switch_stristr: "short" anywhere in the first word, any case.
        if first.lowercased().contains("short") { return version.short + "\n" }
        return "FreeSWITCH Version \(version.full) (\(version.fullHuman))\n"
    }

    static func uptime(_ argument: String, microseconds: Int64) -> String {
        let divisor: Int64
        switch argument.lowercased() {
        case "us", "microseconds": divisor = 1
        case "ms", "milliseconds": divisor = 1000
        case "", "s", "seconds": divisor = 1_000_000
        case "m", "minutes": divisor = 60_000_000
        case "h", "hours": divisor = 3_600_000_000
        case "d", "days": divisor = 86_400_000_000
        default: return "-USAGE: [us|ms|s|m|h|d|microseconds|milliseconds|seconds|minutes|hours|days]\n"
        }
        return "\(microseconds / divisor)\n"
    }
}
