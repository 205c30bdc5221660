#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// escape, strepoch, strmicroepoch (mod_dptools), file_exists, xml_flush_cache, say_string,
/// sndfile_debug (mod_sndfile): small commands whose answer follows from their argument and the
/// mock's own state.
extension APICommands {
    static let stringCommands: [String: APIImplementation] = [
        "escape": { argument, _ in APIOutput(escape(argument)) },
        "strepoch": { argument, core in
            let micros = argument.isEmpty ? core.clock.now() : DateText.microseconds(argument, core)
            return APIOutput(String(UInt32(truncatingIfNeeded: micros / 1_000_000)))
        },
        "strmicroepoch": { argument, core in
            APIOutput(String(argument.isEmpty ? core.clock.now() : DateText.microseconds(argument, core)))
        },
        "file_exists": { argument, core in
            guard !argument.isEmpty else { return APIOutput("false") }
            return APIOutput(MockFiles.exists(argument, core) ? "true" : "false")
        },
        // The mock caches no directory lookups, so there is never an entry to clear.
        "xml_flush_cache": { _, _ in APIOutput("+OK cleared 0 entries\n") },
        "say_string": { argument, core in
            let words = argument.words
            guard words.count == 5 || words.count == 6 else {
                return APIOutput("-USAGE: \(core.modules.command(named: "say_string")?.syntax ?? "")\n")
            }
            // The captured switch loads no say module (`show say` is empty, capture 62).
            let module = String(words[0].prefix { $0 != "." })
            return APIOutput("-ERR Invalid Say Interface [\(module)]!\n")
        },
        "sndfile_debug": { argument, core in
            switch argument.lowercased() {
            case "on", "off":
                core.commandState.withLockedValue { $0.sndfileDebug = argument.lowercased() == "on" }
                return APIOutput("Sndfile Debug: \(argument.lowercased())\n")
            default:
                return APIOutput("-USAGE: <on|off>\n")
            }
        },
    ]

    /// `switch_escape_string`: line ends, tabs and spaces as `\n` `\r` `\t` `\s`, and `$` as `\$`.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case " ": out += "\\s"
            case "$": out += "\\$"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

/// `switch_str_time`: `YYYY-MM-DD[ HH:MM[:SS]]`, `YYYYMMDDHHMMSS` or a time of today `[HH]:MM:SS`,
/// in the switch's time zone; 0 for anything else.
enum DateText {
    static func microseconds(_ text: String, _ core: SwitchCore) -> Int64 {
        let zone = core.clock.timeZone
        let numbers = { (match: [Substring?]) in match.map { $0.flatMap { Int($0) } } }
        var parts = (year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0)
        if let match = text.firstMatch(of: /^(\d*):(\d+):(\d+)$/) {
            let today = CivilTime(seconds: core.clock.now().floorDiv(1_000_000), zone: zone)
            (parts.year, parts.month, parts.day) = (today.year, today.month, today.day)
            let n = numbers([match.1, match.2, match.3])
            (parts.hour, parts.minute, parts.second) = (n[0] ?? 0, n[1] ?? 0, n[2] ?? 0)
        } else if let match = text.firstMatch(of: /^(\d+)-(\d+)-\s*(\d+)(?:\s+(\d+):(\d+)(?::(\d+))?)?/) {
            let n = numbers([match.1, match.2, match.3, match.4, match.5, match.6])
            (parts.year, parts.month, parts.day) = (n[0] ?? 0, n[1] ?? 0, n[2] ?? 0)
            (parts.hour, parts.minute, parts.second) = (n[3] ?? 0, n[4] ?? 0, n[5] ?? 0)
        } else if let match = text.firstMatch(of: /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/) {
            let n = numbers([match.1, match.2, match.3, match.4, match.5, match.6])
            (parts.year, parts.month, parts.day) = (n[0] ?? 0, n[1] ?? 0, n[2] ?? 0)
            (parts.hour, parts.minute, parts.second) = (n[3] ?? 0, n[4] ?? 0, n[5] ?? 0)
        } else {
            return 0
        }
        return CivilTime.seconds(year: parts.year, month: parts.month, day: parts.day, hour: parts.hour,
                                 minute: parts.minute, second: parts.second, zone: zone) * 1_000_000
    }
}

/// The files the mock has: the directories its global variables name (it installs no sounds,
/// recordings or scripts), as `switch_file_exists` would find them.
enum MockFiles {
    static func exists(_ path: String, _ core: SwitchCore) -> Bool {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return core.globalVariables.contains { $0.name.hasSuffix("_dir") && $0.value == trimmed }
    }
}
