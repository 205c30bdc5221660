/// What the terminal thread reports to the console while `run` is going.
public enum LineEvent: Sendable, Equatable {
    /// Enter was pressed (or, without a terminal, a line was read). The text has no newline.
    case line(String)
    /// Ctrl-D on an empty line, or end of input on a pipe.
    case endOfInput
    /// Ctrl-C (SIGINT). An interactive editor has already abandoned the partial line.
    case interrupt
    /// F1…F12 was pressed (1-based). The partial line is left alone; the console decides.
    case functionKey(Int)
    /// SIGTERM or SIGHUP arrived: the loop returns (restoring the terminal) whatever the handler says.
    case terminated(signal: Int32)
}

/// What the console's event handler wants the loop to do next.
public enum LoopAction: Sendable, Equatable {
    case proceed
    case stop
}

/// The input line at the moment Tab was pressed.
public struct CompletionRequest: Sendable, Equatable {
    public var line: String
    /// Cursor offset in UTF-8 bytes (what fs_cli sends as `c=<pos>`).
    public var cursorUTF8Offset: Int

    public init(line: String, cursorUTF8Offset: Int) {
        self.line = line
        self.cursorUTF8Offset = cursorUTF8Offset
    }

    /// The text left of the cursor.
    public var beforeCursor: String {
        let bytes = Array(line.utf8)
        return String(decoding: bytes.prefix(max(0, min(cursorUTF8Offset, bytes.count))), as: UTF8.self)
    }
}

/// The console's answer to a completion request.
public struct CompletionResult: Sendable, Equatable {
    /// Shown above the prompt when non-empty (more than one match, or a listing).
    public var candidates: [String]
    /// Characters (Swift `Character`s) to delete left of the cursor before inserting `insert`.
    public var deleteBeforeCursor: Int
    /// Inserted at the cursor; nothing happens to the line when empty and `deleteBeforeCursor` is 0.
    public var insert: String
    /// A line shown above the prompt after the candidates (e.g. the usage of the command being typed).
    public var message: String?

    public init(candidates: [String] = [], deleteBeforeCursor: Int = 0, insert: String = "", message: String? = nil) {
        self.candidates = candidates
        self.deleteBeforeCursor = deleteBeforeCursor
        self.insert = insert
        self.message = message
    }

    public static let none = CompletionResult()
}

public typealias Completer = (CompletionRequest) -> CompletionResult

/// A line editor driven by an event loop that owns the terminal (the only writer to it).
///
/// `run` blocks the calling thread — the terminal thread — in poll(2) over stdin and the
/// `OutputQueue`'s wake-up descriptor until the handler returns `.stop`, input ends and the handler
/// does not object, or another thread calls `OutputQueue.requestStop()`. Everything else in this
/// protocol must be called on the terminal thread, i.e. from inside the handler.
public protocol LineEditing: AnyObject {
    /// Whether this editor redraws a prompt (a terminal) or just reads lines (a pipe).
    var isInteractive: Bool { get }

    /// Called on Tab with the current line; `nil` leaves Tab inserting nothing.
    var completer: Completer? { get set }

    /// Runs the loop. Returns when the handler returns `.stop` or `queue.requestStop()` is called.
    /// After `.endOfInput` the loop also returns unless the handler answers `.proceed`: then an
    /// interactive editor shows a fresh prompt, and a pipe reader stops reading but keeps printing
    /// queued output until `queue.requestStop()` (so commands still running can finish).
    func run(prompt: String, queue: OutputQueue, onEvent: (LineEvent) -> LoopAction)

    /// Changes the prompt; takes effect immediately (redrawn with the partial line).
    func setPrompt(_ prompt: String)

    /// Empties the partial input (e.g. before echoing an F-key macro). Terminal thread.
    func clearLine()

    /// Prints `text` (a trailing newline is added when missing) above the prompt and the partial
    /// input, which are redrawn intact below it. Terminal thread only.
    func printAbove(_ text: String)
}
