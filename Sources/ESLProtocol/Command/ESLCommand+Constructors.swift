import NIOCore

// The typed commands of docs/protocol.md, "Command table", spelled the way libesl and fs_cli send them.
extension ESLCommand {
    /// `auth <password>`.
    public static func auth(password: String) -> ESLCommand {
        ESLCommand(line: "auth \(password)")
    }

    /// `userauth <user>@<domain>:<password>`; `user` includes the domain.
    public static func userauth(user: String, password: String) -> ESLCommand {
        ESLCommand(line: "userauth \(user):\(password)")
    }

    /// `api <command> [<arguments>]`; with `consoleExecute` the line runs as a console line (the
    /// switch then expands aliases and `;;` lists), as fs_cli sends every typed line.
    public static func api(_ command: String, _ arguments: String? = nil, consoleExecute: Bool = false) -> ESLCommand {
        ESLCommand(
            line: joined("api", command, arguments),
            headers: consoleExecute ? [("console_execute", "true")] : [],
            replyKind: .apiResponse)
    }

    /// `bgapi <command> [<arguments>]`, optionally with a client-chosen `Job-UUID`.
    public static func bgapi(_ command: String, _ arguments: String? = nil, jobUUID: String? = nil) -> ESLCommand {
        ESLCommand(line: joined("bgapi", command, arguments), headers: jobUUID.map { [("Job-UUID", $0)] } ?? [])
    }

    /// `event <format> <names…>`; event names are those of docs/events.md, "Event types", `ALL`, or `CUSTOM` followed
    /// by subclasses.
    public static func event(_ format: ESLEventFormat, _ names: [String]) -> ESLCommand {
        ESLCommand(line: (["event", format.rawValue] + names).joined(separator: " "))
    }

    /// `event plain <names…>`.
    public static func event(_ names: [String]) -> ESLCommand {
        event(.plain, names)
    }

    /// `nixevent <names…>`.
    public static func nixevent(_ names: [String]) -> ESLCommand {
        ESLCommand(line: (["nixevent"] + names).joined(separator: " "))
    }

    /// `noevents`.
    public static let noevents = ESLCommand(line: "noevents")

    /// `filter <header> <value>`; a value starting `/` is a regex, `+`/`-` set polarity
    /// (docs/protocol.md, "Filters").
    public static func filter(_ header: String, _ value: String) -> ESLCommand {
        ESLCommand(line: "filter \(header) \(value)")
    }

    /// `filter delete <header> [<value>]`.
    public static func filterDelete(_ header: String, _ value: String? = nil) -> ESLCommand {
        ESLCommand(line: joined("filter delete", header, value))
    }

    /// `filter delete all`.
    public static let filterDeleteAll = ESLCommand(line: "filter delete all")

    /// `log <level>`; `nil` sends a bare `log` (the switch then uses debug).
    public static func log(_ level: ESLLogLevel?) -> ESLCommand {
        ESLCommand(line: level.map { "log \($0.name.lowercased())" } ?? "log")
    }

    /// `nolog`.
    public static let nolog = ESLCommand(line: "nolog")

    /// `sendevent <name>` with headers (sent unencoded, as libesl does) and an optional body.
    public static func sendevent(_ name: String, headers: [(name: String, value: String)] = [], body: ByteBuffer? = nil) -> ESLCommand {
        ESLCommand(line: "sendevent \(name)", headers: headers, body: body)
    }

    /// `sendmsg [<uuid>]` with headers and an optional body (docs/protocol.md, "sendmsg").
    public static func sendmsg(uuid: String? = nil, headers: [(name: String, value: String)], body: ByteBuffer? = nil) -> ESLCommand {
        ESLCommand(line: joined("sendmsg", uuid, nil), headers: headers, body: body)
    }

    /// `sendmsg` with `call-command: execute`, as libesl's `esl_execute` sends it.
    public static func execute(_ application: String, _ argument: String? = nil, uuid: String? = nil, eventLock: Bool = false, async: Bool = false) -> ESLCommand {
        var headers: [(name: String, value: String)] = [("call-command", "execute"), ("execute-app-name", application)]
        if let argument { headers.append(("execute-app-arg", argument)) }
        if eventLock { headers.append(("event-lock", "true")) }
        if async { headers.append(("async", "true")) }
        return sendmsg(uuid: uuid, headers: headers)
    }

    /// `sendmsg` with `call-command: hangup`.
    public static func hangup(uuid: String? = nil, cause: String? = nil) -> ESLCommand {
        var headers: [(name: String, value: String)] = [("call-command", "hangup")]
        if let cause { headers.append(("hangup-cause", cause)) }
        return sendmsg(uuid: uuid, headers: headers)
    }

    /// `myevents` (outbound, optionally with a format) or `myevents <uuid>` (inbound).
    public static func myevents(uuid: String? = nil, format: ESLEventFormat? = nil) -> ESLCommand {
        ESLCommand(line: ["myevents", uuid, format?.rawValue].compactMap { $0 }.joined(separator: " "))
    }

    /// `divert_events on|off`.
    public static func divertEvents(_ on: Bool) -> ESLCommand {
        ESLCommand(line: "divert_events \(on ? "on" : "off")")
    }

    /// `linger [<seconds>]`; `nil` lingers until the client leaves.
    public static func linger(seconds: Int? = nil) -> ESLCommand {
        ESLCommand(line: seconds.map { "linger \($0)" } ?? "linger")
    }

    /// `nolinger`.
    public static let nolinger = ESLCommand(line: "nolinger")

    /// `resume`: the dialplan continues after the socket application ends.
    public static let resume = ESLCommand(line: "resume")

    /// `getvar <name>` (outbound / controlled session).
    public static func getvar(_ name: String) -> ESLCommand {
        ESLCommand(line: "getvar \(name)")
    }

    /// `connect`: the first command of an outbound connection; answered by the channel's data.
    public static let connect = ESLCommand(line: "connect", replyKind: .channelData)

    /// `exit`: the switch answers `+OK bye`, sends the goodbye notice and closes.
    public static let exit = ESLCommand(line: "exit")

    private static func joined(_ verb: String, _ first: String?, _ rest: String?) -> String {
        [verb, first, rest].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
