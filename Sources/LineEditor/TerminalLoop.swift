#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal handler's only state: the write end of the signal self-pipe. Set before the handlers
/// are installed and reset after they are removed, on the terminal thread; the handler only reads it.
nonisolated(unsafe) private var interruptWriteFD: Int32 = -1

/// The signals the terminal loop turns into events: SIGINT (Ctrl-C), and SIGTERM and SIGHUP, which
/// end the loop so the terminal is restored rather than left in readline's raw mode.
private let watchedSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// Signals turned into a readable descriptor for the poll loop (the handler only write(2)s the
/// signal's number as one byte). Installed for the life of `run`; the previous dispositions are
/// restored afterwards.
final class InterruptPipe {
    /// What arrived since the last `consume()`.
    struct Received {
        var interrupt = false
        /// SIGTERM or SIGHUP, if one arrived.
        var termination: Int32?
        /// SIGWINCH: the terminal changed size (watched only when asked for).
        var resized = false
        /// SIGTSTP (Ctrl-Z): the loop should give the terminal back and stop the process.
        var suspend = false
        /// SIGCONT: the process was continued; the screen needs drawing again.
        var continued = false
    }

    let readFD: Int32
    private let writeFD: Int32
    private var previous: [Int32: sigaction] = [:]
    private var previousMask = sigset_t()

    /// `watchResize` adds SIGWINCH (the caller then tells readline about new sizes itself);
    /// `watchJobControl` adds SIGTSTP and SIGCONT (the caller then stops with ``stopProcess()``).
    init(watchResize: Bool = false, watchJobControl: Bool = false) {
        (readFD, writeFD) = NonBlockingPipe.make()
        interruptWriteFD = writeFD
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { signal in
            let saved = errno
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(interruptWriteFD, &byte, 1)
            errno = saved
        }
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in watchedSignals + (watchResize ? [SIGWINCH] : []) + (watchJobControl ? [SIGTSTP, SIGCONT] : []) {
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
            sigaddset(&unblock, signal)
        }
        // A parent may have left these blocked (test runners and some supervisors do); Ctrl-C must
        // still reach us, so unblock them on this thread for the life of the loop.
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
    }

    /// Reads away pending bytes and says which signals arrived.
    func consume() -> Received {
        var scratch = [UInt8](repeating: 0, count: 16)
        var received = Received()
        while true {
            let count = scratch.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            for byte in scratch[0..<count] {
                switch Int32(byte) {
                case SIGINT: received.interrupt = true
                case SIGWINCH: received.resized = true
                case SIGTSTP: received.suspend = true
                case SIGCONT: received.continued = true
                default: received.termination = Int32(byte)
                }
            }
        }
        return received
    }

    /// Stops the process as Ctrl-Z would have without our handler, and returns once it is
    /// continued (`fg`); the SIGCONT that continued it then shows up in the pipe as `continued`.
    func stopProcess() {
        var ours = sigaction()
        var defaultAction = sigaction()
        #if os(Linux)
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        #else
        defaultAction.__sigaction_u.__sa_handler = SIG_DFL
        #endif
        sigemptyset(&defaultAction.sa_mask)
        sigaction(SIGTSTP, &defaultAction, &ours)
        raise(SIGTSTP)
        // Stopped here until SIGCONT.
        sigaction(SIGTSTP, &ours, nil)
    }

    func remove() {
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        for (signal, var old) in previous { sigaction(signal, &old, nil) }
        interruptWriteFD = -1
        close(readFD)
        close(writeFD)
    }
}

/// What woke the loop.
struct Readiness {
    var input = false
    var inputClosed = false
    var queue = false
    var interrupt = false
}

/// poll(2) over stdin, the output queue's wake-up pipe and the SIGINT pipe; EINTR is retried.
func waitForReadiness(inputFD: Int32, queueFD: Int32, interruptFD: Int32) -> Readiness {
    var fds = [
        pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
        pollfd(fd: queueFD, events: Int16(POLLIN), revents: 0),
        pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0),
    ]
    while true {
        let count = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), -1) }
        if count > 0 { break }
        if count < 0 && errno != EINTR { return Readiness(inputClosed: true) }
    }
    let hangup = Int16(POLLHUP | POLLERR | POLLNVAL)
    var readiness = Readiness()
    readiness.input = fds[0].revents & Int16(POLLIN) != 0
    readiness.inputClosed = !readiness.input && fds[0].revents & hangup != 0
    readiness.queue = fds[1].revents & Int16(POLLIN) != 0
    readiness.interrupt = fds[2].revents & Int16(POLLIN) != 0
    return readiness
}

/// Writes all of `text` to a descriptor (the plain reader's terminal or pipe).
func writeAll(_ fd: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            if errno == EAGAIN {
                var out = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&out, 1, -1)
                continue
            }
            return
        }
        bytes = bytes.dropFirst(written)
    }
}

/// A batch's texts, each ending in a line end, then its dropped-lines notice, as one string.
func printable(_ batch: OutputQueue.Batch) -> String {
    var result = ""
    result.reserveCapacity(batch.texts.reduce(0) { $0 + $1.utf8.count + 1 })
    for text in batch.texts {
        result += text
        if !text.hasSuffix("\n") { result += "\n" }
    }
    if let notice = batch.droppedNotice { result += notice + "\n" }
    return result
}

/// A trailing newline unless there already is one.
func withTrailingNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
}
