import NIOCore

extension ESLServerSession {
    /// One thing the I/O layer must do, in order, after feeding the session an input.
    ///
    /// The interpreter is meant to be one `switch`: frames are written in the order given, work that
    /// produces output (`runAPI`, `deliverMessage`) finishes before the next action runs, so the
    /// wire order is the switch's (docs/protocol.md, "Ordering").
    public enum Action: Sendable, Hashable {
        /// Write this frame.
        case send(ESLFrame)
        /// Run an API command now and write its `api/response` frame (docs/protocol.md, "api"). `command` and
        /// `arguments` are exactly what `api_exec` receives (untrimmed; `arguments` is `nil` when the
        /// line had no space). With `consoleExecute` the whole line is in `command`.
        case runAPI(command: String, arguments: String?, consoleExecute: Bool)
        /// Start an API command in the background; when it ends, fire its `BACKGROUND_JOB` event
        /// with this `Job-UUID` (docs/protocol.md, "bgapi"; docs/events.md, "BACKGROUND_JOB"). The reply carrying the
        /// UUID has already been sent.
        case runBackgroundAPI(command: String, arguments: String?, jobUUID: String)
        /// Complete `event` with the standard headers (docs/events.md, "Standard headers": `Event-Name: <name>`,
        /// calling file
        /// `mod_event_socket.c`, function `parse_command`, appended at the end) and fire it
        /// (docs/protocol.md, "sendevent").
        case fireEvent(ESLEvent, name: String)
        /// Hand `event` to the queue of the live channel `uuid` instead of firing it (docs/protocol.md, "sendevent").
        case queueEventToChannel(uuid: String, event: ESLEvent)
        /// Give a `sendmsg` packet to a channel (docs/protocol.md, "sendmsg"): `message` holds the `Command`
        /// pseudo-header, the client's headers and body. `inline` means execute it now on the controlled session (the
        /// reply follows only when it finished); otherwise queue it as a private event.
        case deliverMessage(toChannel: String, message: ESLEvent, inline: Bool)
        /// Write the outbound `connect` reply (docs/protocol.md, "Outbound mode"): the channel's CHANNEL_DATA event,
        /// then
        /// `Content-Type: command/reply`, `Reply-Text: +OK\n`, `Socket-Mode`, `Control`, serialized plain.
        case sendChannelData(uuid: String, socketMode: String, control: String)
        /// Set a variable on a channel (`resume` sets `socket_resume=true`).
        case setChannelVariable(uuid: String, name: String, value: String)
        /// Set or clear the channel's divert-events flag (docs/protocol.md, "divert_events").
        case setDivertEvents(uuid: String, on: Bool)
        /// Drop this listener's queued, not yet sent events (`noevents`).
        case discardQueuedEvents
        /// Drop this listener's queued, not yet sent log lines (`nolog`).
        case discardQueuedLogLines
        /// Start (or restart) the linger timer: close with the goodbye after `seconds`, or never
        /// (`nil`, linger forever: only the client's leaving ends it).
        case startLingerTimer(seconds: Int?)
        /// Write this `text/disconnect-notice` frame, then close the socket.
        case disconnect(ESLFrame)
    }
}
