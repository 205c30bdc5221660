/// A place in FreeSWITCH's C source: what `Event-Calling-File/-Function/-Line-Number` and a log
/// line's `Log-File/-Func/-Line` name. The mock quotes the real switch's places (captures 12–20).
public struct SourceLocation: Sendable, Hashable {
    /// The C file's basename, e.g. `switch_core.c`.
    public var file: String
    /// The C function, e.g. `send_heartbeat`.
    public var function: String
    /// The line number.
    public var line: Int

    /// A source place.
    public init(file: String, function: String, line: Int) {
        self.file = file
        self.function = function
        self.line = line
    }
}

extension SourceLocation {
    /// `send_heartbeat` (HEARTBEAT, capture 13).
    static let heartbeat = SourceLocation(file: "switch_core.c", function: "send_heartbeat", line: 95)
    /// The scheduler re-arming a task (RE_SCHEDULE, capture 13).
    static let reschedule = SourceLocation(file: "switch_scheduler.c", function: "switch_scheduler_execute", line: 73)
    /// `switch_api_execute` (API, capture 21).
    static let apiExecute = SourceLocation(file: "switch_loadable_module.c", function: "switch_api_execute", line: 2954)
    /// mod_event_socket's `api_exec` (BACKGROUND_JOB of the socket's bgapi, capture 12).
    static let socketBackgroundJob = SourceLocation(file: "mod_event_socket.c", function: "api_exec", line: 1569)
    /// mod_event_socket's `parse_command` (sendevent, capture 20).
    static let sendEvent = SourceLocation(file: "mod_event_socket.c", function: "parse_command", line: 2272)
    /// mod_commands' `bgapi_exec` (the `bgapi` API command's BACKGROUND_JOB; line unverified).
    static let commandsBackgroundJob = SourceLocation(file: "mod_commands.c", function: "bgapi_exec", line: 5371)
}
