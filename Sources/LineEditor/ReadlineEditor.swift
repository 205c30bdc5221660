// The only Swift file that imports CReadline (docs/architecture.md, "Fenced C interop"). readline's callbacks carry
// no context pointer, so each C entry point below is a trampoline: it reads the one guarded global
// `activeEditor` (set for the duration of `run`, checked against the owning thread) and hands off to
// plain Swift methods of ReadlineEditor.
import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version string of the GNU readline library this binary was linked with, e.g. `8.2`.
public var readlineLibraryVersion: String {
    guard let version = fscli_rl_library_version() else { return "unknown" }
    return String(cString: version)
}

// MARK: - The one guarded global

private struct ActiveEditor {
    weak var editor: ReadlineEditor?
    var thread: pthread_t
}

/// Written only by `ReadlineEditor.run` on the terminal thread; read only by the trampolines, which
/// readline calls from inside `rl_callback_read_char` on that same thread.
nonisolated(unsafe) private var activeEditor: ActiveEditor?

private func currentEditor() -> ReadlineEditor? {
    guard let active = activeEditor, pthread_equal(active.thread, pthread_self()) != 0 else { return nil }
    return active.editor
}

// MARK: - Trampolines

private func lineTrampoline(_ raw: UnsafeMutablePointer<CChar>?) {
    let line = raw.map { String(cString: $0) }
    free(raw)
    currentEditor()?.handleLine(line)
}

private func completeTrampoline(_ count: Int32, _ key: Int32) -> Int32 {
    currentEditor()?.handleTab()
    return 0
}

private func functionKey(_ number: Int) -> Int32 {
    currentEditor()?.handleFunctionKey(number)
    return 0
}

// rl_command_func_t gets only (count, key) and `key` is the sequence's last byte, which does not tell
// F-keys apart; one trampoline per key does.
private func f1(_: Int32, _: Int32) -> Int32 { functionKey(1) }
private func f2(_: Int32, _: Int32) -> Int32 { functionKey(2) }
private func f3(_: Int32, _: Int32) -> Int32 { functionKey(3) }
private func f4(_: Int32, _: Int32) -> Int32 { functionKey(4) }
private func f5(_: Int32, _: Int32) -> Int32 { functionKey(5) }
private func f6(_: Int32, _: Int32) -> Int32 { functionKey(6) }
private func f7(_: Int32, _: Int32) -> Int32 { functionKey(7) }
private func f8(_: Int32, _: Int32) -> Int32 { functionKey(8) }
private func f9(_: Int32, _: Int32) -> Int32 { functionKey(9) }
private func f10(_: Int32, _: Int32) -> Int32 { functionKey(10) }
private func f11(_: Int32, _: Int32) -> Int32 { functionKey(11) }
private func f12(_: Int32, _: Int32) -> Int32 { functionKey(12) }

private func pageUp(_: Int32, _: Int32) -> Int32 {
    currentEditor()?.handlePage(up: true)
    return 0
}

private func pageDown(_: Int32, _: Int32) -> Int32 {
    currentEditor()?.handlePage(up: false)
    return 0
}

/// End: back to the newest output when the pane is paged back; otherwise readline's end-of-line.
private func endKey(_ count: Int32, _ key: Int32) -> Int32 {
    guard let editor = currentEditor(), editor.handleEnd() else { return rl_end_of_line(count, key) }
    return 0
}

private func clearScreen(_ count: Int32, _ key: Int32) -> Int32 {
    guard let editor = currentEditor(), editor.handleClearScreen() else { return rl_clear_screen(count, key) }
    return 0
}

private typealias KeyCommand = @convention(c) (Int32, Int32) -> Int32

// MARK: - The editor

/// GNU readline through its callback interface: emacs keys, Up/Down and Ctrl-R history search,
/// `~/.inputrc`, Tab bound to the console's completer, F1–F12 reported as events.
///
/// Prompts with colour escapes must wrap them in `\u{1}`…`\u{2}` so readline measures them right.
///
/// In pane mode the screen is split (``PaneScreen``): output scrolls in a region above, a status
/// line (``OutputQueue/setStatus(_:)``) and the input line stay put at the bottom, PageUp and
/// PageDown page through the last 10,000 lines.
public final class ReadlineEditor: LineEditing {
    public let isInteractive = true
    public var completer: Completer?

    private let history: HistoryFile?
    /// Set when a history write fails; reported once above the prompt.
    private var historyFailureReported = false
    private var lastInMemoryEntry: String?

    private var prompt = ""
    private var handler: ((LineEvent) -> LoopAction)?
    private var installed = false
    private var insideLineHandler = false
    /// Key bindings are process-wide; made once, on the terminal thread.
    nonisolated(unsafe) private static var configured = false

