/// fscli's exit status, the same in every mode (`-x`, batch, interactive).
///
/// | Code | Case | Meaning |
/// |---|---|---|
/// | 0 | ``success`` | everything ran and succeeded |
/// | 1 | ``commandFailed`` | a command answered `-ERR` or failed |
/// | 2 | ``usage`` | invalid command line (unknown option, bad value, unknown profile, unreadable password file) |
/// | 255 | ``connectionFailed`` | could not connect or authenticate, or the connection was lost |
/// | 254 | ``timedOut`` | a request timed out (`-t`) |
///
/// 255 and 254 are fs_cli's own numbers for the same conditions, so a script written against
/// fs_cli reads fscli's status unchanged. fs_cli has no status for `-ERR` (it exits 0) nor for a
/// usage error (also 0), so those keep fscli's 1 and 2.
public enum ExitStatus: Int32, Sendable, Equatable, CaseIterable {
    /// 0: everything ran and succeeded.
    case success = 0
    /// 1: a command answered `-ERR` or failed.
    case commandFailed = 1
    /// 2: the command line (or a file it names) was invalid.
    case usage = 2
    /// 255 (as fs_cli): could not connect or authenticate, or the connection was lost.
    case connectionFailed = 255
    /// 254 (as fs_cli): a request timed out.
    case timedOut = 254
}
