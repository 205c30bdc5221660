/// The switch's side of subscriptions: `event` with userauth permissions and its exact word
/// splitting, `myevents`, and the per-listener delivery test
/// (docs/protocol.md, "Subscriptions", "Filters" and "myevents").
extension ESLSubscriptions {
    /// The 23 types `myevents` subscribes to (docs/protocol.md, "myevents").
    public static let myEventsTypes: [String] = [
        "CHANNEL_ANSWER", "CHANNEL_APPLICATION", "CHANNEL_BRIDGE", "CHANNEL_CREATE", "CHANNEL_DATA",
        "CHANNEL_DESTROY", "CHANNEL_EXECUTE", "CHANNEL_EXECUTE_COMPLETE", "CHANNEL_HANGUP",
        "CHANNEL_HANGUP_COMPLETE", "CHANNEL_ORIGINATE", "CHANNEL_UUID", "CHANNEL_OUTGOING",
        "CHANNEL_PARK", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_STATE",
        "CHANNEL_UNBRIDGE", "CHANNEL_UNPARK", "DETECTED_SPEECH", "DTMF", "NOTALK", "TALK",
    ]

    /// The outcome of an `event` command on the switch.
    public enum EventOutcome: Sendable, Hashable {
        /// `+OK event listener enabled <format>`
        case enabled
        /// `-ERR no keywords supplied` (a format word was still applied)
        case noKeywords
        /// `-ERR permission denied` (words before the forbidden one were still applied)
        case permissionDenied
    }

    /// Applies the words of `event …` as the switch does: split on single spaces (so two spaces
    /// make an empty word), a format keyword only as the very first word, every word after
    /// `CUSTOM` a subclass, unknown words skipped, and each word checked against `permissions`
    /// as it comes.
    public mutating func applyEventWords(_ arguments: String, permissions: ESLListenerPermissions) -> EventOutcome {
        var recognised = 0
        var custom = false
        for (index, word) in arguments.split(separator: " ", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if index == 0, let format = ESLEventFormat(rawValue: word.lowercased()) {
                self.format = format
                continue
            }
            if custom {
                guard permissions.allowsSubclass(word) else { return .permissionDenied }
                customSubclasses.insert(word)
                continue
            }
            guard let name = ESLEventName.resolve(word) else { continue }
            guard permissions.allowsEventType(name) else { return .permissionDenied }
            recognised += 1
            if name == ESLEventName.allKeyword {
                types.formUnion(ESLEventName.all)
            }
            types.insert(name)
            if name == "CUSTOM" { custom = true }
        }
        return recognised == 0 ? .noKeywords : .enabled
    }

    /// Adds the `myevents` types (docs/protocol.md, "myevents").
    public mutating func subscribeMyEvents() {
        types.formUnion(Self.myEventsTypes)
    }

    /// The subscription test of `event_handler`: ALL, or the event's type, and for CUSTOM events
    /// with a subclass, that subclass (docs/protocol.md, "Subscriptions").
    public func passesSubscription(_ event: ESLEvent) -> Bool {
        if isAllEnabled { return true }
        guard let name = event.name, types.contains(name) else { return false }
        guard name == "CUSTOM", let subclass = event.subclass else { return true }
        return customSubclasses.contains(subclass)
    }

    /// The filter test of `event_handler` (docs/protocol.md, "Filters"): with no filters everything passes; otherwise
    /// filters run in order, positive ones OR-ed, a matching negative one vetoes.
    public func passesFilters(_ event: ESLEvent) -> Bool {
        guard !filters.isEmpty else { return true }
        var send = false
        for filter in filters {
            guard let value = event[filter.header] else { continue }
            let (positive, comparand) = filter.polarityAndComparand
            if send && positive { continue }
            guard filter.matches(value, comparand: comparand) else { continue }
            if positive {
                send = true
            } else {
                return false
            }
        }
        return send
    }
}

extension ESLSubscriptions.Filter {
    /// Leading `+`, `-` and spaces stripped; the last sign seen decides (default positive).
    var polarityAndComparand: (positive: Bool, comparand: Substring) {
        var positive = true
        var rest = Substring(value)
        while let first = rest.first, first == "+" || first == "-" || first == " " {
            if first == "+" { positive = true } else if first == "-" { positive = false }
            rest.removeFirst()
        }
        return (positive, rest)
    }

    /// Whether a header value matches: a value typed with a leading `/` is a `/pattern/flags`
    /// regex searched anywhere in the value (flags `i`, `s`); anything else is a whole-string,
    /// case-insensitive comparison.
    func matches(_ headerValue: String, comparand: Substring) -> Bool {
        guard value.hasPrefix("/") else {
            return headerValue.lowercased() == comparand.lowercased()
        }
        return Self.regexMatches(headerValue, expression: comparand)
    }

    /// `/pattern/flags`; a missing closing slash or a pattern that does not compile never matches.
    static func regexMatches(_ text: String, expression: Substring) -> Bool {
        let body = expression.dropFirst()
        guard let close = body.lastIndex(of: "/") else { return false }
        let pattern = String(body[..<close])
        let flags = body[body.index(after: close)...]
        guard var regex = try? Regex(pattern) else { return false }
        if flags.contains("i") { regex = regex.ignoresCase() }
        if flags.contains("s") { regex = regex.dotMatchesNewlines() }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
