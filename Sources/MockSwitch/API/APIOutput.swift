import ESLProtocol

/// What one command implementation returns before the switch's generic rules (empty output,
/// failure status) are applied.
struct APIOutput: Sendable {
    /// The text the command wrote to its stream.
    var text: String
    /// The command returned a failure status: the switch replaces the output by `Command not found!`.
    var failed = false
    /// Log lines the command emitted.
    var logLines: [ESLLogLine] = []
    /// Events the command fired (before the API event).
    var events: [ESLEvent] = []
    /// How the command asked the switch to shut down, if it did.
    var shutdown: ShutdownRequest?
    /// How long the command takes before its output is ready (`msleep`).
    var delay: Duration = .zero

    init(_ text: String, failed: Bool = false) {
        self.text = text
        self.failed = failed
    }
}

/// A command implementation: the trimmed argument and the core to read.
typealias APIImplementation = @Sendable (_ argument: String, _ core: SwitchCore) -> APIOutput