    /// Whether `run` splits the screen into pane, status line and input line.
    public let usesPane: Bool
    /// The split screen while `run` is going in pane mode.
    private var pane: PaneScreen?

    /// `history` nil keeps history in memory only (-Q). Its entries are loaded into readline here.
    /// `pane` splits the screen while `run` is going (stdout must be a terminal).
    public init(history: HistoryFile?, applicationName: String = "fscli", pane: Bool = false) {
        self.history = history
        self.usesPane = pane
        Self.configureOnce(applicationName: applicationName)
        using_history()
        clear_history()
        stifle_history(Int32(history?.maxEntries ?? HistoryFile.defaultMaxEntries))
        for entry in history?.entries ?? [] { add_history(entry) }
        lastInMemoryEntry = history?.entries.last
    }

    private static func configureOnce(applicationName: String) {
        guard !configured else { return }
        configured = true
        // A static name outlives every readline call (rl_readline_name is not copied).
        fscli_rl_set_readline_name(strdup(applicationName))
        fscli_rl_set_catch_signals(0)  // SIGINT and SIGWINCH are ours (InterruptPipe)
        fscli_rl_set_catch_sigwinch(0)
        fscli_rl_set_change_environment(0)
        rl_initialize()
        _ = rl_bind_key(9, completeTrampoline)
        // xterm (SS3 and CSI forms), vt100/vt220, the Linux console, and fs_cli's own list.
        let sequences: [[String]] = [
            ["\u{1b}OP", "\u{1b}[11~", "\u{1b}[[A"],
            ["\u{1b}OQ", "\u{1b}[12~", "\u{1b}[[B"],
            ["\u{1b}OR", "\u{1b}[13~", "\u{1b}[[C"],
            ["\u{1b}OS", "\u{1b}[14~", "\u{1b}[[D"],
            ["\u{1b}OT", "\u{1b}[15~", "\u{1b}[[E"],
            ["\u{1b}OU", "\u{1b}[17~"],
            ["\u{1b}OV", "\u{1b}[18~"],
            ["\u{1b}OW", "\u{1b}[19~"],
            ["\u{1b}OX", "\u{1b}[20~"],
            ["\u{1b}OY", "\u{1b}[21~"],
            ["\u{1b}OZ", "\u{1b}[23~"],
            ["\u{1b}O[", "\u{1b}[24~"],
        ]
        let functionKeyCommands: [KeyCommand] = [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12]
        for (index, keys) in sequences.enumerated() {
            for key in keys { _ = rl_bind_keyseq(key, functionKeyCommands[index]) }
        }
        for key in ["\u{1b}[5~", "\u{1b}[[5~"] { _ = rl_bind_keyseq(key, pageUp) }
        for key in ["\u{1b}[6~", "\u{1b}[[6~"] { _ = rl_bind_keyseq(key, pageDown) }
        for key in ["\u{1b}[F", "\u{1b}OF", "\u{1b}[4~", "\u{1b}[8~"] { _ = rl_bind_keyseq(key, endKey) }
        _ = rl_bind_key(12, clearScreen)  // Ctrl-L
    }

    // MARK: LineEditing

    public func run(prompt: String, queue: OutputQueue, onEvent: (LineEvent) -> LoopAction) {
        precondition(activeEditor?.editor == nil, "one ReadlineEditor.run at a time")
        withoutActuallyEscaping(onEvent) { onEvent in
            handler = onEvent
            activeEditor = ActiveEditor(editor: self, thread: pthread_self())
            let interrupts = InterruptPipe(watchResize: true, watchJobControl: true)
            defer {
                uninstall()
                if let pane {
                    fscli_rl_write(pane.finish())
                    self.pane = nil
                }
                interrupts.remove()
                activeEditor = nil
                handler = nil
            }
            self.prompt = prompt
            if usesPane { startPane() }
            rl_callback_handler_install(prompt, lineTrampoline)
            installed = true
            while installed {
                let ready = waitForReadiness(inputFD: STDIN_FILENO, queueFD: queue.wakeFD, interruptFD: interrupts.readFD)
                if ready.queue {
                    let batch = queue.drain()
                    if let newPrompt = batch.prompt { setPrompt(newPrompt) }
                    if let status = batch.status, pane != nil { fscli_rl_write(pane!.setStatus(status)) }
                    if !batch.texts.isEmpty || batch.dropped > 0 { printAbove(printable(batch)) }
                    for command in batch.paneCommands { run(command) }
                    if batch.stopRequested { return }
                }
                let signals = ready.interrupt ? interrupts.consume() : InterruptPipe.Received()
                if let signal = signals.termination {
                    fscli_rl_write("\n")
                    _ = onEvent(.terminated(signal: signal))
                    return
                }
                if signals.suspend {
                    suspend(interrupts)
                } else if signals.continued {
                    resumed()
                }
                if signals.resized { handleResize() }
                if signals.interrupt && installed { handleInterrupt() }
                guard installed else { return }
                if ready.input {
                    rl_callback_read_char()
                } else if ready.inputClosed {
                    fscli_rl_write("\n")
                    _ = onEvent(.endOfInput)
                    return
                }
            }
        }
    }

