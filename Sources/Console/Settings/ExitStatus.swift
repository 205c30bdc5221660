/// fscli's exit status, the same in every mode (`-x`, batch, interactive).
///
/// | Code | Case | Meaning |
/// |---|---|---|
/// | 0 | ``success`` | everything ran and succeeded |
/// | 1 | ``commandFailed`` | a command answered `-ERR` or failed |
/// | 2 | ``usage`` | invalid command line (unknown option, bad value, unknown profile, unreadable password file) |
/// | 3 | ``connectionFailed`` | could not connect or authenticate, or the connection was lost |
/// | 4 | ``timedOut`` | a request timed out (`-t`) |
///
/// fs_cli exits 0 on `-ERR` and on invalid options, 254 on a timeout and 255 on connect failure.
public enum ExitStatus: Int32, Sendable, Equatable, CaseIterable {
    /// 0: everything ran and succeeded.
    case success = 0
    /// 1: a command answered `-ERR` or failed.
    case commandFailed = 1
    /// 2: the command line (or a file it names) was invalid.
    case usage = 2
    /// 3: could not connect or authenticate, or the connection was lost.
    case connectionFailed = 3
    /// 4: a request timed out.
    case timedOut = 4
}
