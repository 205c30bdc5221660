import ESLClient
import ESLProtocol

/// `-x`: connect, run each command in order, print each reply, close (docs/fs_cli-differences.md, "One-shot mode").
///
/// Kept lean, as it is what scripts call in loops: no line editor, no history, no start-up
/// exchange, no log subscription. Each command is sent as `api <command>` with
/// `console_execute: true` (so `;;` and aliases work, as in fs_cli), except `bgapi <command>`,
/// which waits for the job and prints its output. A `-ERR` reply is printed and the next command
/// still runs (exit status 1); a timeout or a lost connection stops the run (254, 255).
///
/// With `--json` each outcome is a ``CommandRecord`` line instead, and without `-x` the commands
/// are the lines of standard input (batch mode's `-b`), run the same way.
struct OneShotRun: Sendable {
    let settings: ConsoleSettings
    /// `--color always` (or auto on a terminal): `-ERR` replies in red, as in the console.
    let palette: Palette
    /// Where the text goes: at once, or held until this switch's turn in a fleet.
    var output = OneShotOutput.immediate
    /// This switch's name in a fleet.
    var name: String?

    /// What became of one command.
    enum Outcome: Sendable {
        /// The switch answered (for bgapi: the job reported); `job` is a background job's UUID.
        case reply(ReplyText, job: String?)
        /// It did not complete.
        case failure(ESLClientError)
        /// A batch line `--json` cannot run (a slash command, or one that does not parse), with why.
        case unsupported(String)
    }

    func run() async -> ExitStatus {
        if settings.isFleet { return await FleetOneShotRun(settings: settings, palette: palette).run() }
        if settings.commands.isEmpty {
            // `--json` without `-x` (ConsoleRunner): the lines of standard input, as they come.
            return await runWithEvents(StandardInputLines.stream())
        }
        guard needsEvents else { return runBlocking() }
        return await runWithEvents(Self.stream(of: settings.commands))
    }

