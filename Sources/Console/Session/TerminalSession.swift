import LineEditor

/// What the terminal loop drives: one switch's ``ConsoleSession`` or a ``FleetSession``.
protocol TerminalDriven: AnyObject, Sendable {
    var settings: ConsoleSettings { get }
    /// The prompt, coloured for readline.
    var prompt: String { get }
    /// Tab, on the terminal thread.
    func complete(_ request: LineEditor.CompletionRequest) -> CompletionResult
    /// A line typed (`typed`) or read, or an F-key macro.
    func submit(_ line: String, typed: Bool)
    /// Batch input ended.
    func endOfInput()
    /// Ctrl-C at the prompt (without `-i`).
    func interrupt()
    /// Records why the session ends (Ctrl-C with `-i`, a signal).
    func end(_ outcome: ExitStatus)
}

extension ConsoleSession: TerminalDriven {
    func endOfInput() { feed(.endOfInput) }
    func interrupt() { feed(.interrupted) }
}

/// The terminal side of a session: the line editor's loop on a thread of its own (it blocks in
/// poll(2), which must not tie up a Swift concurrency thread), turning keys into session actions.
final class TerminalSession: @unchecked Sendable {
    private let session: any TerminalDriven
    private let queue: OutputQueue
    private let interactive: Bool
    private let pane: Bool
    private let history: HistoryFile?
    // Touched only on the terminal thread.
    private var functionKeys: FunctionKeyState

    /// `pane` splits an interactive terminal (log pane, status line, input line).
    init(session: any TerminalDriven, queue: OutputQueue, interactive: Bool, pane: Bool, history: HistoryFile?) {
        self.session = session
        self.queue = queue
        self.interactive = interactive
        self.pane = interactive && pane
        self.history = history
        self.functionKeys = FunctionKeyState(keys: session.settings.functionKeys)
    }

    /// Runs the loop until the session ends; returns when the terminal thread is done.
    func run() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DedicatedThread.start(name: "fscli terminal") { [self] in
                loop()
                done.resume()
            }
        }
    }

    private func loop() {
        // With --events-json stdout holds only records: no prompt, even when stdin is a terminal.
        let editor: any LineEditing = interactive
            ? ReadlineEditor(history: history, pane: pane)
            : PlainLineReader(showsPrompt: session.settings.eventsJSON ? false : nil)
        if interactive {
            editor.completer = { [session] request in session.complete(request) }
        }
        editor.run(prompt: session.prompt, queue: queue) { event in
            handle(event, editor: editor)
        }
    }

    private func handle(_ event: LineEvent, editor: any LineEditing) -> LoopAction {
        switch event {
        case .line(let line):
            return submit(line, typed: interactive)
        case .endOfInput:
            guard interactive else {
                session.endOfInput()
                return .proceed
            }
            return .stop  // Ctrl-D on an empty line
        case .interrupt:
            if session.settings.interruptExits {
                session.end(.commandFailed)
                editor.printAbove("Interrupted.")
                return .stop
            }
            session.interrupt()
            return .proceed
        case .terminated(let signal):
            // Killed (SIGTERM) or the terminal went away (SIGHUP): leave cleanly; history is
            // already written, and the loop restores the terminal on its way out.
            session.end(.commandFailed)
            editor.printAbove("terminated by signal \(signal)")
            return .stop
        case .functionKey(let number):
            guard let command = functionKeys.press(number) else {
                editor.printAbove("F\(number) is not bound; set key_F\(number) in the configuration")
                return .proceed
            }
            editor.clearLine()
            editor.printAbove(session.prompt.strippingReadlineMarkers + command)
            return submit(command, typed: false)
        }
    }

    /// `typed`: entered at the prompt, so history may keep it (F-key macros and batch lines are not).
    private func submit(_ line: String, typed: Bool) -> LoopAction {
        // Interactive /exit leaves at once, even while a command is running; in batch mode it
        // waits its turn like every other line.
        if interactive, case .slash(.exit) = InputParser.parse(line) {
            return .stop
        }
        session.submit(line, typed: typed)
        return .proceed
    }
}

extension String {
    /// The prompt as printed: readline's `\u{1}`/`\u{2}` width markers removed.
    var strippingReadlineMarkers: String {
        filter { $0 != "\u{1}" && $0 != "\u{2}" }
    }
}
