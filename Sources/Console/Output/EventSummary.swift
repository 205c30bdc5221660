import ESLProtocol

/// What the compact view says about an event: its time, its colour, and the few fields that matter
/// for its kind. All the headers it may need are read in one pass over the event (a 4 KB
/// CHANNEL_CREATE has about 85), which keeps the view fast enough for floods.
struct EventSummary {
    private static let wanted = ESLHeaderNames([
        "Event-Name", "Event-Subclass", "Event-Date-Local", "Event-Date-Timestamp", "Unique-ID",
        "Channel-Call-State", "Channel-State", "Answer-State", "Caller-Caller-ID-Number", "Caller-ANI",
        "Caller-Destination-Number", "Hangup-Cause", "Application", "Application-Data",
        "Job-Command", "Job-Command-Arg", "Session-Count", "Idle-CPU", "Uptime-msec",
        "Task-Desc", "Task-Group", "API-Command", "API-Command-Argument",
    ])
    private let values: [String?]
    private let body: String?

    init(_ event: ESLEvent) {
        values = event.firstValues(Self.wanted)
        body = event.bodyString
    }

    /// The position of each wanted name, looked up once rather than per field per event.
    private static let positions: [String: Int] = Dictionary(
        uniqueKeysWithValues: wanted.names.enumerated().map { ($0.element, $0.offset) })

    private subscript(_ name: String) -> String? {
        guard let index = Self.positions[name] else { return nil }
        return values[index]
    }

    var name: String { self["Event-Name"] ?? "?" }
    var subclass: String? { self["Event-Subclass"] }
    var uniqueID: String? { self["Unique-ID"] }

    /// `HH:MM:SS.mmm` from `Event-Date-Local` and the microseconds of `Event-Date-Timestamp`; empty
    /// when the event carries no date.
    var time: String {
        guard let local = self["Event-Date-Local"], let space = local.lastIndex(of: " ") else { return "" }
        let clock = String(local[local.index(after: space)...])
        guard let stamp = self["Event-Date-Timestamp"].flatMap(Int.init) else { return clock }
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
    var fields: [String] {
        switch name {
        case "BACKGROUND_JOB":
            let command = [self["Job-Command"], self["Job-Command-Arg"]].compactMap { $0 }.filter { !$0.isEmpty }
            let result = Self.firstLine(body ?? "")
            return [command.joined(separator: " "), result.isEmpty ? "" : "→ " + result]
        case "HEARTBEAT":
            return [
                self["Session-Count"].map { "sessions=\($0)" },
                self["Idle-CPU"].map { "idle-cpu=\(Self.trimmedNumber($0))" },
                self["Uptime-msec"].flatMap(Int.init).map { "up=\(Self.duration(milliseconds: $0))" },
            ].compactMap { $0 }
        case "RE_SCHEDULE":
            return [self["Task-Desc"], self["Task-Group"]].compactMap { $0 }
        case "API":
            return [[self["API-Command"], self["API-Command-Argument"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")]
        case "CUSTOM":
            return []
        default:
            guard name.hasPrefix("CHANNEL_") || name.hasPrefix("CALL_") || self["Channel-State"] != nil else { return [] }
            return channelFields
        }
    }

    private var channelFields: [String] {
        var fields: [String] = []
        if let state = self["Channel-Call-State"] ?? self["Channel-State"] { fields.append(state) }
        if let state = self["Answer-State"], !state.isEmpty { fields.append(state) }
        let caller = self["Caller-Caller-ID-Number"] ?? self["Caller-ANI"] ?? ""
        let destination = self["Caller-Destination-Number"] ?? ""
        if !caller.isEmpty || !destination.isEmpty { fields.append("\(caller) → \(destination)") }
        if let cause = self["Hangup-Cause"], !cause.isEmpty { fields.append(cause) }
        if let application = self["Application"], !application.isEmpty {
            fields.append([application, self["Application-Data"] ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
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