    public func setPrompt(_ prompt: String) {
        self.prompt = prompt
        guard installed else { return }
        rl_set_prompt(prompt)
        redrawInput()
    }

    public func printAbove(_ text: String) {
        if pane != nil {
            // The pane is drawn around the input row, which is left as it is.
            fscli_rl_write(pane!.print(text))
            return
        }
        let text = withTrailingNewline(text)
        guard installed, !insideLineHandler else {
            // No prompt on screen (inside the line handler readline redraws it afterwards).
            fscli_rl_write(text)
            return
        }
        rl_clear_visible_line()
        fscli_rl_write(text)
        rl_on_new_line()
        rl_forced_update_display()
    }

    /// Draws the prompt and the partial line again from the start of the input row. Every redraw
    /// goes through here: `rl_forced_update_display` alone assumes the cursor is at column 0 and
    /// would draw a second prompt after the first.
    private func redrawInput() {
        guard installed, !insideLineHandler else { return }
        if pane != nil {
            fscli_rl_write("\r" + PaneLayout.clearRow)
        } else {
            rl_clear_visible_line()
        }
        rl_on_new_line()
        rl_forced_update_display()
    }

    /// Empties the input line (e.g. before echoing an F-key macro). Terminal thread.
    public func clearLine() {
        guard installed, !insideLineHandler else { return }
        rl_replace_line("", 1)
        fscli_rl_set_point(0)
        redrawInput()
    }

    // MARK: Called by the trampolines

    fileprivate func handleLine(_ line: String?) {
        guard let handler else { return }
        insideLineHandler = true
        defer { insideLineHandler = false }
        guard let line else {
            // Ctrl-D on an empty line: leave the cursor on a fresh line.
            fscli_rl_write("\n")
            if handler(.endOfInput) == .stop { uninstall() }
            return
        }
        record(line)
        if pane != nil {
            // readline's line feed cannot leave the last row (it is below the scroll region): clear
            // the row and keep the line in the pane, as a terminal without the pane would.
            fscli_rl_write("\r" + PaneLayout.clearRow)
            fscli_rl_write(pane!.print(prompt.withoutReadlineMarkers + line))
        }
        if handler(.line(line)) == .stop { uninstall() }
    }

    fileprivate func handleFunctionKey(_ number: Int) {
        guard let handler else { return }
        if handler(.functionKey(number)) == .stop { uninstall() }
    }

    fileprivate func handlePage(up: Bool) {
        guard pane != nil else {
            rl_ding()
            return
        }
        fscli_rl_write(pane!.page(up: up))
    }

    /// End while the pane holds still: follow the output again; false leaves End to readline.
    fileprivate func handleEnd() -> Bool {
        guard pane != nil, pane!.isHolding else { return false }
        fscli_rl_write(pane!.returnToBottom())
        return true
    }

    /// `/find`, `/pause`, `/resume`.
    private func run(_ command: PaneCommand) {
        guard pane != nil else {
            printAbove("the output is not paged here (--no-pane): use the terminal's own scroll-back")
            return
        }
        switch command {
        case .find(let text?) where !text.isEmpty:
            fscli_rl_write(pane!.find(text))
        case .find:
            fscli_rl_write(pane!.returnToBottom())
        case .pause:
            fscli_rl_write(pane!.pause())
        case .resume:
            fscli_rl_write(pane!.returnToBottom())
        }
    }

    /// Ctrl-L in pane mode clears the pane only; false leaves it to readline.
    fileprivate func handleClearScreen() -> Bool {
        guard let pane else { return false }
        fscli_rl_write(pane.clearPane())
        return true
    }

    fileprivate func handleTab() {
        guard let completer, let buffer = fscli_rl_line_buffer() else { return }
        let line = String(cString: buffer)
        let point = Int(fscli_rl_point())
        let request = CompletionRequest(line: line, cursorUTF8Offset: point)
        let result = completer(request)
        let listing = (result.candidates.isEmpty ? [] : [columns(result.candidates)]) + (result.message.map { [$0] } ?? [])
        if !listing.isEmpty { printAbove(listing.joined(separator: "\n")) }
        guard result.deleteBeforeCursor > 0 || !result.insert.isEmpty else { return }
        let deleted = request.beforeCursor.suffix(result.deleteBeforeCursor).utf8.count
        if deleted > 0 {
            _ = rl_delete_text(Int32(point - deleted), Int32(point))
            fscli_rl_set_point(Int32(point - deleted))
        }
        if !result.insert.isEmpty { _ = rl_insert_text(result.insert) }
    }

