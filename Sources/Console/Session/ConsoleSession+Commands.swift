import ESLClient
import ESLProtocol
import Foundation

extension ConsoleSession {
    /// Runs one typed line (on the worker task).
    func execute(_ line: String) async {
        let input = InputParser.parse(line)
        switch input {
        case .empty:
            return
        case .error(let message):
            fail(message)
        case .api, .consoleLogLevel:
            guard let connection = requireConnection() else { return }
            for command in input.commands {
                guard !Task.isCancelled else { return }
                await runServerCommand(command, on: connection)
            }
        case .bgapi(let command):
            guard let connection = requireConnection() else { return }
            await startBackgroundJob(command, on: connection)
        case .slash(let command):
            await run(command)
        }
    }

    private func run(_ command: SlashCommand) async {
        switch command {
        case .help:
            say(palette.output(SlashCommandName.helpText + functionKeyHelp))
        case .exit:
            state.withLock { $0.isExiting = true }
            queue.requestStop()
        case .event, .noevents, .nixevent, .filter, .log, .nolog:
            guard let server = command.serverCommand, let connection = requireConnection() else { return }
            await runServerCommand(server, on: connection)
        case .uuid(let uuid):
            state.withLock { $0.logFilters.uuid = uuid }
            say(uuid.map { "UUID filtering enabled: log lines of channels starting \($0)" } ?? "UUID filtering disabled")
        case .logfilter(let pattern):
            state.withLock { $0.logFilters.pattern = pattern }
            say(pattern.map { "Logfilter enabled: \(Self.describe($0))" } ?? "Logfilter disabled")
        case .debug(let level):
            if let level {
                state.withLock { $0.debugLevel = level }
                say("debug level set to \(level)")
            } else {
                say("debug level is \(state.current.debugLevel) (0-7; at 7 each command sent is shown)")
            }
        case .view(let view):
            if let view {
                state.withLock { $0.eventView = view }
                say("events shown \(Self.describe(view))")
            } else {
                say("events are shown \(Self.describe(state.current.eventView)) (/view compact|full|raw)")
            }
        case .history:
            let history = state.current.history
            let width = String(history.count).count
            say(history.enumerated().map { index, line in
                let number = String(index + 1)
                return String(repeating: " ", count: width - number.count) + number + "  " + line
            }.joined(separator: "\n"))
        case .clear:
            // Home and erase; the prompt is redrawn below.
            say("\u{1B}[H\u{1B}[2J")
        case .reconnect:
            await reconnectNow()
        case .subs:
            await showSubscriptions()
        }
    }

    private var functionKeyHelp: String {
        let keys = FunctionKeys.numbers.compactMap { number -> String? in
            guard let command = settings.functionKeys.command(for: number) else { return nil }
            let toggle = settings.functionKeys.toggle(for: number).map { " / \($0)" } ?? ""
            return "F\(number) \(command)\(toggle)"
        }
        return keys.isEmpty ? "" : "keys: " + keys.joined(separator: ", ") + "\n"
    }

    private static func describe(_ view: EventView) -> String {
        switch view {
        case .compact: "compact: one line each"
        case .full: "in full: every header, then the body"
        case .raw: "raw: as sent by the switch"
        }
    }

    private static func describe(_ pattern: LogFilterPattern) -> String {
        switch pattern {
        case .text(let text): "lines containing \(text)"
        case .regex(let regex): "lines matching /\(regex)/"
        }
    }

    private func showSubscriptions() async {
        var lines: [String]
        if let connection = state.current.connection {
            let subscriptions = await connection.subscriptions()
            state.withLock { $0.subscriptions = subscriptions }
            lines = SubscriptionReport.lines(subscriptions)
        } else {
            lines = ["not connected; to restore: " + SubscriptionReport.summary(state.current.subscriptions)]
        }
        let filters = state.current.logFilters
        lines.append("/uuid: " + (filters.uuid ?? "off"))
        lines.append("/logfilter: " + (filters.pattern.map(Self.describe) ?? "off"))
        say(lines.joined(separator: "\n"))
    }

    /// `bgapi`: the Job-UUID is shown as soon as the switch accepts the job, its output when the
    /// BACKGROUND_JOB arrives (whether or not the session subscribed to events). The worker moves
    /// on once the job is accepted; `-t` bounds that acceptance, not the job.
    private func startBackgroundJob(_ line: String, on connection: ESLConnection) async {
        let id = UUID()
        let (acceptances, accepted) = AsyncStream.makeStream(of: Bool.self)
        let session = self
        let job = Task {
            defer {
                accepted.finish()
                _ = session.backgroundJobs.withLock { $0.removeValue(forKey: id) }
            }
            do {
                let result = try await connection.bgapi(line) { reply in
                    session.say(session.palette.output(ReplyText.terminated(reply.text)))
                    accepted.yield(true)
                }
                let title = "BACKGROUND_JOB \(result.jobUUID) (\(line)):"
                if result.isError {
                    session.fail(title + "\n" + result.output.trimmingBlanks)
                } else {
                    session.say(session.palette.notice(title) + "\n" + session.palette.output(ReplyText.terminated(result.output)))
                }
            } catch let error as ESLClientError {
                // A cancelled job was cancelled by the worker, which says why.
                if error.code != .cancelled { session.fail(error) }
            } catch {
                session.fail("bgapi \(line): \(error)")
            }
        }
        backgroundJobs.withLock { $0[id] = job }
        let timeout = settings.requestTimeout.map { limit in
            Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled else { return }
                accepted.yield(false)
            }
        }
        defer { timeout?.cancel() }
        await withTaskCancellationHandler {
            for await wasAccepted in acceptances {
                if !wasAccepted {
                    job.cancel()
                    fail("no reply from \(link.address) to bgapi \(line) within the timeout", .timedOut)
                }
                return
            }
        } onCancel: {
            job.cancel()
            session.fail("bgapi \(line): cancelled")
        }
    }
}
