import ESLProtocol

extension ConsoleStateMachine {
    /// A slash command: most are answered here; the ones that talk to the switch become a command
    /// in flight like any other line.
    mutating func runSlash(_ command: SlashCommand, line: String, _ actions: inout [Action]) {
        switch command {
        case .help(let topic):
            actions.append(.show(palette.output(Self.help(topic))))
        case .exit:
            beginExit(&actions)
            actions.append(.stop)
        case .event, .noevents, .nixevent, .filter, .log, .nolog:
            guard let server = command.serverCommand else { return }
            guard requireConnection(&actions) else { return }
            startCommands([server], line: line, &actions)
        case .uuid(let uuid):
            logFilters.uuid = uuid
            actions.append(.show(uuid.map { "UUID filtering enabled: log lines of channels starting \($0)" } ?? "UUID filtering disabled"))
        case .logfilter(let pattern):
            logFilters.pattern = pattern
            actions.append(.show(pattern.map { "Logfilter enabled: \(Self.describe($0))" } ?? "Logfilter disabled"))
        case .debug(let level):
            if let level {
                debugLevel = level
                actions.append(.show("debug level set to \(level)"))
            } else {
                actions.append(.show("debug level is \(debugLevel) (0-7; at 7 each command sent is shown)"))
            }
        case .view(let view):
            if let view {
                eventView = view
                actions.append(.show("events shown \(Self.describe(view))"))
            } else {
                actions.append(.show("events are shown \(Self.describe(eventView)) (/view \(EventView.choices))"))
            }
        case .history:
            let width = String(history.count).count
            actions.append(.show(history.enumerated().map { index, entry in
                let number = String(index + 1)
                return String(repeating: " ", count: width - number.count) + number + "  " + entry
            }.joined(separator: "\n")))
        case .clear:
            // Home and erase; the pane clears its rows instead.
            actions.append(.show("\u{1B}[H\u{1B}[2J"))
        case .reconnect:
            requestReconnect(line: line, &actions)
        case .subs:
            var lines = link == .connected
                ? SubscriptionReport.lines(subscriptions)
                : ["not connected; to restore: " + SubscriptionReport.summary(subscriptions)]
            lines.append("/uuid: " + (logFilters.uuid ?? "off"))
            lines.append("/logfilter: " + (logFilters.pattern.map(Self.describe) ?? "off"))
            actions.append(.show(lines.joined(separator: "\n")))
        case .find(let text):
            actions.append(.pane(.find(text)))
        case .pause:
            actions.append(.pane(.pause))
        case .resume:
            actions.append(.pane(.resume))
        case .use:
            // A fleet answers /use itself (FleetStateMachine); one switch has nothing to choose.
            fail(Failure(message: "/use: there is one switch; give -H more than once (or hosts = in a profile) for several", status: .commandFailed), &actions)
        case .record(nil):
            actions.append(.show(recording.map { "recording every frame received to \($0); /record off stops" }
                ?? "not recording; /record FILE records every frame received (FILE.gz compressed)"))
        case .record(.off?):
            if recording == nil {
                actions.append(.show("not recording"))
            } else {
                actions.append(.stopRecording)
            }
        case .record(.file(let path)?):
            actions.append(.startRecording(path))
        }
    }

    /// `/help`: the table; `/help event`: one command's usage and what it does.
    static func help(_ topic: SlashCommandName?) -> String {
        guard let topic else { return SlashCommandName.helpText }
        let aliases: [SlashCommandName] = [.exit, .quit, .bye]
        let words = aliases.contains(topic) ? "/exit, /quit, /bye, ..." : topic.usage
        return "usage: \(words)\n\(topic.summary)\n"
    }

    static func describe(_ view: EventView) -> String {
        switch view {
        case .compact: "compact: one line each"
        case .full: "in full: every header, then the body"
        case .raw: "raw: as sent by the switch, envelope included"
        case .json: "as JSON: one object a line, headers as keys, the body as _body"
        }
    }

    static func describe(_ pattern: LogFilterPattern) -> String {
        switch pattern {
        case .text(let text): "lines containing \(text)"
        case .regex(let regex): "lines matching /\(regex)/"
        }
    }

    // MARK: Did you mean, for API commands

    /// `X` from the switch's `-ERR X Command not found!`.
    static func unknownCommand(in reply: String) -> String? {
        let text = reply.trimmingBlanks
        guard text.hasPrefix("-ERR "), text.hasSuffix(" Command not found!") else { return nil }
        let word = text.dropFirst(5).dropLast(" Command not found!".count)
        guard !word.isEmpty, !word.contains(" ") else { return nil }
        return String(word)
    }

    /// "did you mean: status, stats?" from the closest names (edit distance at most 2, or a third
    /// of the word), nil when none is close.
    static func suggestion(for word: String, among names: [String]) -> String? {
        let typed = word.lowercased()
        let limit = max(2, typed.count / 3)
        let scored = Set(names).map { ($0, editDistance(typed, $0.lowercased())) }.filter { $0.1 <= limit }
        guard let best = scored.map(\.1).min() else { return nil }
        let nearest = scored.filter { $0.1 <= best + 1 }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
        return "did you mean: \(nearest.joined(separator: ", "))?"
    }
}
