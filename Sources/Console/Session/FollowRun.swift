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
///
/// With a fleet, every switch is followed at once (``FleetFollowRun``): each line starts with the
/// switch's name (padded), and each JSON record has a `name`.
struct FollowRun: Sendable {
    let settings: ConsoleSettings
    let palette: Palette
    /// In a fleet, the fleet's tags and this switch's place: its text lines are tagged, its
    /// messages and JSON records carry its name.
    var fleetTag: (tags: FleetTags, index: Int)?
    /// One writer for the whole fleet, so that two switches' bursts never interleave mid-line.
    var writer = FollowWriter()

    func run() async -> ExitStatus {
        if settings.isFleet { return await FleetFollowRun(settings: settings, palette: palette).run() }
        FollowSignals.endProcessOnSignal()
        let link = SwitchLink(settings: settings)
        guard let connection = await link.connectReportingToStderr() else { return .connectionFailed }
        return await follow(connection)
    }

    /// Follows from a logged-in connection until it is lost without `-R` (or a subscription is refused).
    func follow(_ connection: ESLConnection) async -> ExitStatus {
        let link = SwitchLink(settings: settings)
        var connection = connection
        while true {
            if let failed = await subscribe(connection) {
                await connection.close()
                return failed
            }
            // On stderr, so stdout holds only what the switch sent; also tells a script (or a
            // test) that the subscriptions are in place.
            let logs = settings.quiet ? "no log" : "log \(settings.logLevel ?? "debug")"
            let events = settings.followEvents.isEmpty ? "no events" : "events " + settings.followEvents.joined(separator: " ")
            note("following \(connection.address) (\(logs); \(events)); stop with Ctrl-C or SIGTERM")
            let lost = await stream(connection)
            note(lost.messageSayingWhy)
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
                    note("the switch refused `\(command.line)`: \(reply.text)")
                    return .commandFailed
                }
            } catch {
                note(error.message)
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
                        output += FollowRecord.log(line, name: name)
                    } else {
                        logs.append(line, to: &output)
                    }
                case .event(let event):
                    output += settings.json ? FollowRecord.event(event, name: name) : events.compact(event) + "\n"
                case .eventFrame(let frame):
                    do {
                        let event = try frame.decode()
                        output += settings.json ? FollowRecord.event(event, name: name) : events.compact(event) + "\n"
                    } catch {
                        note("an event that does not decode: \(error.message)")
                    }
                case .undecodableEvent(_, let error):
                    note("an event that does not decode: \(error.message)")
                case .disconnected(let error):
                    write(output)
                    return error
                case .linger, .other:
                    break
                }
            }
            // One write per burst; it blocks while stdout's reader is behind, and meanwhile the
            // connection stops reading the socket instead of dropping.
            write(output)
        }
        return ESLClientError(.connectionClosed, "the connection to \(connection.address) ended")
    }

    /// This switch's name in a fleet.
    private var name: String? {
        fleetTag.map { $0.tags.names[$0.index] }
    }

    /// A message on stderr, naming the switch in a fleet.
    func note(_ message: String) {
        StandardStreams.error(name.map { "\($0): \(message)" } ?? message)
    }

    /// Writes a burst, each line tagged in a fleet (the text view; JSON records carry `name`).
    private func write(_ output: String) {
        guard !output.isEmpty else { return }
        guard let (tags, index) = fleetTag, !settings.json else { return writer.write(output) }
        writer.write(tags.tagged(index, output))
    }

    /// `-R`: tries again (250 ms, doubling to 1 s) until the switch is back.
    func reconnect(_ link: SwitchLink) async -> ESLConnection {
        var backoff = ReconnectBackoff()
        var attempts = 0
        while true {
            try? await Task.sleep(for: backoff.next())
            attempts += 1
            do {
                let connection = try await link.connectOnce()
                note("reconnected to \(connection.address) after \(attempts) attempt\(attempts == 1 ? "" : "s")")
                return connection
            } catch {
                if attempts == 1 { note("\(error.message); reconnecting") }
            }
        }
    }
}
