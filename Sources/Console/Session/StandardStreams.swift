#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr with write(2), unbuffered, for output made outside the terminal
/// loop (`-x`, connection errors before the loop starts, what is left after it ends).
enum StandardStreams {
    /// Writes all of `text` to standard output.
    static func out(_ text: String) {
        writeAll(STDOUT_FILENO, text)
    }

    /// Writes `fscli: <message>` and a line end to standard error.
    static func error(_ message: String) {
        writeAll(STDERR_FILENO, "fscli: \(message)\n")
    }

    /// Writes `text` to standard error as it is, with a final line end: output moved off stdout,
    /// which then holds only JSON records (`--events-json`).
    static func aside(_ text: String) {
        writeAll(STDERR_FILENO, text.hasSuffix("\n") ? text : text + "\n")
    }

    private static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
