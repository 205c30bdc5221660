import ESLProtocol

/// `json` (mod_commands' JSON API: `{"command": <json_api>, "data": …}` answered with the request
/// plus `status`, `response` or `message`) and `xml_wrap` (another command's output in XML).
extension APICommands {
    static let jsonCommands: [String: APIImplementation] = [
        "json": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR No JSON supplied.\n") }
            guard var request = CJSON.parse(argument) else { return APIOutput("-ERR Parse error.\n") }
            var output = APIOutput("")
            if let command = request["command"]?.stringValue, request["data"] != nil,
               core.modules.interfaces.contains(where: { $0.kind == .jsonAPI && $0.name == command }),
               let api = jsonAPIs[command] {
                let (reply, ok, inner) = api(request["data"]!, core)
                output.events = inner.events
                output.logLines = inner.logLines
                if ok {
                    request.append("status", .string("success"))
                } else {
                    request.append("status", .string("error"))
                    request.append("message", .string("The command returned an error"))
                }
                request.append("response", reply ?? .null)
            } else {
                request.append("status", .string("error"))
                request.append("message", .string("Invalid request or non-existant command"))
                request.append("response", .null)
            }
            output.text = (request["format"]?.stringValue == "pretty" ? request.pretty : request.unformatted) + "\n"
            return output
        },
        "xml_wrap": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR No input\n", failed: true) }
            var line = argument
            let encoded = line.lowercased().hasPrefix("encoded ")
            if encoded { line = String(line.dropFirst(8)) }
            let split = line.splitAtFirstSpace
            let inner = innerAPI(split.head, split.tail, core)
            let data = encoded ? URLCoding.encode(inner.body) : inner.body
            var output = APIOutput("<result>\n  <row id=\"1\">\n    <data>\(data)</data>\n  </row>\n</result>\n")
            output.events = inner.events
            output.logLines = inner.logLines
            return output
        },
    ]

    /// `switch_api_execute` into a fresh stream: the command's output, `INVALID COMMAND!` for an
    /// unknown one, `COMMAND RETURNED ERROR!` after a failing one's output; its API event included.
    static func innerAPI(_ command: String, _ argument: String, _ core: SwitchCore) -> APIResult {
        guard let info = core.modules.command(named: command) else {
            return APIResult(body: "INVALID COMMAND!\n", events: [core.events.apiEvent(command: command, argument: argument)])
        }
        let output = implementation(for: info)(argument.trimmingWhitespace, core)
        var result = APIResult(body: output.text + (output.failed ? "COMMAND RETURNED ERROR!\n" : ""),
                               events: output.events + [core.events.apiEvent(command: command, argument: argument.trimmingWhitespace)],
                               logLines: output.logLines)
        result.delay = output.delay
        return result
    }

    typealias JSONAPI = @Sendable (_ data: CJSON, _ core: SwitchCore) -> (reply: CJSON?, ok: Bool, inner: APIResult)

    /// mod_commands' JSON APIs (`show interfaces`: json_api).
    static let jsonAPIs: [String: JSONAPI] = [
        "fsapi": { data, core in
            guard let command = data["cmd"]?.stringValue else {
                return (.object([("message", .string("INVALID CALL"))]), false, APIResult(body: ""))
            }
            let inner = innerAPI(command, data["arg"]?.stringValue ?? "", core)
            let known = core.modules.command(named: command) != nil && !inner.body.hasSuffix("COMMAND RETURNED ERROR!\n")
            return (.object([("message", .string(known ? inner.body : "INVALID CALL"))]), known, inner)
        },
        "status": { _, core in (jsonStatus(core), true, APIResult(body: "")) },
        // mod_sofia's, answered only while it is loaded (the interface check above).
        "sofia.status": { _, core in (.object([("profiles", SofiaJSONStatus.profiles(core, info: false))]), true, APIResult(body: "")) },
        "sofia.status.info": { _, core in (.object([("profiles", SofiaJSONStatus.profiles(core, info: true))]), true, APIResult(body: "")) },
        "channelData": { data, core in
            guard let uuid = data["uuid"]?.stringValue, !uuid.isEmpty else { return failure("INVALID INPUT") }
            guard core.channelExists(uuid) else { return failure("Session does not exist") }
            return (.object([("channelData", channelData(uuid, core))]), true, APIResult(body: ""))
        },
        // The channel's name (or, with `extendedData`, its data); the application runs as a
        // queued `execute` message once the reply is out, or with `inline` before it.
        "execute": { data, core in
            guard let uuid = data["uuid"]?.stringValue, let app = data["app"]?.stringValue else { return failure("INVALID INPUT") }
            guard let leg = core.leg(uuid) else { return failure("Session does not exist") }
            var message = ESLEvent()
            message.addHeader("call-command", "execute")
            message.addHeader("execute-app-name", app)
            if let argument = data["arg"]?.stringValue { message.addHeader("execute-app-arg", argument) }
            var ran = APIResult(body: "")
            let reply: CJSON = SwitchTrue.isTrue(data["extendedData"]?.stringValue ?? "")
                ? .object([("channelData", channelData(uuid, core))]) : .object([("channelName", .string(leg.name))])
            if SwitchTrue.isTrue(data["inline"]?.stringValue ?? "") {
                (ran.events, ran.logLines) = core.deliverMessage(to: uuid, message)
            } else {
                message.addHeader("event-lock", "true")
                let queued = message
                core.calls.later { core.deliverMessage(to: uuid, queued) }
            }
            return (reply, true, ran)
        },
        // A loopback channel has no RTP, so no audio or video figures: only the channel's data
        // when `channelData` asks for it.
        "mediaStats": { data, core in
            guard let uuid = data["uuid"]?.stringValue, !uuid.isEmpty else { return failure("INVALID INPUT") }
            guard core.leg(uuid) != nil else { return failure("Session does not exist") }
            guard let wanted = data["channelData"], wanted.isTrueEnough else { return (.object([]), true, APIResult(body: "")) }
            return (.object([("channelData", channelData(uuid, core))]), true, APIResult(body: ""))
        },
    ]

    /// A JSON API's failure: its reason as the reply's `response`.
    private static func failure(_ reason: String) -> (reply: CJSON?, ok: Bool, inner: APIResult) {
        (.object([("response", .string(reason))]), false, APIResult(body: ""))
    }

    /// The channel's data as these APIs attach it (the mock's stand-in for the JSON CDR: the
    /// channel's variables and headers as `uuid_dump json` prints them).
    private static func channelData(_ uuid: String, _ core: SwitchCore) -> CJSON {
        CJSON.parse(innerAPI("uuid_dump", uuid + " json", core).body) ?? .null
    }

    /// The `status` JSON API: the figures of `status`, as an object.
    static func jsonStatus(_ core: SwitchCore) -> CJSON {
        let s = core.statistics
        let up = UptimeText.parts(microseconds: core.uptimeMicroseconds)
        let n = { (value: Int) in CJSON.number(Double(value)) }
        return .object([
            ("systemStatus", .string("ready")),
            ("uptime", .object([("years", n(up.years)), ("days", n(up.days)), ("hours", n(up.hours)), ("minutes", n(up.minutes)),
                                ("seconds", n(up.seconds)), ("milliseconds", n(up.milliseconds)), ("microseconds", n(up.microseconds))])),
            ("version", .string(core.identity.version.fullHuman)),
            ("sessions", .object([
                ("count", .object([("total", n(s.sessionsSinceStartup)), ("active", n(s.sessionCount)), ("peak", n(s.sessionPeak)),
                                   ("peak5Min", n(s.sessionPeakFiveMinutes)), ("limit", n(s.maxSessions))])),
                ("rate", .object([("current", n(s.sessionsPerSecondLast)), ("max", n(s.sessionsPerSecondLimit)),
                                  ("peak", n(s.sessionsPerSecondPeak)), ("peak5Min", n(s.sessionsPerSecondPeakFiveMinutes))])),
            ])),
            ("idleCPU", .object([("used", .number(s.minimumIdleCPU)), ("allowed", .number(s.idleCPU))])),
            ("stackSizeKB", .object([("current", n(s.stackSizeKiB)), ("max", n(s.stackMaxKiB))])),
        ])
    }
}

extension CJSON {
    /// mod_commands' `true_enough`: `true`, a non-zero number or any string.
    var isTrueEnough: Bool {
        switch self {
        case .bool(let value): value
        case .number(let value): value != 0
        case .string: true
        default: false
        }
    }
}
