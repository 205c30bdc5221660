#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fallback for pipes, `-b` and `TERM=dumb`: reads lines from a descriptor, prints output as it
/// comes, no editing, history or completion. The prompt is shown only when input is a terminal.
///
/// It runs the same poll loop as the readline editor, so queued output and requestStop() work
/// the same way in batch mode, and end of input always ends `run` (no fs_cli-style spinning at EOF).
public final class PlainLineReader: LineEditing {
    public let isInteractive = false
    public var completer: Completer?

    private let inputFD: Int32
    private let outputFD: Int32
    private let showsPrompt: Bool
    private var prompt = ""
    private var pending: [UInt8] = []
    private var promptVisible = false
    /// The console waits for a line (its last command answered, see ``OutputQueue/Batch/promptReady``):
    /// only then is a prompt shown, so each command's output is followed by exactly one.
    private var idle = false

    /// `showsPrompt` defaults to "input is a terminal" (a dumb terminal still gets a prompt).
    public init(inputFD: Int32 = STDIN_FILENO, outputFD: Int32 = STDOUT_FILENO, showsPrompt: Bool? = nil) {
        self.inputFD = inputFD
        self.outputFD = outputFD
        self.showsPrompt = showsPrompt ?? (isatty(inputFD) == 1)
    }

    public func setPrompt(_ prompt: String) {
        self.prompt = prompt
    }

    /// Nothing to clear: input is not edited here.
    public func clearLine() {}

    public func printAbove(_ text: String) {
        if promptVisible {
            writeAll(outputFD, "\n")
            promptVisible = false
        }
        writeAll(outputFD, withTrailingNewline(text))
    }

    public func run(prompt: String, queue: OutputQueue, onEvent: (LineEvent) -> LoopAction) {
        self.prompt = prompt
        let interrupts = InterruptPipe()
        defer { interrupts.remove() }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var inputEnded = false
        while true {
            // After the end of input only the queue and Ctrl-C are watched (poll skips fd -1).
            let ready = waitForReadiness(inputFD: inputEnded ? -1 : inputFD, queueFD: queue.wakeFD, interruptFD: interrupts.readFD)
            if ready.queue {
                let batch = queue.drain()
                if let newPrompt = batch.prompt { self.prompt = newPrompt }
                if !batch.texts.isEmpty || batch.dropped > 0 { printAbove(printable(batch)) }
                if !batch.paneCommands.isEmpty { printAbove("the output is not paged here (no pane: a pipe, -b or TERM=dumb)") }
                if batch.stopRequested { return }
                if batch.promptReady { idle = true }
                if !inputEnded && idle { showPrompt() }
            }
            let signals = ready.interrupt ? interrupts.consume() : InterruptPipe.Received()
            if let signal = signals.termination {
                _ = onEvent(.terminated(signal: signal))
                return
            }
            if signals.interrupt {
                pending.removeAll()
                if onEvent(.interrupt) == .stop { return }
            }
            guard !inputEnded, ready.input || ready.inputClosed else { continue }
            let count = ready.input ? buffer.withUnsafeMutableBytes { read(inputFD, $0.baseAddress, $0.count) } : 0
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 {
                // Ctrl-D at a prompt: what follows starts on a line of its own.
                if promptVisible {
                    writeAll(outputFD, "\n")
                    promptVisible = false
                }
                // End of input: a last unterminated line still counts, then the end.
                if !pending.isEmpty {
                    let line = takeLine(upTo: pending.count)
                    if onEvent(.line(line)) == .stop { return }
                }
                if onEvent(.endOfInput) == .stop { return }
                inputEnded = true
                continue
            }
            pending.append(contentsOf: buffer[0..<count])
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                promptVisible = false
                idle = false
                let line = takeLine(upTo: newline)
                pending.removeFirst()  // the newline
                if onEvent(.line(line)) == .stop { return }
            }
        }
    }

    private func takeLine(upTo end: Int) -> String {
        var bytes = Array(pending[0..<end])
        pending.removeFirst(end)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func showPrompt() {
        guard showsPrompt, !promptVisible else { return }
        writeAll(outputFD, prompt)
        promptVisible = true
    }
}
