/// The exit status of a run: the first failure decides (a `-ERR` gives 1, a timeout 4, a lost or
/// failed connection 3); a run without failures exits 0.
struct ExitStatusTracker: Sendable, Equatable {
    private(set) var status = ExitStatus.success

    /// Records an outcome; only the first failure is kept.
    mutating func record(_ outcome: ExitStatus) {
        if status == .success { status = outcome }
    }
}
