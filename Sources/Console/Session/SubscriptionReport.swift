import ESLProtocol

/// What a session's subscriptions look like to a person (`/subs`, the reconnect line), and the
/// commands that rebuild them on a new connection.
public enum SubscriptionReport {
    /// The commands that give a fresh connection the same subscriptions, format, filters and log
    /// level, in that order (`event`, `filter`…, `log`).
    public static func restoreCommands(_ subscriptions: ESLSubscriptions) -> [ESLCommand] {
        var commands: [ESLCommand] = []
        let words = eventWords(subscriptions)
        if !words.isEmpty { commands.append(.event(subscriptions.format, words)) }
        for filter in subscriptions.filters { commands.append(.filter(filter.header, filter.value)) }
        if let level = subscriptions.logLevel, let logLevel = ESLLogLevel(rawValue: level) {
            commands.append(.log(logLevel))
        }
        return commands
    }

    /// One line per aspect: events (with format), filters, log level.
    public static func lines(_ subscriptions: ESLSubscriptions) -> [String] {
        let words = eventWords(subscriptions)
        var lines = ["events: " + (words.isEmpty ? "none" : "\(subscriptions.format.rawValue) " + words.joined(separator: " "))]
        if subscriptions.filters.isEmpty {
            lines.append("filters: none")
        } else {
            lines.append("filters: " + subscriptions.filters.map { "\($0.header) \($0.value)" }.joined(separator: "; "))
        }
        lines.append("log level: " + logLevelText(subscriptions.logLevel))
        return lines
    }

    /// A short summary for one line: `events plain ALL, 1 filter, log debug`.
    public static func summary(_ subscriptions: ESLSubscriptions) -> String {
        var parts: [String] = []
        let words = eventWords(subscriptions)
        parts.append(words.isEmpty ? "no events" : "events \(subscriptions.format.rawValue) " + words.joined(separator: " "))
        let count = subscriptions.filters.count
        if count > 0 { parts.append(count == 1 ? "1 filter" : "\(count) filters") }
        parts.append(subscriptions.logLevel == nil ? "no log" : "log " + logLevelText(subscriptions.logLevel))
        return parts.joined(separator: ", ")
    }

    /// `ALL` first, then the other types sorted, then `CUSTOM` and its subclasses.
    static func eventWords(_ subscriptions: ESLSubscriptions) -> [String] {
        var types = subscriptions.types
        var words: [String] = []
        if types.remove(ESLEventName.allKeyword) != nil {
            // `event ALL` also turned every single type on: ALL stands for them (CUSTOM subclasses aside).
            words.append(ESLEventName.allKeyword)
            types.removeAll()
        }
        let hasCustom = types.remove("CUSTOM") != nil
        words += types.sorted()
        if hasCustom || !subscriptions.customSubclasses.isEmpty {
            words.append("CUSTOM")
            words += subscriptions.customSubclasses.sorted()
        }
        return words
    }

    static func logLevelText(_ level: Int?) -> String {
        guard let level else { return "off" }
        guard let logLevel = ESLLogLevel(rawValue: level) else { return String(level) }
        return "\(logLevel.name.lowercased()) (\(level))"
    }
}
