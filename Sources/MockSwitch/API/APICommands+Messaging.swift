import ESLProtocol
import NIOCore

/// chat and presence (mod_dptools), event_channel_broadcast, event_sink (mod_event_socket): they
/// hand a message to the switch's event system.
extension APICommands {
    static let messagingCommands: [String: APIImplementation] = [
        "chat": { argument, core in
            let parts = argument.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard !argument.isEmpty, parts.count >= 4 else { return APIOutput("Invalid") }
            let (proto, from, to, body) = (parts[0], parts[1], parts[2], parts[3])
            let type = parts.count > 4 && !parts[4].isEmpty ? parts[4] : "text/plain"
            // The chat interfaces loaded: mod_dptools' `api` and `event`.
            guard core.modules.interfaces.contains(where: { $0.kind == .chat && $0.name == proto }) else {
                return APIOutput("Error! Message Not Sent")
            }
            var output = APIOutput("Sent")
            if proto == "event" {
                var event = core.events.makeEvent("RECV_MESSAGE", source: .chatSend)
                for (name, value) in [("proto", "global"), ("from", from), ("to", to), ("type", type), ("dest_proto", proto)] {
                    event.addHeader(name, value)
                }
                event.body = ByteBuffer(string: body)
                output.events = [event]
            } else {
                // `api`: the `to` field is a command line, run as an API call.
                let split = URLCoding.decode(core.globalVariable(to) ?? to).splitAtFirstSpace
                let inner = innerAPI(split.head, split.tail, core)
                output.events = inner.events
                output.logLines = inner.logLines
            }
            return output
        },
        "presence": { argument, core in
            let parts = argument.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard !argument.isEmpty, let direction = parts.first?.lowercased(), direction == "in" || direction == "out",
                  parts.count >= (direction == "in" ? 4 : 2) else { return APIOutput("Invalid") }
            var event = core.events.makeEvent(direction == "in" ? "PRESENCE_IN" : "PRESENCE_OUT", source: .presenceAPI)
            event.addHeader("proto", "dp")
            event.addHeader("login", "mod_dptools.c")
            event.addHeader("from", parts[1])
            if direction == "in" {
                event.addHeader("rpid", parts[2])
                event.addHeader("status", parts[3])
            }
            event.addHeader("event_type", "presence")
            event.addHeader("alt_event_type", "dialog")
            event.addHeader("event_count", "0")
            var output = APIOutput("Event Sent")
            output.events = [event]
            return output
        },
        // No event-channel subscriber exists on the mock (they are verto or mod_event_socket's
        // JSON clients): the message is parsed and dropped, as the switch drops it.
        "event_channel_broadcast": { argument, core in
            let split = argument.splitAtFirstSpace
            guard !split.head.isEmpty, !split.tail.isEmpty else {
                return APIOutput("-USAGE: \(core.modules.command(named: "event_channel_broadcast")?.syntax ?? "")\n")
            }
            guard CJSON.parse(split.tail) != nil else { return APIOutput("-ERR parse error\n") }
            return APIOutput("+OK message sent\n")
        },
        // event_sink serves mod_xml_rpc's HTTP requests (SwitchCore+EventSink); a call without
        // their param event, as over the socket, only gets told so, whatever its argument.
        "event_sink": { _, _ in APIOutput(EventSinkReply.webApplication) },
    ]
}

extension SourceLocation {
    /// mod_dptools' `chat` reaching the `event` chat interface (line unverified).
    static let chatSend = SourceLocation(file: "mod_dptools.c", function: "event_chat_send", line: 6022)
    /// mod_dptools' `presence` API (line unverified).
    static let presenceAPI = SourceLocation(file: "mod_dptools.c", function: "presence_api_function", line: 5908)
}