    // MARK: Internals

    private func handleInterrupt() {
        guard let handler else { return }
        // Abandon the partial line like a shell: leave it visible with ^C, start a fresh prompt.
        rl_callback_sigcleanup()  // ends an incremental search or a pending key sequence
        if pane != nil {
            let line = fscli_rl_line_buffer().map { String(cString: $0) } ?? ""
            fscli_rl_write("\r" + PaneLayout.clearRow)
            fscli_rl_write(pane!.print(prompt.withoutReadlineMarkers + line + "^C"))
        } else {
            fscli_rl_set_point(fscli_rl_end())
            rl_redisplay()
            fscli_rl_write("^C\n")
        }
        rl_replace_line("", 1)
        rl_free_line_state()
        _ = history_set_pos(history_length_value())
        // No prompt is on screen while the handler runs (as in the line handler): printAbove just writes.
        insideLineHandler = true
        let action = handler(.interrupt)
        insideLineHandler = false
        if action == .stop {
            uninstall()
            return
        }
        // The cursor is at the start of a fresh row (pane: the cleared input row).
        fscli_rl_write("\r")
        rl_on_new_line()
        rl_forced_update_display()
    }

    private func startPane() {
        let size = TerminalSize.of(STDOUT_FILENO) ?? TerminalSize(rows: 24, columns: 80)
        pane = PaneScreen(rows: size.rows, columns: size.columns)
        // The input line has one row (the status line is right above it): a line wider than the
        // screen scrolls sideways instead of wrapping into the status line and the pane.
        _ = rl_variable_bind("horizontal-scroll-mode", "on")
        rl_set_screen_size(Int32(size.rows), Int32(size.columns))
        fscli_rl_write(pane!.start())
    }

    /// SIGWINCH: readline learns the new size; the pane is laid out again around the input line.
    private func handleResize() {
        guard pane != nil, let size = TerminalSize.of(STDOUT_FILENO) else {
            rl_resize_terminal()
            return
        }
        rl_set_screen_size(Int32(size.rows), Int32(size.columns))
        fscli_rl_write(pane!.resize(rows: size.rows, columns: size.columns))
        redrawInput()
    }

    /// Ctrl-Z: gives the terminal back whole (scroll region, cursor, readline's terminal modes),
    /// stops, and once continued takes it over again and redraws everything, as less and vim do.
    private func suspend(_ interrupts: InterruptPipe) {
        if let pane {
            fscli_rl_write(pane.finish())
        } else if installed {
            rl_clear_visible_line()
        }
        rl_deprep_terminal()
        interrupts.stopProcess()
        // Continued: the SIGCONT that did it wakes the loop, which calls resumed().
    }

    /// SIGCONT (after our own stop or someone else's): readline's terminal modes again, and the
    /// whole screen redrawn, at the size the terminal has now.
    private func resumed() {
        rl_prep_terminal(1)
        if pane != nil, let size = TerminalSize.of(STDOUT_FILENO) {
            rl_set_screen_size(Int32(size.rows), Int32(size.columns))
            fscli_rl_write(pane!.resize(rows: size.rows, columns: size.columns))
        } else {
            fscli_rl_write("\r")
        }
        redrawInput()
    }

    private func record(_ line: String) {
        if let history {
            guard history.shouldKeep(line) else { return }
            add_history(line)
            do {
                try history.add(line)
            } catch {
                if !historyFailureReported {
                    historyFailureReported = true
                    fscli_rl_write("\(error)\n")
                }
            }
        } else {
            guard HistoryPolicy.keeps(line, after: lastInMemoryEntry) else { return }
            add_history(line)
            lastInMemoryEntry = line
        }
    }

    private func uninstall() {
        guard installed else { return }
        installed = false
        rl_callback_handler_remove()
    }

    private func columns(_ candidates: [String]) -> String {
        var rows: Int32 = 0
        var width: Int32 = 0
        rl_get_screen_size(&rows, &width)
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let perLine = max(1, Int(width > 0 ? width : 80) / cell)
        var lines: [String] = []
        var index = 0
        while index < candidates.count {
            let slice = candidates[index..<min(index + perLine, candidates.count)]
            lines.append(slice.map { $0 + String(repeating: " ", count: cell - $0.count) }.joined()
                .replacingTrailingSpaces())
            index += perLine
        }
        return lines.joined(separator: "\n")
    }
}

private func history_length_value() -> Int32 {
    history_get_history_state().map { state in
        defer { free(state) }
        return state.pointee.length
    } ?? 0
}

extension String {
    /// The prompt as printed: readline's `\u{1}`/`\u{2}` width markers removed.
    fileprivate var withoutReadlineMarkers: String {
        filter { $0 != "\u{1}" && $0 != "\u{2}" }
    }

    fileprivate func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