    /// The commands as a finished stream.
    static func stream(of commands: [String]) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        for command in commands { continuation.yield(command) }
        continuation.finish()
        return stream
    }

    /// bgapi needs the job's event, so the full client; plain commands take the blocking one,
    /// which starts no event loop and no threads (this path is timed: Benchmarks/oneshot.py).
    /// (With no commands the lines come from standard input, which only the full client reads.)
    /// (`--record` needs the full client too: its frame tap is the recording.) A fleet decides the
    /// same way: without them, each switch runs the blocking client on a thread of its own.
    var needsEvents: Bool {
        settings.commands.isEmpty || settings.recordPath != nil
            || settings.commands.contains { if case .bgapi = InputParser.parse($0) { true } else { false } }
    }

    func runBlocking() -> ExitStatus {
        if settings.isFleet { return FleetOneShotRun(settings: settings, palette: palette).runBlocking() }
        let link = SwitchLink(settings: settings)
        let configuration = link.configuration
        var printer = OneShotPrinter(json: settings.json, palette: palette, host: link.address, output: output, name: name)
        let connection: ESLBlockingConnection
        do {
            connection = try link.connectBlocking { [output, settings] error, attempt in
                output.progress("\(error.message); retrying (\(attempt + 1) of \(settings.connectAttempts))")
            }
        } catch {
            printer.connectionFailed(error)
            return .connectionFailed
        }
        defer { connection.close() }
        connection.onUnsolicited = { [output] in if case .other(let frame) = $0 { Self.reportUnknown(frame, to: output) } }
        if settings.json {
            let name = Result { () throws(ESLClientError) in
                try connection.send(.api("switchname"), timeout: configuration.requestTimeout)
            }
            printer.switchName = Self.switchName(from: name, fallback: settings.profileName)
        }
        var status = ExitStatusTracker()
        for command in settings.commands {
            let started = ContinuousClock.now
            let outcome: Outcome
            do {
                outcome = .reply(ReplyText(try connection.send(Self.apiCommand(command), timeout: configuration.requestTimeout)), job: nil)
            } catch {
                outcome = .failure(error)
            }
            guard printer.report(outcome, of: command, since: started, into: &status) else { break }
        }
        return status.status(interactive: false)
    }

    /// Connects, runs each command as it comes, closes.
    func runWithEvents(_ commands: AsyncStream<String>) async -> ExitStatus {
        guard let session = await connect() else { return .connectionFailed }
        for await command in commands {
            guard await session.run(command) else { break }
        }
        return await session.close()
    }

    /// Connects and logs in (retrying as `-r` says); nil when that failed, which is already reported.
    func connect() async -> Connected? {
        let link = SwitchLink(settings: settings)
        var printer = OneShotPrinter(json: settings.json, palette: palette, host: link.address, output: output, name: name)
        let connection: ESLConnection
        do {
            connection = try await link.connect { [output, settings] error, attempt in
                output.progress("\(error.message); retrying (\(attempt + 1) of \(settings.connectAttempts))")
            }
        } catch {
            printer.connectionFailed(error)
            return nil
        }
        // Nothing is subscribed, so a notification is a frame of an unknown type: said, not dropped.
        let watcher = Task { [output] in
            for await case .other(let frame) in connection.notifications { Self.reportUnknown(frame, to: output) }
        }
        if settings.json {
            let name: Result<ESLReply, ESLClientError>
            do {
                name = .success(try await connection.send(.api("switchname")))
            } catch {
                name = .failure(error)
            }
            printer.switchName = Self.switchName(from: name, fallback: settings.profileName)
        }
        return Connected(run: self, connection: connection, watcher: watcher, printer: printer)
    }

    /// One logged-in switch running commands in turn, printing each outcome and keeping the exit status.
    final class Connected: Sendable {
        private let oneShot: OneShotRun
        private let connection: ESLConnection
        private let watcher: Task<Void, Never>
        private let state: Locked<(printer: OneShotPrinter, status: ExitStatusTracker)>

        fileprivate init(run: OneShotRun, connection: ESLConnection, watcher: Task<Void, Never>, printer: OneShotPrinter) {
            self.oneShot = run
            self.connection = connection
            self.watcher = watcher
            self.state = Locked((printer, ExitStatusTracker()))
        }

        /// Runs one line (blank lines are skipped, `/exit` ends); false when the run must stop.
        func run(_ command: String) async -> Bool {
            let input = InputParser.parse(command)
            if case .empty = input { return true }
            if case .slash(.exit) = input { return false }
            let started = ContinuousClock.now
            let outcome: Outcome
            switch input {
            case .slash:
                outcome = .unsupported("slash commands are not run with --json; only switch commands and bgapi")
            case .error(let message):
                outcome = .unsupported(message)
            default:
                do {
                    outcome = try await oneShot.execute(input, command, on: connection)
                } catch {
                    outcome = .failure(error)
                }
            }
            return state.withLock { $0.printer.report(outcome, of: command, since: started, into: &$0.status) }
        }

        /// Closes the connection; the run's exit status.
        func close() async -> ExitStatus {
            await connection.close()
            watcher.cancel()
            return state.withLock { $0.status.status(interactive: false) }
        }
    }

    fileprivate func execute(_ input: ConsoleInput, _ command: String, on connection: ESLConnection) async throws(ESLClientError) -> Outcome {
        if case .bgapi(let line) = input {
            // The request bound (-t) unless --job-timeout gives the job its own; on expiry the
            // error names the command ("… the result of bgapi msleep 5000 …"): exit status 254.
            let job = try await connection.bgapi(line, timeout: settings.jobTimeout)
            return .reply(ReplyText(text: ReplyText.terminated(job.output), isError: job.isError), job: job.jobUUID)
        }
        return .reply(ReplyText(try await connection.send(Self.apiCommand(command))), job: nil)
    }

    /// `api switchname`'s answer, or `fallback` when the switch would not say (as the console's
    /// start-up does); nil when the request itself failed.
    private static func switchName(from reply: Result<ESLReply, ESLClientError>, fallback: String) -> String? {
        guard case .success(.api(let response)) = reply else { return nil }
        let name = response.text.trimmingBlanks
        return response.isError || name.isEmpty ? fallback : name
    }

    /// A frame of a type this console does not know: the run goes on, but says what it passed over.
    private static func reportUnknown(_ frame: ESLFrame, to output: OneShotOutput) {
        let type = frame.contentType.map { "Content-Type \($0)" } ?? "no Content-Type"
        output.error("ignored a frame the switch sent with \(type) (\(frame.body?.readableBytes ?? 0)-byte body)")
    }

    /// `api <command>` with `console_execute: true`, as fs_cli sends `-x` commands.
    private static func apiCommand(_ command: String) -> ESLCommand {
        ESLCommand(line: "api \(command)", headers: [("console_execute", "true")], replyKind: .apiResponse)
    }
}
