#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose ends never block and are not inherited by child processes: the wake-up channels
/// of the terminal loop (output queued, Ctrl-C pressed).
enum NonBlockingPipe {
    /// Opens one; only fails when the process is out of descriptors, which nothing here survives.
    static func make() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        let result = fds.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
        precondition(result == 0, "pipe() failed: errno \(errno)")
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }
}
