import ESLClient
import ESLProtocol
import LineEditor

extension ConsoleRunner {
    /// The interactive or batch session over a fleet: connects to every switch at once, and runs
    /// as long as at least one logged in (the others are shown down and, with `-R`, retried in
    /// the background); none: each failure on stderr, exit status 255.
    func runFleet() async -> ExitStatus {
        let targets = settings.switches
        var starts = targets.map { FleetSession.Start(target: $0) }
        var failures: [(index: Int, message: String)] = []
        await withTaskGroup(of: (Int, FleetSession.Start, String?).self) { group in
            for (index, target) in targets.enumerated() {
                let link = SwitchLink(settings: settings.single(target))
                group.addTask {
                    do throws(ESLClientError) {
                        let connection = try await link.connect { error, attempt in
                            StandardStreams.error("\(target.name): \(error.message); retrying (\(attempt + 1) of \(link.settings.connectAttempts))")
                        }
                        do throws(ESLClientError) {
                            let identity = try await link.identify(connection)
                            return (index, .init(target: target, connection: connection, identity: identity), nil)
                        } catch {
                            await connection.close()
                            throw error
                        }
                    } catch {
                        return (index, .init(target: target), error.message)
                    }
                }
            }
            for await (index, start, failure) in group {
                starts[index] = start
                if let failure { failures.append((index, failure)) }
            }
        }
        failures.sort { $0.index < $1.index }
        for failure in failures { StandardStreams.error("\(targets[failure.index].name): \(failure.message)") }
        guard failures.count < targets.count else { return .connectionFailed }

        let interactive = isInteractive
        let (history, historyProblem) = loadHistory()
        let queue = makeOutputQueue()
        let pane = usesPane
        let fleet = FleetSession(
            settings: settings, queue: queue, palette: palette, starts: starts, history: history?.entries ?? [],
            interactive: interactive, showsStatus: pane)
        let tags = FleetTags(names: targets.map(\.name), palette: palette)
        if interactive {
            let up = starts.count - failures.count
            queue.enqueue(palette.notice(
                "fscli \(FscliVersion.current): connected to \(up) of \(starts.count) switches; commands go to all of them "
                    + "(/use NAME for one). Type /help for commands, Ctrl-D or /exit to leave."))
        }
        if pane {
            for warning in warnings { queue.enqueue(palette.error("fscli: " + warning)) }
            // Already on stderr, under the pane now.
            for failure in failures { queue.enqueue(tags.tagged(failure.index, palette.error(failure.message))) }
        }
        if let historyProblem { queue.enqueue(palette.error(historyProblem)) }
        if !failures.isEmpty, interactive {
            queue.enqueue(palette.notice(settings.reconnect
                ? "reconnecting in the background (-R) to: " + failures.map { targets[$0.index].name }.joined(separator: ", ")
                : "down (no -R, not retried): " + failures.map { targets[$0.index].name }.joined(separator: ", ")))
        }
        fleet.start(logCommand: SwitchLink(settings: settings).startupLogCommand)

        let loop = TerminalSession(session: fleet, queue: queue, interactive: interactive, pane: pane, history: history)
        await loop.run()
        await fleet.finish()
        let rest = queue.drain().texts
        if !rest.isEmpty { StandardStreams.out(rest.map(ReplyText.terminated).joined()) }
        if !interactive, let summary = fleet.failureSummary() { StandardStreams.error(summary) }
        return fleet.exitStatus(interactive: interactive)
    }
}
