import LineEditor

/// A fleet's rules as a pure value, above one ``ConsoleStateMachine`` per switch: where lines go
/// (`/use`), one line at a time across the fleet, a reply to all switches held until every one of
/// them is done and then shown grouped in fleet order under a header each, the fleet's own slash
/// commands, and when the session ends. ``FleetSession`` carries out its actions.
struct FleetStateMachine: Sendable {
    /// Where commands go.
    enum Target: Sendable, Equatable {
        case all
        case one(Int)
    }

    /// What the fleet knows of one switch.
    struct Member: Sendable, Equatable {
        var name: String
        /// `host:port`, for `/use`'s list.
        var address: String
        var link: ConsoleStateMachine.Link
        var eventsPerSecond = 0
        /// Lines handed to its session so far.
        var submitted = 0
        /// Its session stopped (after the end of batch input).
        var stopped = false
    }

    /// The line running on `targets`; with `holdsReplies` (sent to all), their output is kept
    /// until all are done.
    struct Group: Sendable, Equatable {
        var line: String
        var targets: [Int]
        var holdsReplies: Bool
        var replies: [Int: String] = [:]
        var outcomes: [Int: ExitStatus] = [:]
    }

    enum Input: Sendable, Equatable {
        case submitted(String, typed: Bool)
        case endOfInput
        /// A switch's session showed text that is never dropped (a reply, a message).
        case output(Int, String)
        /// A switch's session is idle after `submitted` lines, the last ending as `lineStatus`.
        case idle(Int, submitted: Int, lineStatus: ExitStatus)
        /// A switch's link and rate after its machine took an input.
        case memberStatus(Int, link: ConsoleStateMachine.Link, eventsPerSecond: Int)
        /// A switch's prompt changed (it reconnected as another switch name).
        case promptChanged(Int)
        /// A switch's session stopped.
        case memberStopped(Int)
        /// `/record` took effect (or failed, `failed`); `message` says what happened.
        case recorded(String, failed: Bool)
        case interrupted
        case exiting
    }

    enum Action: Sendable, Equatable {
        /// Hand a line to a switch's session.
        case submit(Int, String)
        /// Ctrl-C to a switch's session.
        case interrupt(Int)
        /// Batch input ended: the switch's session finishes its jobs, then stops.
        case endInput(Int)
        case show(String)
        /// Red above the prompt, or on stderr in batch mode.
        case showError(String)
        case updatePrompt
        case promptReady
        case pane(PaneCommand)
        /// `/record`: the fleet's one recording of every switch (``FleetSession/record(_:)``).
        case record(SlashCommand.Recording?)
        case stop
    }

    let tags: FleetTags
    let interactive: Bool
    let historyLimit: Int
    var members: [Member]
    var target = Target.all
    var waiting: [String] = []
    var group: Group?
    /// Sessions running something the fleet waits for: a line, or at first the start-up.
    var busy: Set<Int>
    /// A `/record` is starting or stopping the recording: the next line waits for it, so that its
    /// frames are recorded (or not) as the order of the lines says.
    var recordPending = false
    /// Each switch's first line that did not end well, and how (batch mode's summary).
    var firstFailures: [Int: String] = [:]
    var history: [String]
    /// Failures of the fleet's own (an unknown slash command, a bad `/use`).
    var status = ExitStatusTracker()
    var inputEnded = false
    var endSent = false
    var isExiting = false
    var interruptHintShown = false

    init(members: [Member], palette: Palette, interactive: Bool, history: [String] = [], historyLimit: Int = HistoryFile.defaultMaxEntries) {
        self.members = members
        self.tags = FleetTags(names: members.map(\.name), palette: palette)
        self.interactive = interactive
        self.history = history
        self.historyLimit = historyLimit
        // Every session starts busy: its start-up (the `log` command) ends with an idle signal.
        self.busy = Set(members.indices)
    }

    var palette: Palette { tags.palette }

    /// The prompt's target: `all`, or the switch's index.
    var targetIndex: Int? {
        if case .one(let index) = target { index } else { nil }
    }

    mutating func receive(_ input: Input) -> [Action] {
        var actions: [Action] = []
        switch input {
        case .submitted(let line, let typed):
            guard !isExiting else { return [] }
            if typed { HistoryPolicy.record(line, in: &history, limit: historyLimit) }
            waiting.append(line)
            advance(&actions)
        case .endOfInput:
            inputEnded = true
            advance(&actions)
        case .output(let index, let text):
            if let group, group.holdsReplies, group.targets.contains(index), busy.contains(index) {
                self.group?.replies[index, default: ""] += ReplyText.terminated(text)
            } else {
                actions.append(.show(tags.tagged(index, text)))
            }
        case .idle(let index, let submitted, let lineStatus):
            guard busy.contains(index), members[index].submitted == submitted else { return [] }
            busy.remove(index)
            if group?.targets.contains(index) == true { group?.outcomes[index] = lineStatus }
            if busy.isEmpty {
                finishGroup(&actions)
                advance(&actions)
            }
        case .memberStatus(let index, let link, let rate):
            members[index].link = link
            members[index].eventsPerSecond = rate
        case .promptChanged(let index):
            if targetIndex == index { actions.append(.updatePrompt) }
        case .memberStopped(let index):
            members[index].stopped = true
            busy.remove(index)
            if endSent, members.allSatisfy(\.stopped), !isExiting {
                isExiting = true
                actions.append(.stop)
            }
        case .recorded(let message, let failed):
            guard recordPending else { return [] }
            recordPending = false
            if failed { fail(message, &actions) } else { actions.append(.show(message)) }
            advance(&actions)
        case .interrupted:
            if !busy.isEmpty {
                for index in busy.sorted() { actions.append(.interrupt(index)) }
            } else if interactive, !interruptHintShown {
                interruptHintShown = true
                actions.append(.show(palette.notice("Type /exit or press Ctrl-D on an empty line to leave.")))
            }
        case .exiting:
            isExiting = true
            waiting.removeAll()
        }
        return actions
    }

