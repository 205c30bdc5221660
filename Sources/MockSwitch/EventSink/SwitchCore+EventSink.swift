import ESLProtocol
import NIOCore

/// The `event_sink` API of mod_event_socket: seven commands that drive socketless listeners over
/// HTTP (docs/http-face.md, "event_sink"). It ignores its argument and reads only the param event.
extension SwitchCore {
    /// Runs event_sink on `stream`. Returns what an exec-fsapi's command produced besides its output.
    func eventSink(stream: inout HTTPAPIStream) -> APIResult {
        let params = stream.paramEvent
        guard params["HTTP-HOST"] != nil else {
            stream.write(EventSinkReply.webApplication)
            return APIResult(body: "")
        }
        let isJSON = (params["format"] ?? "xml").lowercased().contains("json")
        stream.write(isJSON ? EventSinkReply.jsonHead : EventSinkReply.xmlHead)
        defer { if !isJSON { stream.write(EventSinkReply.xmlTail) } }
        guard let command = params["command"] else {
            stream.write(EventSinkReply.xmlError("Missing command parameter!"))
            return APIResult(body: "")
        }
        let now = clock.now()
        let listeners = eventSinkListeners
        switch command.lowercased() {
        case "create-listener":
            stream.write(listeners.create(params, now: now, isJSON: isJSON))
        case "check-listener":
            stream.write(listeners.check(params, now: now, isJSON: isJSON))
        case "destroy-listener":
            stream.write(listeners.destroy(params))
        case "filter":
            stream.write(listeners.filter(params))
        case "set-loglevel":
            stream.write(listeners.setLogLevel(params))
        case "stop-logging":
            stream.write(listeners.stopLogging(params))
        case "exec-fsapi":
            return execFSAPI(params, stream: &stream)
        default:
            stream.write(EventSinkReply.invalidCommand)
        }
        return APIResult(body: "")
    }

    /// Runs any API with a fresh, empty param event: no `HTTP-HOST`, so HTTP-aware commands answer
    /// as over the socket, and no `Content-Type`, so the first output gets a text/plain head inside
    /// the body. That param event is never fired.
    private func execFSAPI(_ params: ESLEvent, stream: inout HTTPAPIStream) -> APIResult {
        guard let command = params["fsapi-command"] else {
            stream.write(EventSinkReply.xmlError("INVALID API COMMAND!"))
            return APIResult(body: "")
        }
        stream.write(EventSinkReply.execHead)
        let outer = stream.paramEvent
        stream.paramEvent = ESLEvent()
        let produced = executeAPI(command, params["fsapi-args"], stream: &stream)
        stream.paramEvent = outer
        stream.write(EventSinkReply.execTail)
        return produced
    }

    /// Offers what the switch fires to the event_sink listeners; returns the CRIT lines of the
    /// listeners that expired on the way, for the caller to publish.
    func offerToEventSinkListeners(events: [ESLEvent], logLines: [ESLLogLine]) -> [ESLLogLine] {
        eventSinkListeners.offer(events: events, logLines: logLines, now: clock.now()).map {
            log(level: ESLLogLevel.crit.rawValue, "Stateful Listener \($0) has expired", source: .statefulListenerExpiry)
        }
    }
}

extension SourceLocation {
    /// mod_event_socket's `event_handler` expiring an idle event_sink listener (line unverified).
    static let statefulListenerExpiry = SourceLocation(file: "mod_event_socket.c", function: "event_handler", line: 406)
}
