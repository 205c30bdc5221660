import ESLClient
import ESLProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// Runs the console with resolved settings: `-x` commands, a batch of lines from a pipe (or `-b`),
/// or the interactive session; returns the exit status (``ExitStatus``).
public struct ConsoleRunner: Sendable {
    /// What to run with.
    public let settings: ConsoleSettings
    /// The process environment (`TERM`, `NO_COLOR`, `HOME`, `XDG_STATE_HOME`).
    public let environment: [String: String]
    /// Configuration warnings, already printed to stderr; shown again in the pane, which is drawn
    /// over the screen they were printed on.
    public let warnings: [String]

    /// A runner.
    public init(settings: ConsoleSettings, environment: [String: String], warnings: [String] = []) {
        var settings = settings
        settings.stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        self.settings = settings
        self.environment = environment
        self.warnings = warnings
    }

    /// Whether lines are edited with readline (a terminal, not `-b`, not `TERM=dumb`).
    var isInteractive: Bool {
        !settings.batchMode && isatty(STDIN_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    /// Whether the screen is split into a log pane, a status line and the input line: interactive,
    /// output to a terminal too, and not `--no-pane`.
    var usesPane: Bool {
        isInteractive && isatty(STDOUT_FILENO) == 1 && !settings.noPane
    }

    /// Colours for the output: `--color`, a terminal, `NO_COLOR`; `-b` on auto is plain.
    var palette: Palette {
        let colourful = settings.colorMode.usesColor(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
            && !(settings.batchMode && settings.colorMode == .auto)
        return Palette(isEnabled: colourful, output: settings.outputTextColor, prompt: settings.promptColor, input: settings.inputTextColor)
    }

    /// Runs `-x` commands that need no events (no `bgapi`) on the calling thread with the blocking
    /// client and returns the exit status; nil when this run needs the async client.
    public func runBlockingIfPossible() -> ExitStatus? {
        guard !settings.commands.isEmpty, settings.recordPath == nil else { return nil }
        let run = OneShotRun(settings: settings, palette: palette)
        return run.needsEvents ? nil : run.runBlocking()
    }

    /// Runs to the end and returns the exit status; with `--record`, recording from the first frame
    /// to the last (docs/recording.md).
    public func run() async -> ExitStatus {
        guard let recording = await RecordingRun.start(settings) else { return .usage }
        let status = await runModes()
        await recording.finish()
        return status
    }

    private func runModes() async -> ExitStatus {
        if settings.follow { return await FollowRun(settings: settings, palette: palette).run() }
        // `--json` reads batch lines the way `-x` runs its commands (OneShotRun), with none of the
        // session's log stream, prompt or slash commands, so that every line of stdout is a record.
        if !settings.commands.isEmpty || settings.json { return await OneShotRun(settings: settings, palette: palette).run() }
        if settings.eventsJSON && isInteractive {
            StandardStreams.error("--events-json is for batch mode (-b, or input from a pipe or a file)")
            return .usage
        }
        if settings.isFleet { return await runFleet() }
        let link = SwitchLink(settings: settings)
        guard let connection = await link.connectReportingToStderr() else { return .connectionFailed }
        let identity: SwitchLink.Identity
        do {
            identity = try await link.identify(connection)
        } catch {
            StandardStreams.error(error.message)
            await connection.close()
            return .connectionFailed
        }
        return await session(connection: connection, identity: identity)
    }

    /// Lines of logs and events that wait for stdout when nothing may be lost: enough to keep the
    /// writer busy while the reader renders the next burst; beyond it the reader waits.
    static let losslessQueueLines = 1_000

    /// The session's output queue: it drops (and counts) what a terminal cannot keep up with, and
    /// makes the reader wait instead when nothing may be lost (``ConsoleSettings/losesNothing``).
    func makeOutputQueue() -> OutputQueue {
        settings.losesNothing ? OutputQueue(droppableLimit: Self.losslessQueueLines, whenFull: .waits) : OutputQueue()
    }

    /// The history file of an interactive session, loaded, and why it could not be.
    func loadHistory() -> (file: HistoryFile?, problem: String?) {
        let history: HistoryFile? = isInteractive && !settings.noHistoryFile
            ? HistoryFile.defaultPath(environment: environment).map { HistoryFile(path: $0) } : nil
        do {
            _ = try history?.load()
            return (history, nil)
        } catch {
            return (history, "history not loaded: \(error)")
        }
    }

    private func session(connection: ESLConnection, identity: SwitchLink.Identity) async -> ExitStatus {
        let interactive = isInteractive
        let (history, historyProblem) = loadHistory()
        let queue = makeOutputQueue()
        let pane = usesPane
        let session = ConsoleSession(
            settings: settings, queue: queue, palette: palette, connection: connection, identity: identity,
            history: history?.entries ?? [], interactive: interactive, showsStatus: pane)
        if interactive {
            queue.enqueue(palette.notice(
                "fscli \(FscliVersion.current): connected to \(identity.switchName) at \(connection.address). "
                    + "Type /help for commands, Ctrl-D or /exit to leave."))
        }
        // Already on stderr, but the pane is drawn over what was on the screen: repeat them there.
        if pane { for warning in warnings { queue.enqueue(palette.error("fscli: " + warning)) } }
        if let historyProblem { queue.enqueue(palette.error(historyProblem)) }
        session.start(logCommand: SwitchLink(settings: settings).startupLogCommand)

        let loop = TerminalSession(session: session, queue: queue, interactive: interactive, pane: pane, history: history)
        await loop.run()
        await session.finish()
        // Whatever was queued after the loop stopped (the last lines before a disconnect).
        let rest = queue.drain().texts
        if !rest.isEmpty { StandardStreams.out(rest.map(ReplyText.terminated).joined()) }
        return session.exitStatus(interactive: interactive)
    }
}
