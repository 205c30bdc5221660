#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// Text bound for the terminal, handed over from any thread to the terminal thread.
///
/// Producers (network readers, timers) call `enqueue`; they never write to the terminal themselves.
/// Each hand-over makes `wakeFD` readable, which the editor's poll(2) loop watches; the terminal
/// thread then calls `drain()` and prints the batch with one prompt redraw. Wake-ups are coalesced:
/// at most one byte sits in the pipe however many items are queued.
public final class OutputQueue: @unchecked Sendable {
    /// What one `drain()` handed over.
    public struct Batch: Sendable, Equatable {
        /// Texts in enqueue order.
        public var texts: [String]
        /// The last prompt set since the previous drain, if any.
        public var prompt: String?
        /// Whether `requestStop()` was called (sticky: later drains report it again).
        public var stopRequested: Bool
        /// Droppable texts refused since the previous drain because the queue was full (the
        /// terminal is slower than the stream); the editor says so in one line.
        public var dropped: Int = 0
        /// The last status text set since the previous drain, if any (the pane's status row).
        public var status: String?
        /// Scroll-back requests, in order (an editor without a pane answers that it has none).
        public var paneCommands: [PaneCommand] = []
        /// The console became idle (its last command answered): a reader that prints its prompt
        /// itself (no line editing) prints it now, so one prompt follows each command's output.
        public var promptReady = false

        public var isEmpty: Bool {
            texts.isEmpty && prompt == nil && !stopRequested && dropped == 0 && status == nil && paneCommands.isEmpty && !promptReady
        }

        /// The line that reports `dropped`, or nil when nothing was dropped.
        public var droppedNotice: String? {
            dropped == 0 ? nil : "[\(dropped) line\(dropped == 1 ? "" : "s") of logs and events dropped: the terminal is slower than the switch]"
        }
    }

    /// What a full queue does with more streamed text (logs and events).
    public enum WhenFull: Sendable, Equatable {
        /// Refuses it and counts the lines, so the stream never waits for a slow terminal.
        case drops
        /// Makes the producer wait (``enqueueStreamed(_:lines:)``) until the terminal thread has
        /// taken what is queued, so nothing is lost and memory stays bounded.
        case waits
    }

    /// At most about this many droppable lines wait for the terminal; more are counted, not kept
    /// (or, with ``WhenFull/waits``, wait their turn).
    public let droppableLimit: Int
    /// What happens to streamed text once ``droppableLimit`` lines are queued.
    public let whenFull: WhenFull

    /// The read end of the wake-up pipe: poll it for POLLIN. Non-blocking, close-on-exec.
    public let wakeFD: Int32
    private let signalFD: Int32

    private let lock = NIOLock()
    private var texts: [String] = []
    private var prompt: String?
    private var stopRequested = false
    private var wakePending = false
    private var droppableCount = 0
    private var dropped = 0
    private var droppedSoFar = 0
    private var status: String?
    private var paneCommands: [PaneCommand] = []
    private var promptReady = false
    /// Producers waiting for room (``WhenFull/waits``), resumed by the next `drain()`.
    private var roomWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter: UInt64 = 0

    /// A queue holding at most about `droppableLimit` droppable lines (logs and events) at a time;
    /// `whenFull` says whether more are dropped and counted or wait.
    public init(droppableLimit: Int = 20_000, whenFull: WhenFull = .drops) {
        (wakeFD, signalFD) = NonBlockingPipe.make()
        self.droppableLimit = droppableLimit
        self.whenFull = whenFull
    }

    deinit {
        close(wakeFD)
        close(signalFD)
    }

