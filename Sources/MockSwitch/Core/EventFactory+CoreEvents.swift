import ESLProtocol
import NIOCore

extension EventFactory {
    /// HEARTBEAT (docs/events.md, "Core events", capture 13): uptime, version and session figures from `statistics`.
    public func heartbeat(statistics: SwitchStatistics, time: Int64? = nil) -> ESLEvent {
        let micros = time ?? clock.now()
        var event = makeEvent("HEARTBEAT", source: .heartbeat, time: micros)
        let uptime = micros - identity.startTime
        event.addHeader("Event-Info", "System Ready")
        event.addHeader("Up-Time", UptimeText.words(microseconds: uptime))
        event.addHeader("FreeSWITCH-Version", identity.version.full)
        event.addHeader("Uptime-msec", String(max(uptime, 0) / 1000))
        event.addHeader("Session-Count", String(statistics.sessionCount))
        event.addHeader("Max-Sessions", String(statistics.maxSessions))
        event.addHeader("Session-Per-Sec", String(statistics.sessionsPerSecondLimit))
        event.addHeader("Session-Per-Sec-Last", String(statistics.sessionsPerSecondLast))
        event.addHeader("Session-Per-Sec-Max", String(statistics.sessionsPerSecondPeak))
        event.addHeader("Session-Per-Sec-FiveMin", String(statistics.sessionsPerSecondPeakFiveMinutes))
        event.addHeader("Session-Since-Startup", String(statistics.sessionsSinceStartup))
        event.addHeader("Session-Peak-Max", String(statistics.sessionPeak))
        event.addHeader("Session-Peak-FiveMin", String(statistics.sessionPeakFiveMinutes))
        event.addHeader("Idle-CPU", CFormat.fixed(statistics.idleCPU, decimals: 6))
        return event
    }

    /// RE_SCHEDULE (capture 13): the scheduler re-armed task `taskID` to run at `runtime` (epoch seconds).
    public func reschedule(taskID: Int, description: String, group: String, runtime: Int64, time: Int64? = nil) -> ESLEvent {
        var event = makeEvent("RE_SCHEDULE", source: .reschedule, time: time)
        event.addHeader("Task-ID", String(taskID))
        event.addHeader("Task-Desc", description)
        event.addHeader("Task-Group", group)
        event.addHeader("Task-Runtime", String(runtime))
        return event
    }

    /// API (docs/events.md, "Core events", capture 21): fired for every API call; an empty argument is left out.
    public func apiEvent(command: String, argument: String, time: Int64? = nil) -> ESLEvent {
        var event = makeEvent("API", source: .apiExecute, time: time)
        event.addHeader("API-Command", command)
        event.addHeader("API-Command-Argument", argument)
        return event
    }

    /// BACKGROUND_JOB of the socket's `bgapi` (docs/events.md, "BACKGROUND_JOB", capture 12): `Job-Owner-UUID` only
    /// when the connection controls a session, `Job-Command-Arg` only with arguments; body = the output.
    public func backgroundJob(jobUUID: String, ownerUUID: String? = nil, command: String, argument: String,
                              output: String, source: SourceLocation? = nil, time: Int64? = nil) -> ESLEvent {
        var event = makeEvent("BACKGROUND_JOB", source: source ?? .socketBackgroundJob, time: time)
        event.addHeader("Job-UUID", jobUUID)
        if let ownerUUID { event.addHeader("Job-Owner-UUID", ownerUUID) }
        event.addHeader("Job-Command", command)
        event.addHeader("Job-Command-Arg", argument)
        event.body = ByteBuffer(string: output)
        return event
    }

    /// The event `sendevent <name>` fires (docs/protocol.md, "sendevent" as capture 20 shows it): the client's
    /// `Event-Subclass` first (CUSTOM only), `Command: sendevent <NAME>`, the other client headers
    /// in order and raw, `Event-UUID`, then the standard headers at the end. `name` is the resolved
    /// event name or `nil` for a missing/unknown one (the event stays CLONE). Returns the new
    /// Event-UUID for the `+OK <uuid>` reply.
    public func sendEvent(name: String?, clientHeaders: [(name: String, value: String)], body: ByteBuffer?,
                          time: Int64? = nil) -> (uuid: String, event: ESLEvent) {
        let eventName = name ?? "CLONE"
        let uuid = UUIDText.make()
        var event = ESLEvent()
        var rest = clientHeaders
        if eventName == "CUSTOM", let index = rest.firstIndex(where: { $0.name.lowercased() == "event-subclass" }) {
            event.addHeader(rest[index].name, rest[index].value)
            rest.remove(at: index)
        }
        event.addHeader("Command", "sendevent \(name ?? "")".trimmingTrailingSpaces)
        for header in rest { event.addHeader(header.name, header.value) }
        event.addHeader("Event-UUID", uuid)
        appendStandardHeaders(to: &event, name: eventName, source: .sendEvent, time: time)
        if let body, body.readableBytes > 0 { event.body = body }
        return (uuid, event)
    }
}

extension String {
    /// The text without trailing spaces.
    var trimmingTrailingSpaces: String {
        var copy = Substring(self)
        while copy.last == " " { copy = copy.dropLast() }
        return String(copy)
    }
}
