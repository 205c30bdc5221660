import ESLClient
import ESLProtocol

/// `-x`: connect, run each command in order, print each reply, close (docs/fs_cli-differences.md, "One-shot mode").
///
/// Kept lean, as it is what scripts call in loops: no line editor, no history, no start-up
/// exchange, no log subscription. Each command is sent as `api <command>` with
/// `console_execute: true` (so `;;` and aliases work, as in fs_cli), except `bgapi <command>`,
/// which waits for the job and prints its output. A `-ERR` reply is printed and the next command
/// still runs (exit status 1); a timeout or a lost connection stops the run (4, 3).
struct OneShotRun: Sendable {
    let settings: ConsoleSettings
    /// `--color always` (or auto on a terminal): `-ERR` replies in red, as in the console.
    let palette: Palette

    func run() async -> ExitStatus {
        needsEvents ? await runWithEvents() : runBlocking()
    }

    /// bgapi needs the job's event, so the full client; plain commands take the blocking one,
    /// which starts no event loop and no threads (this path is timed: Benchmarks/oneshot.py).
    var needsEvents: Bool {
        settings.commands.contains { if case .bgapi = InputParser.parse($0) { true } else { false } }
    }

    func runBlocking() -> ExitStatus {
        let link = SwitchLink(settings: settings)
        let configuration = link.configuration
        let connection: ESLBlockingConnection
        do {
            connection = try link.connectBlocking { error, attempt in
                StandardStreams.error("\(error.message); retrying (\(attempt + 1) of \(settings.connectAttempts))")
            }
        } catch {
            StandardStreams.error(error.message)
            return .connectionFailed
        }
        defer { connection.close() }
        connection.onUnsolicited = { if case .other(let frame) = $0 { Self.reportUnknown(frame) } }
        var status = ExitStatusTracker()
        for command in settings.commands {
            let outcome = Result { () throws(ESLClientError) in
                ReplyText(try connection.send(Self.apiCommand(command), timeout: configuration.requestTimeout))
            }
            guard report(outcome, of: command, into: &status) else { break }
        }
        return status.status(interactive: false)
    }

    private func runWithEvents() async -> ExitStatus {
        guard let connection = await SwitchLink(settings: settings).connectReportingToStderr() else {
            return .connectionFailed
        }
        // Nothing is subscribed, so a notification is a frame of an unknown type: said, not dropped.
        let watcher = Task {
            for await case .other(let frame) in connection.notifications { Self.reportUnknown(frame) }
        }
        var status = ExitStatusTracker()
        for command in settings.commands {
            let outcome: Result<ReplyText, ESLClientError>
            do {
                outcome = .success(try await execute(command, on: connection))
            } catch {
                outcome = .failure(error)
            }
            guard report(outcome, of: command, into: &status) else { break }
        }
        await connection.close()
        watcher.cancel()
        return status.status(interactive: false)
    }

    private func execute(_ command: String, on connection: ESLConnection) async throws(ESLClientError) -> ReplyText {
        if case .bgapi(let line) = InputParser.parse(command) {
            let job = try await connection.bgapi(line)
            return ReplyText(text: ReplyText.terminated(job.output), isError: job.isError)
        }
        return ReplyText(try await connection.send(Self.apiCommand(command)))
    }

    /// Prints a command's outcome and records it; false when the run must stop (a timeout or a lost
    /// connection; after a `-ERR` the next command still runs).
    private func report(_ outcome: Result<ReplyText, ESLClientError>, of command: String, into status: inout ExitStatusTracker) -> Bool {
        switch outcome {
        case .success(let reply):
            StandardStreams.out(ReplyText.terminated(reply.isError ? palette.error(reply.text) : palette.output(reply.text)))
            if reply.isError { status.record(.commandFailed) }
            return true
        case .failure(let error) where error.code == .requestTimeout:
            // The message names the command already ("no reply from … to api status in time").
            StandardStreams.error(error.message)
            status.record(.timedOut)
            return false
        case .failure(let error):
            StandardStreams.error("\(error.message) (`\(command)` did not finish)")
            status.record(.connectionFailed)
            return false
        }
    }

    /// A frame of a type this console does not know: the run goes on, but says what it passed over.
    private static func reportUnknown(_ frame: ESLFrame) {
        let type = frame.contentType.map { "Content-Type \($0)" } ?? "no Content-Type"
        StandardStreams.error("ignored a frame the switch sent with \(type) (\(frame.body?.readableBytes ?? 0)-byte body)")
    }

    /// `api <command>` with `console_execute: true`, as fs_cli sends `-x` commands.
    private static func apiCommand(_ command: String) -> ESLCommand {
        ESLCommand(line: "api \(command)", headers: [("console_execute", "true")], replyKind: .apiResponse)
    }
}
