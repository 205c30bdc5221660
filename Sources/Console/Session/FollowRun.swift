import ESLClient
import ESLProtocol

/// `--follow`: streams the switch's log lines (`-l`, none with `-q`) and the events named by
/// `--events` to stdout until SIGINT or SIGTERM (status 0); no prompt, stdin unread.
///
/// Nothing is dropped: the connection does not drop when behind (``SwitchLink/configuration``),
/// so when stdout is slow (a pipe read slowly) the reader stops reading the socket and TCP pushes
/// back on the switch. A switch may cut off a listener that stays behind too long, as FreeSWITCH
/// does; that disconnect, like any, is said on stderr, and with `-R` the run connects again and
/// subscribes anew; without it the run ends with status 255.
struct FollowRun: Sendable {
    let settings: ConsoleSettings
    let palette: Palette

    func run() async -> ExitStatus {
        FollowSignals.endProcessOnSignal()
        let link = SwitchLink(settings: settings)
        guard var connection = await link.connectReportingToStderr() else { return .connectionFailed }
        while true {
            if let failed = await subscribe(connection) {
                await connection.close()
                return failed
            }
            // On stderr, so stdout holds only what the switch sent; also tells a script (or a
            // test) that the subscriptions are in place.
            let logs = settings.quiet ? "no log" : "log \(settings.logLevel ?? "debug")"
            let events = settings.followEvents.isEmpty ? "no events" : "events " + settings.followEvents.joined(separator: " ")
            StandardStreams.error("following \(connection.address) (\(logs); \(events)); stop with Ctrl-C or SIGTERM")
            let lost = await stream(connection)
            StandardStreams.error(lost.messageSayingWhy)
            guard settings.reconnect else { return .connectionFailed }
            connection = await reconnect(link)
        }
    }

    /// Sends the log level and the event subscription; a status to end with when the switch
    /// refuses them or the connection fails, nil when both are in place.
    private func subscribe(_ connection: ESLConnection) async -> ExitStatus? {
        var commands: [ESLCommand] = []
        if let log = SwitchLink(settings: settings).startupLogCommand { commands.append(log) }
        if !settings.followEvents.isEmpty {
            commands.append(ESLCommand(line: "event plain " + settings.followEvents.joined(separator: " ")))
        }
        for command in commands {
            do {
                let reply = try await connection.command(command)
                if reply.isError {
                    StandardStreams.error("the switch refused `\(command.line)`: \(reply.text)")
                    return .commandFailed
                }
            } catch {
                StandardStreams.error(error.message)
                return error.code == .requestTimeout ? .timedOut : .connectionFailed
            }
        }
        return nil
    }

    /// Prints every notification until the connection ends; returns why it ended.
    private func stream(_ connection: ESLConnection) async -> ESLClientError {
        let logs = LogRenderer(palette: palette, uuidPrefixLength: settings.logUUIDPrefixLength)
        let events = EventRenderer(palette: palette)
        for await batch in connection.notifications.batches {
            var output = ""
            for notification in batch {
                switch notification {
                case .log(let line):
                    if settings.json {
                        output += FollowRecord.log(line)
                    } else {
                        logs.append(line, to: &output)
                    }
                case .event(let event):
                    output += settings.json ? FollowRecord.event(event) : events.compact(event) + "\n"
                case .eventFrame(let frame):
                    do {
                        let event = try frame.decode()
                        output += settings.json ? FollowRecord.event(event) : events.compact(event) + "\n"
                    } catch {
                        StandardStreams.error("an event that does not decode: \(error.message)")
                    }
                case .undecodableEvent(_, let error):
                    StandardStreams.error("an event that does not decode: \(error.message)")
                case .disconnected(let error):
                    if !output.isEmpty { StandardStreams.out(output) }
                    return error
                case .linger, .other:
                    break
                }
            }
            // One write per burst; it blocks while stdout's reader is behind, and meanwhile the
            // connection stops reading the socket instead of dropping.
            if !output.isEmpty { StandardStreams.out(output) }
        }
        return ESLClientError(.connectionClosed, "the connection to \(connection.address) ended")
    }

    /// `-R`: tries again (250 ms, doubling to 1 s) until the switch is back.
    private func reconnect(_ link: SwitchLink) async -> ESLConnection {
        var backoff = ReconnectBackoff()
        var attempts = 0
        while true {
            try? await Task.sleep(for: backoff.next())
            attempts += 1
            do {
                let connection = try await link.connectOnce()
                StandardStreams.error("reconnected to \(connection.address) after \(attempts) attempt\(attempts == 1 ? "" : "s")")
                return connection
            } catch {
                if attempts == 1 { StandardStreams.error("\(error.message); reconnecting") }
            }
        }
    }
}
