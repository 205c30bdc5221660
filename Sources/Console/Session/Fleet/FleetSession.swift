import ESLClient
import ESLProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// A console over several switches at once (docs/console.md, "A fleet of switches"): one
/// ``ConsoleSession`` per switch (its own connection, state machine, reconnects and
/// subscriptions) under one terminal loop, one prompt and one output queue, ruled by a
/// ``FleetStateMachine``.
///
/// Everything that reaches the fleet (lines from the terminal, each switch's replies, idle
/// signals and state) goes through one mailbox, read by one task: the fleet's machine sees it in
/// order, and that task hands lines to the switches' sessions holding no lock, so a session that
/// answers at once never finds the fleet locked.
final class FleetSession: TerminalDriven {
    let settings: ConsoleSettings
    let queue: OutputQueue
    let palette: Palette
    let interactive: Bool
    let showsStatus: Bool
    let members: [ConsoleSession]
    private let machine: Locked<FleetStateMachine>
    private let inputs: AsyncStream<FleetStateMachine.Input>
    private let mailbox: AsyncStream<FleetStateMachine.Input>.Continuation
    private let processor = Locked<Task<Void, Never>?>(nil)
    private let shownStatus = Locked<String?>(nil)

    /// How one switch's start-up went.
    struct Start: Sendable {
        var target: SwitchTarget
        /// The connection and what the switch said about itself; nil when it failed.
        var connection: ESLConnection?
        var identity: SwitchLink.Identity?
    }

    init(settings: ConsoleSettings, queue: OutputQueue, palette: Palette, starts: [Start], history: [String], interactive: Bool, showsStatus: Bool) {
        self.settings = settings
        self.queue = queue
        self.palette = palette
        self.interactive = interactive
        self.showsStatus = showsStatus
        (inputs, mailbox) = AsyncStream.makeStream(of: FleetStateMachine.Input.self)
        let tags = FleetTags(names: starts.map(\.target.name), palette: palette)
        let mailbox = mailbox
        members = starts.enumerated().map { index, start in
            ConsoleSession(
                settings: settings.single(start.target),
                queue: FleetMemberOutput(index: index, tags: tags, queue: queue, mailbox: mailbox, tagsStream: !settings.eventsJSON),
                palette: palette, connection: start.connection,
                identity: start.identity ?? .init(switchName: start.target.name, hostname: start.target.host),
                history: [], interactive: interactive, showsStatus: showsStatus, fleetName: start.target.name)
        }
        let down: ConsoleStateMachine.Link = settings.reconnect ? .reconnecting(attempts: 0, lastError: nil) : .disconnected
        machine = Locked(FleetStateMachine(
            members: starts.map { start in
                .init(name: start.target.name, address: SwitchLink(settings: settings.single(start.target)).address,
                      link: start.connection == nil ? down : .connected)
            },
            palette: palette, interactive: interactive, history: history))
    }

    // MARK: Life cycle

    /// Starts the mailbox's reader and every switch's session (the start-up `log` command, or the
    /// reconnection of a switch that is down).
    func start(logCommand: ESLCommand?) {
        let inputs = inputs
        processor.withLock { $0 = Task { for await input in inputs { self.process(input) } } }
        for member in members { member.start(logCommand: logCommand) }
        updateStatus()
    }

    func submit(_ line: String, typed: Bool) {
        mailbox.yield(.submitted(line, typed: typed))
    }

    func endOfInput() {
        mailbox.yield(.endOfInput)
    }

    func interrupt() {
        mailbox.yield(.interrupted)
    }

    func end(_ outcome: ExitStatus) {
        machine.withLock { $0.status.end(outcome) }
    }

    /// Ends every switch's session without waiting for the switches.
    func finish() async {
        _ = machine.withLock { $0.receive(.exiting) }
        mailbox.finish()
        await processor.current?.value
        await withTaskGroup(of: Void.self) { group in
            for member in members { group.addTask { await member.finish() } }
        }
    }

    /// The highest status of the fleet's own and every switch's.
    func exitStatus(interactive: Bool) -> ExitStatus {
        let own = machine.withLock { $0.status.status(interactive: interactive) }
        return ([own] + members.map { $0.exitStatus(interactive: interactive) }).max { $0.rawValue < $1.rawValue } ?? .success
    }

    /// Batch mode's last line on stderr, as `-x` ends: the switches that failed and why (their first
    /// line that did not end well, or `not connected`); nil when none failed.
    func failureSummary() -> String? {
        let statuses = members.map { $0.exitStatus(interactive: false) }
        let (names, reasons) = machine.withLock { ($0.members.map(\.name), $0.firstFailures) }
        let failed = statuses.indices.filter { statuses[$0] != .success }
        guard !failed.isEmpty else { return nil }
        let parts = failed.map { "\(names[$0]) (\(reasons[$0] ?? FleetTags.describe(statuses[$0])))" }
        return "\(failed.count) of \(members.count) switches failed: " + parts.joined(separator: "; ")
    }

