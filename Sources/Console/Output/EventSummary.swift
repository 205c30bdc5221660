import ESLProtocol

/// What the compact view says about an event: its time, its colour, and the few fields that matter
/// for its kind.
enum EventSummary {
    /// `HH:MM:SS.mmm` from `Event-Date-Local` and the microseconds of `Event-Date-Timestamp`; empty
    /// when the event carries no date.
    static func time(of event: ESLEvent) -> String {
        guard let local = event["Event-Date-Local"], let space = local.lastIndex(of: " ") else { return "" }
        let clock = String(local[local.index(after: space)...])
        guard let stamp = event["Event-Date-Timestamp"].flatMap(Int.init) else { return clock }
        let milliseconds = (stamp / 1_000) % 1_000
        return clock + "." + String(repeating: "0", count: milliseconds < 10 ? 2 : milliseconds < 100 ? 1 : 0) + String(milliseconds)
    }

    /// Colours by kind: calls starting green, ending red, other channel events cyan, background jobs
    /// magenta, custom events yellow, the switch's housekeeping dim.
    static func colour(forEventNamed name: String) -> String? {
        switch name {
        case "CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_BRIDGE": "\u{1B}[32m"
        case "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "CHANNEL_DESTROY", "CHANNEL_UNBRIDGE": "\u{1B}[31m"
        case "BACKGROUND_JOB", "API": "\u{1B}[35m"
        case "CUSTOM": "\u{1B}[33m"
        case "HEARTBEAT", "RE_SCHEDULE", "SESSION_HEARTBEAT": "\u{1B}[2m"
        default: name.hasPrefix("CHANNEL_") || name.hasPrefix("CALL_") ? "\u{1B}[36m" : "\u{1B}[1m"
        }
    }

    /// The fields that matter for this kind of event, in reading order.
    static func fields(of event: ESLEvent) -> [String] {
        let name = event.name ?? ""
        switch name {
        case "BACKGROUND_JOB":
            let command = [event["Job-Command"], event["Job-Command-Arg"]].compactMap { $0 }.filter { !$0.isEmpty }
            let result = firstLine(event.bodyString ?? "")
            return [command.joined(separator: " "), result.isEmpty ? "" : "→ " + result]
        case "HEARTBEAT":
            return [
                event["Session-Count"].map { "sessions=\($0)" },
                event["Idle-CPU"].map { "idle-cpu=\(trimmedNumber($0))" },
                event["Uptime-msec"].flatMap(Int.init).map { "up=\(duration(milliseconds: $0))" },
            ].compactMap { $0 }
        case "RE_SCHEDULE":
            return [event["Task-Desc"], event["Task-Group"]].compactMap { $0 }
        case "API":
            return [[event["API-Command"], event["API-Command-Argument"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")]
        case "CUSTOM":
            return []
        default:
            guard name.hasPrefix("CHANNEL_") || name.hasPrefix("CALL_") || event["Channel-State"] != nil else {
                return []
            }
            return channelFields(event)
        }
    }

    private static func channelFields(_ event: ESLEvent) -> [String] {
        var fields: [String] = []
        if let state = event["Channel-Call-State"] ?? event["Channel-State"] { fields.append(state) }
        if let state = event["Answer-State"], !state.isEmpty { fields.append(state) }
        let caller = event["Caller-Caller-ID-Number"] ?? event["Caller-ANI"] ?? ""
        let destination = event["Caller-Destination-Number"] ?? ""
        if !caller.isEmpty || !destination.isEmpty { fields.append("\(caller) → \(destination)") }
        if let cause = event["Hangup-Cause"], !cause.isEmpty { fields.append(cause) }
        if let application = event["Application"], !application.isEmpty {
            fields.append([application, event["Application-Data"] ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return fields
    }

    private static func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" && $0 != "\r\n" })
    }

    /// `98.700000` → `98.7`.
    private static func trimmedNumber(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = Substring(text)
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return String(text)
    }

    /// `3d4h`, `2h5m`, `5m3s`, `40s`.
    static func duration(milliseconds: Int) -> String {
        let seconds = milliseconds / 1_000
        let (days, hours, minutes) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60)
        if days > 0 { return "\(days)d\(hours)h" }
        if hours > 0 { return "\(hours)h\(minutes)m" }
        if minutes > 0 { return "\(minutes)m\(seconds % 60)s" }
        return "\(seconds)s"
    }
}
