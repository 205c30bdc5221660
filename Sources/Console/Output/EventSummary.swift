import ESLProtocol

/// What the compact view says about an event: its time, its colour, and the few fields that matter
/// for its kind. All the headers it may need are read in one pass over the event (a 4 KB
/// CHANNEL_CREATE has about 85), which keeps the view fast enough for floods.
struct EventSummary {
    /// The headers the view may need; a field's raw value is its place in ``values``.
    enum Field: Int, CaseIterable {
        case eventName, eventSubclass, eventDateLocal, eventDateTimestamp, uniqueID
        case channelCallState, channelState, answerState, callerIDNumber, callerANI
        case destinationNumber, hangupCause, application, applicationData
        case jobCommand, jobCommandArg, sessionCount, idleCPU, uptimeMsec
        case taskDesc, taskGroup, apiCommand, apiCommandArgument, profileName

        var headerName: String {
            switch self {
            case .eventName: "Event-Name"
            case .eventSubclass: "Event-Subclass"
            case .eventDateLocal: "Event-Date-Local"
            case .eventDateTimestamp: "Event-Date-Timestamp"
            case .uniqueID: "Unique-ID"
            case .channelCallState: "Channel-Call-State"
            case .channelState: "Channel-State"
            case .answerState: "Answer-State"
            case .callerIDNumber: "Caller-Caller-ID-Number"
            case .callerANI: "Caller-ANI"
            case .destinationNumber: "Caller-Destination-Number"
            case .hangupCause: "Hangup-Cause"
            case .application: "Application"
            case .applicationData: "Application-Data"
            case .jobCommand: "Job-Command"
            case .jobCommandArg: "Job-Command-Arg"
            case .sessionCount: "Session-Count"
            case .idleCPU: "Idle-CPU"
            case .uptimeMsec: "Uptime-msec"
            case .taskDesc: "Task-Desc"
            case .taskGroup: "Task-Group"
            case .apiCommand: "API-Command"
            case .apiCommandArgument: "API-Command-Argument"
            case .profileName: "profile-name"
            }
        }
    }

    private static let wanted = ESLHeaderNames(Field.allCases.map(\.headerName))
    private let values: [String?]
    private let body: String?

    init(_ event: ESLEvent) {
        values = event.firstValues(Self.wanted)
        body = event.bodyString
    }

    /// The summary of an event still in its frame: a plain event's wanted values are found without
    /// decoding the rest (see ``ESLEventFrame/firstValues(_:)``). Only a background job's result
    /// needs the body, and only then is the event decoded.
    init(_ frame: ESLEventFrame) throws(ESLProtocolError) {
        values = try frame.firstValues(Self.wanted)
        body = values[Field.eventName.rawValue] == "BACKGROUND_JOB" ? try frame.decode().bodyString : nil
    }

    private subscript(_ field: Field) -> String? { values[field.rawValue] }

    var name: String { self[.eventName] ?? "?" }
    var subclass: String? { self[.eventSubclass] }
    var uniqueID: String? { self[.uniqueID] }
    /// sofia's CUSTOM events name their profile.
    var profileName: String? { self[.profileName] }

    /// `HH:MM:SS.mmm` from `Event-Date-Local` and the microseconds of `Event-Date-Timestamp`; empty
    /// when the event carries no date.
    var time: String {
        // On UTF-8 code units: this runs for every event of a flood.
        guard let local = self[.eventDateLocal]?.utf8, let space = local.lastIndex(of: UInt8(ascii: " ")) else { return "" }
        var clock = String(Substring(local[local.index(after: space)...]))
        guard let stamp = self[.eventDateTimestamp].flatMap(Int.init) else { return clock }
        let milliseconds = (stamp / 1_000) % 1_000
        clock += milliseconds < 10 ? ".00" : milliseconds < 100 ? ".0" : "."
        clock += String(milliseconds)
        return clock
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
            let command = [self[.jobCommand], self[.jobCommandArg]].compactMap { $0 }.filter { !$0.isEmpty }
            let result = Self.firstLine(body ?? "")
            return [command.joined(separator: " "), result.isEmpty ? "" : "→ " + result]
        case "HEARTBEAT":
            return [
                self[.sessionCount].map { "sessions=\($0)" },
                self[.idleCPU].map { "idle-cpu=\(Self.trimmedNumber($0))" },
                self[.uptimeMsec].flatMap(Int.init).map { "up=\(Self.duration(milliseconds: $0))" },
            ].compactMap { $0 }
        case "RE_SCHEDULE":
            return [self[.taskDesc], self[.taskGroup]].compactMap { $0 }
        case "API":
            return [[self[.apiCommand], self[.apiCommandArgument]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")]
        case "CUSTOM":
            return []
        default:
            guard name.hasPrefix("CHANNEL_") || name.hasPrefix("CALL_") || self[.channelState] != nil else { return [] }
            return channelFields
        }
    }

    private var channelFields: [String] {
        var fields: [String] = []
        if let state = self[.channelCallState] ?? self[.channelState] { fields.append(state) }
        if let state = self[.answerState], !state.isEmpty { fields.append(state) }
        let caller = self[.callerIDNumber] ?? self[.callerANI] ?? ""
        let destination = self[.destinationNumber] ?? ""
        if !caller.isEmpty || !destination.isEmpty { fields.append("\(caller) → \(destination)") }
        if let cause = self[.hangupCause], !cause.isEmpty { fields.append(cause) }
        if let application = self[.application], !application.isEmpty {
            fields.append([application, self[.applicationData] ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
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