    /// Queues text for printing above the prompt. Any thread.
    ///
    /// `droppable` text (a log line, an event) is refused and counted when the queue already holds
    /// ``droppableLimit`` droppable texts, so a terminal slower than the stream costs lines, shown
    /// as a count, rather than unbounded memory. Replies and messages are never dropped.
    /// `lines` is how many lines `text` holds, for counting (a burst of log lines can be one text).
    public func enqueue(_ text: String, droppable: Bool = false, lines: Int = 1) {
        lock.lock()
        if droppable {
            guard droppableCount < droppableLimit else {
                // The queue is full, so a wake-up is already pending: the count will be shown.
                dropped += lines
                droppedSoFar += lines
                lock.unlock()
                return
            }
            droppableCount += lines
        }
        texts.append(text)
        let mustWake = !wakePending
        wakePending = true
        lock.unlock()
        if mustWake { wake() }
    }

    /// Queues streamed text (log lines, events; `lines` of them) by this queue's ``whenFull`` policy:
    /// dropped and counted when full (as `enqueue(text, droppable: true)`), or queued once the
    /// terminal thread has made room, the caller waiting meanwhile. A cancelled wait queues the text
    /// anyway (one text past the limit), so what the reader already took is still printed.
    public func enqueueStreamed(_ text: String, lines: Int) async {
        guard whenFull == .waits else {
            enqueue(text, droppable: true, lines: lines)
            return
        }
        while !Task.isCancelled && !hasRoom() {
            await waitForRoom()
        }
        lock.lock()
        droppableCount += lines
        texts.append(text)
        let mustWake = !wakePending
        wakePending = true
        lock.unlock()
        if mustWake { wake() }
    }

    private func hasRoom() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return droppableCount < droppableLimit
    }

    /// Returns after the next `drain()` (at once if one came since the queue was last full), or
    /// when the task is cancelled.
    private func waitForRoom() async {
        let id = lock.withLock {
            nextWaiter += 1
            return nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                lock.lock()
                if droppableCount < droppableLimit || Task.isCancelled {
                    lock.unlock()
                    continuation.resume()
                } else {
                    roomWaiters[id] = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            let waiter = lock.withLock { roomWaiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Changes the prompt from any thread (e.g. after a reconnect).
    public func setPrompt(_ prompt: String) {
        update { self.prompt = prompt }
    }

    /// Sets the status line's text from any thread; an editor without a status line ignores it.
    public func setStatus(_ status: String) {
        update { self.status = status }
    }

    /// Asks the pane to search, pause or resume. Any thread.
    public func pane(_ command: PaneCommand) {
        update { paneCommands.append(command) }
    }

    /// Says the console is idle and waits for a line (see ``Batch/promptReady``). Any thread.
    public func signalPromptReady() {
        update { promptReady = true }
    }

    /// Droppable texts refused since the queue was made (the session's running total). Any thread.
    public var droppedTotal: Int {
        lock.lock()
        defer { lock.unlock() }
        return droppedSoFar
    }

    /// Asks the terminal thread's loop to return (e.g. the connection closed). Any thread.
    public func requestStop() {
        update { stopRequested = true }
    }

    /// Takes everything queued so far and clears the wake-up. Terminal thread.
    public func drain() -> Batch {
        // Empty the pipe first, then take the items: a producer that runs after we took them sees
        // wakePending == false and writes a fresh byte, so no item is ever left without a wake-up.
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(wakeFD, $0.baseAddress, $0.count) }) > 0 {}
        lock.lock()
        var batch = Batch(texts: texts, prompt: prompt, stopRequested: stopRequested)
        batch.dropped = dropped
        batch.status = status
        batch.paneCommands = paneCommands
        batch.promptReady = promptReady
        texts.removeAll(keepingCapacity: true)
        prompt = nil
        status = nil
        paneCommands.removeAll()
        promptReady = false
        wakePending = false
        droppableCount = 0
        dropped = 0
        let waiters = roomWaiters.values
        roomWaiters.removeAll()
        lock.unlock()
        for waiter in waiters { waiter.resume() }
        return batch
    }

    /// Applies `change` under the lock and writes the wake-up byte unless one is already pending.
    private func update(_ change: () -> Void) {
        lock.lock()
        change()
        let mustWake = !wakePending
        wakePending = true
        lock.unlock()
        if mustWake { wake() }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(signalFD, &byte, 1)
    }
}