    /// `fscli@all> `, or the prompt of the switch commands go to.
    var prompt: String {
        guard let index = machine.withLock({ $0.targetIndex }) else {
            return palette.prompt("fscli@all> ")
        }
        return members[index].prompt
    }

    // MARK: The mailbox

    private func process(_ input: FleetStateMachine.Input) {
        let actions = machine.withLock { $0.receive(input) }
        for action in actions { run(action) }
        updateStatus()
    }

    private func run(_ action: FleetStateMachine.Action) {
        switch action {
        case .submit(let index, let line):
            members[index].submit(line, typed: false)
        case .interrupt(let index):
            members[index].feed(.interrupted)
        case .endInput(let index):
            members[index].feed(.endOfInput)
        case .show(let text):
            // With --events-json stdout holds only records; the rest goes to stderr, as for one switch.
            if settings.eventsJSON { StandardStreams.aside(text) } else { queue.enqueue(text) }
        case .showError(let message):
            if interactive { queue.enqueue(palette.error(message)) } else { StandardStreams.error(message) }
        case .updatePrompt:
            queue.setPrompt(prompt)
        case .promptReady:
            queue.signalPromptReady()
        case .pane(let command):
            queue.pane(command)
        case .record(let request):
            Task { await self.record(request) }
        case .stop:
            queue.requestStop()
        }
    }

    /// `/record FILE`, `/record off`, `/record`: one recording of every switch's frames (each record
    /// names its switch, docs/recording.md); while it is on, no switch's connection drops. What
    /// happened goes back to the machine, which holds the next line until then.
    func record(_ request: SlashCommand.Recording?) async {
        let outcome: (message: String, failed: Bool)
        switch request {
        case nil:
            outcome = (ConsoleRecorder.shared.path.map { "recording every frame from every switch to \($0); /record off stops" }
                ?? "not recording; /record FILE records every frame from every switch (FILE.gz compressed)", false)
        case .off?:
            if let stopped = await ConsoleRecorder.shared.stop() {
                for member in members { member.fleetRecording(false) }
                outcome = stopped.failure.map { ($0.message, true) }
                    ?? ("recording stopped: \(stopped.frames) frame\(stopped.frames == 1 ? "" : "s") in \(stopped.path)", false)
            } else {
                outcome = ("not recording", false)
            }
        case .file(let typed)?:
            do {
                let path = try await ConsoleRecorder.shared.start(path: typed)
                for member in members { member.fleetRecording(true) }
                outcome = ("recording every frame from every switch to \(path)", false)
            } catch {
                outcome = (error.message, true)
            }
        }
        mailbox.yield(.recorded(outcome.message, failed: outcome.failed))
    }

    /// Redraws the status line when its text changed.
    private func updateStatus() {
        guard showsStatus else { return }
        // Read before the fleet's lock is taken: each member's own lock is taken here.
        let dropped = queue.droppedTotal + members.map(\.connectionDrops).reduce(0, +)
        let text = machine.withLock { fleet in
            FleetStatusLine(
                target: fleet.targetIndex.map { fleet.members[$0].name } ?? "all",
                switches: fleet.members.map { .init(name: $0.name, link: $0.link) },
                eventsPerSecond: fleet.members.map(\.eventsPerSecond).reduce(0, +),
                dropped: dropped, recording: ConsoleRecorder.shared.isRecording)
        }.text(width: Self.screenWidth())
        let changed = shownStatus.withLock { shown in
            defer { shown = text }
            return shown != text
        }
        if changed { queue.setStatus(text) }
    }

    /// The terminal's width in columns, or nil when stdout is not a terminal.
    static func screenWidth() -> Int? {
        var size = winsize()
        #if os(Linux)
        let result = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
        #else
        let result = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size)
        #endif
        return result == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    // MARK: Completion

    /// Tab: switch names after `/use`; anything else is completed by the switch commands go to
    /// (the first one up, when they go to all).
    func complete(_ request: LineEditor.CompletionRequest) -> CompletionResult {
        let context = CompletionContext(line: request.line, cursor: request.cursorUTF8Offset)
        let (names, index) = machine.withLock { fleet in
            (fleet.members.map(\.name), fleet.targetIndex ?? fleet.members.firstIndex { $0.link == .connected } ?? 0)
        }
        if context.index == 1, context.words.first.map({ SlashCommandName(word: $0) == .use }) == true {
            return ConsoleSession.result(context.completion(among: names + ["all"], hint: nil), beforeCursor: request.beforeCursor)
        }
        return members[index].complete(request)
    }
}
