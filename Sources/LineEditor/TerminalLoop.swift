#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal handler's only state: the write end of the SIGINT self-pipe. Set before the handler is
/// installed and reset after it is removed, on the terminal thread; the handler only reads it.
nonisolated(unsafe) private var interruptWriteFD: Int32 = -1

/// SIGINT turned into a readable descriptor for the poll loop (the handler only write(2)s a byte).
/// Installed for the life of `run`; the previous disposition is restored afterwards.
final class InterruptPipe {
    let readFD: Int32
    private let writeFD: Int32
    private var previous = sigaction()
    private var previousMask = sigset_t()

    init() {
        (readFD, writeFD) = NonBlockingPipe.make()
        interruptWriteFD = writeFD
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { _ in
            let saved = errno
            var byte: UInt8 = 1
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
        sigaction(SIGINT, &action, &previous)
        // A parent may have left SIGINT blocked (test runners and some supervisors do); Ctrl-C must
        // still reach us, so unblock it on this thread for the life of the loop.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
    }

    /// Reads away pending bytes; true when at least one SIGINT arrived.
    func consume() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 16)
        var got = false
        while scratch.withUnsafeMutableBytes({ read(readFD, $0.baseAddress, $0.count) }) > 0 { got = true }
        return got
    }

    func remove() {
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        sigaction(SIGINT, &previous, nil)
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

/// A trailing newline unless there already is one.
func withTrailingNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
}
