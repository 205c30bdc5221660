/// The exit status of a run.
///
/// In batch mode the first failure decides (a `-ERR` gives 1, a timeout 254, a lost or failed
/// connection 255), as a script expects. An interactive session has shown each failure as it
/// happened, so only the way it ended counts: `/exit` or Ctrl-D 0, Ctrl-C with `-i` 1, a lost
/// connection without `-R` 255.
struct ExitStatusTracker: Sendable, Equatable {
    private(set) var firstFailure = ExitStatus.success
    private(set) var ending = ExitStatus.success

    /// Records a failure; only the first is kept.
    mutating func record(_ outcome: ExitStatus) {
        if firstFailure == .success { firstFailure = outcome }
    }

    /// Records why the session ended (a lost connection, an interrupt); also a failure.
    mutating func end(_ outcome: ExitStatus) {
        ending = outcome
        record(outcome)
    }

    /// Forgets how the session was ending: a fleet's switch that was lost is back (`/reconnect`).
    /// The failure itself still counts for a batch run.
    mutating func resumed() {
        ending = .success
    }

    /// The status for a batch run (`interactive` false) or an interactive one.
    func status(interactive: Bool) -> ExitStatus {
        interactive ? ending : firstFailure
    }
}
