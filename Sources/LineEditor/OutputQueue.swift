#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

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

        public var isEmpty: Bool { texts.isEmpty && prompt == nil && !stopRequested }
    }

    /// The read end of the wake-up pipe: poll it for POLLIN. Non-blocking, close-on-exec.
    public let wakeFD: Int32
    private let signalFD: Int32

    private let lock = NSLock()
    private var texts: [String] = []
    private var prompt: String?
    private var stopRequested = false
    private var wakePending = false

    public init() {
        (wakeFD, signalFD) = NonBlockingPipe.make()
    }

    deinit {
        close(wakeFD)
        close(signalFD)
    }

    /// Queues text for printing above the prompt. Any thread.
    public func enqueue(_ text: String) {
        update { texts.append(text) }
    }

    /// Changes the prompt from any thread (e.g. after a reconnect).
    public func setPrompt(_ prompt: String) {
        update { self.prompt = prompt }
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
        defer { lock.unlock() }
        let batch = Batch(texts: texts, prompt: prompt, stopRequested: stopRequested)
        texts.removeAll()
        prompt = nil
        wakePending = false
        return batch
    }

    /// Applies `change` under the lock and writes the wake-up byte unless one is already pending.
    private func update(_ change: () -> Void) {
        lock.lock()
        change()
        let mustWake = !wakePending
        wakePending = true
        lock.unlock()
        if mustWake {
            var byte: UInt8 = 1
            _ = write(signalFD, &byte, 1)
        }
    }
}