    // MARK: Lines

    /// Runs waiting lines while the fleet is idle; at the end of batch input, ends the sessions.
    mutating func advance(_ actions: inout [Action]) {
        while group == nil, busy.isEmpty, !recordPending, !isExiting, !waiting.isEmpty {
            start(waiting.removeFirst(), &actions)
        }
        guard group == nil, busy.isEmpty, !recordPending, waiting.isEmpty, !isExiting else { return }
        if inputEnded {
            guard !endSent else { return }
            endSent = true
            for index in members.indices where !members[index].stopped { actions.append(.endInput(index)) }
            if members.allSatisfy(\.stopped) {
                isExiting = true
                actions.append(.stop)
            }
        } else {
            actions.append(.promptReady)
        }
    }

    mutating func start(_ line: String, _ actions: inout [Action]) {
        switch InputParser.parse(line) {
        case .empty:
            return
        case .error(let message):
            fail(message, &actions)
        case .slash(.use(let name)):
            use(name, &actions)
        case .slash(.help(let topic)):
            actions.append(.show(palette.output(ConsoleStateMachine.help(topic))))
        case .slash(.exit):
            isExiting = true
            waiting.removeAll()
            actions.append(.stop)
        case .slash(.history):
            let width = String(history.count).count
            actions.append(.show(history.enumerated().map { index, entry in
                let number = String(index + 1)
                return String(repeating: " ", count: width - number.count) + number + "  " + entry
            }.joined(separator: "\n")))
        case .slash(.clear):
            actions.append(.show("\u{1B}[H\u{1B}[2J"))
        case .slash(.record(let request)):
            // One file for every switch (each record names its switch), so the fleet's own.
            recordPending = true
            actions.append(.record(request))
        case .slash(.find(let text)):
            actions.append(.pane(.find(text)))
        case .slash(.pause):
            actions.append(.pane(.pause))
        case .slash(.resume):
            actions.append(.pane(.resume))
        case .api, .bgapi, .consoleLogLevel,
             .slash(.event), .slash(.noevents), .slash(.nixevent), .slash(.filter), .slash(.log), .slash(.nolog),
             .slash(.uuid), .slash(.logfilter), .slash(.debug), .slash(.view), .slash(.reconnect), .slash(.subs):
            // Commands for the switches, and the slash commands that change a session's own
            // state (subscriptions, filters, views, /reconnect): each target's session runs it.
            let targets = targetIndex.map { [$0] } ?? Array(members.indices)
            group = Group(line: line, targets: targets, holdsReplies: targetIndex == nil)
            for index in targets {
                members[index].submitted += 1
                busy.insert(index)
                actions.append(.submit(index, line))
            }
        }
    }

    /// Shows a reply to all switches, grouped in fleet order.
    mutating func finishGroup(_ actions: inout [Action]) {
        guard let finished = group else { return }
        group = nil
        for (index, outcome) in finished.outcomes.sorted(by: { $0.key < $1.key }) where outcome != .success && firstFailures[index] == nil {
            firstFailures[index] = "`\(finished.line)`: \(FleetTags.describe(outcome))"
        }
        guard finished.holdsReplies else { return }
        let parts = finished.targets.map { index in
            let body = finished.replies[index].map { interactive ? tags.tagged(index, $0) : $0 } ?? ""
            return tags.header(index, finished.outcomes[index] ?? .success) + "\n" + body
        }
        actions.append(.show(parts.joined()))
    }

    // MARK: /use

    mutating func use(_ name: String?, _ actions: inout [Action]) {
        guard let name else {
            actions.append(.show(listing))
            return
        }
        if name.lowercased() == "all" {
            target = .all
            actions.append(.show("commands go to all \(members.count) switches"))
            actions.append(.updatePrompt)
            return
        }
        guard let index = members.firstIndex(where: { $0.name == name }) else {
            fail("/use: no switch named \(name); the switches: \(members.map(\.name).joined(separator: ", ")), or all", &actions)
            return
        }
        target = .one(index)
        actions.append(.show("commands go to \(name)\(members[index].link == .connected ? "" : " (\(FleetStatusLine.state(members[index].link)))")"))
        actions.append(.updatePrompt)
    }

    /// `/use` alone: one row per switch (the target marked `*`), then where commands go.
    var listing: String {
        let width = members.map(\.name.count).max() ?? 0
        var rows = members.indices.map { index in
            let member = members[index]
            let mark = targetIndex == index ? "*" : " "
            let state: String
            switch member.link {
            case .connected: state = "up"
            case .disconnected: state = "down"
            case .reconnecting: state = "down, reconnecting"
            }
            return "\(mark) \(member.name)\(String(repeating: " ", count: width - member.name.count))  \(member.address)  \(state)"
        }
        rows.append("commands go to " + (targetIndex.map { members[$0].name } ?? "all") + " (/use NAME or /use all)")
        return rows.joined(separator: "\n")
    }

    mutating func fail(_ message: String, _ actions: inout [Action]) {
        status.record(.commandFailed)
        actions.append(.showError(message))
    }
}
