import ESLProtocol
import NIOCore

/// The listener commands of event_sink, each returning its reply fragment (the wrapper is the
/// caller's). Parameters are read from the param event: any case, the first one wins.
extension EventSinkListeners {
    /// create-listener: `events`, `loglevel`, `format`.
    func create(_ params: ESLEvent, now: Int64, isJSON: Bool) -> String {
        let events = params["events"]
        let loglevel = params["loglevel"]
        guard events != nil || loglevel != nil else {
            return isJSON ? EventSinkReply.jsonError("Missing parameter!") : EventSinkReply.xmlError("Missing parameter!")
        }
        return state.withLockedValue { state in
            // The id is taken before the events are read: a create that fails below still uses it up.
            state.lastID &+= 1
            var format = ESLEventFormat.plain
            if events != nil {
                let asked = (params["format"] ?? "xml").lowercased()
                format = asked.contains("xml") ? .xml : asked.contains("json") ? .json : .plain
            }
            var listener = EventSinkListener(id: state.lastID, format: format, lastFlush: now)
            if let loglevel, let level = ESLServerLogLevel.level(of: loglevel) {
                listener.subscriptions.logLevel = level
            }
            if let events {
                let words = events.split(separator: events.contains(" ") ? " " : ",").joined(separator: " ")
                guard listener.subscriptions.applyEventWords(words, permissions: .unrestricted) == .enabled else {
                    return format == .json ? EventSinkReply.jsonError("No keywords supplied") : EventSinkReply.xmlError("No keywords supplied")
                }
            }
            state.listeners[listener.id] = listener
            if format == .json { return CJSON.object([("listener", listener.jsonObject)]).pretty }
            return "<data>\n <reply type=\"success\">Listener \(listener.id) Created</reply>\n" + listener.xmlBlock + "</data>\n"
        }
    }

    /// check-listener: `listen-id`. Hands over and empties the queues; the only command besides
    /// create that keeps a listener alive.
    func check(_ params: ESLEvent, now: Int64, isJSON: Bool) -> String {
        state.withLockedValue { state in
            guard let id = Self.listenID(params), var listener = state.listeners[id] else {
                return isJSON ? EventSinkReply.jsonError("Can't find listener") : EventSinkReply.xmlError("Can't find listener")
            }
            listener.lastFlush = now
            var text = ""
            if listener.format != .json {
                text += "<data>\n <reply type=\"success\">Current Events Follow</reply>\n" + listener.xmlBlock
            }
            if listener.isLogging {
                // XML even for a json listener, and before its JSON text.
                text += "<log_data>\n" + listener.logLines.map(Self.logElement).joined() + "</log_data>\n"
                listener.logLines.removeAll()
            }
            let events = listener.events
            listener.events.removeAll()
            state.listeners[id] = listener
            switch listener.format {
            case .json:
                let objects = events.map { event -> CJSON in
                    var json = ByteBuffer()
                    event.encodeJSON(into: &json)
                    return CJSON.parse(String(buffer: json)) ?? .object([])
                }
                return text + CJSON.object([("listener", listener.jsonObject), ("events", .array(objects))]).pretty
            case .xml:
                return text + "<events>\n" + events.map { Self.serialized($0, .xml) + "\n" }.joined() + " </events>\n</data>\n"
            case .plain:
                return text + "<events>\n" + events.map { "<event type=\"plain\">\n" + Self.serialized($0, .plain) + "</event>" }.joined()
                    + " </events>\n</data>\n"
            }
        }
    }

    /// destroy-listener: `listen-id`. Always answers in XML, whatever was asked.
    func destroy(_ params: ESLEvent) -> String {
        state.withLockedValue { state in
            guard let id = Self.listenID(params), let listener = state.listeners.removeValue(forKey: id) else {
                return EventSinkReply.xmlError("Can't find listener")
            }
            return "<data>\n <reply type=\"success\">listener \(id) destroyed</reply>\n" + listener.xmlBlock + "</data>\n"
        }
    }

    /// filter: `listen-id`, `action` (add or delete), `header-name`, `header-val`. A delete names
    /// the header to clear in `header-val` (or `all`).
    func filter(_ params: ESLEvent) -> String {
        changing(params) { listener in
            let name = params["header-name"], value = params["header-val"]
            switch params["action"]?.lowercased() {
            case "add":
                guard let name, let value else { return EventSinkReply.xmlError("Invalid Syntax") }
                listener.subscriptions.applyFilter("add \(name) \(value)")
                return EventSinkReply.filterDone("added")
            case "delete":
                guard let value else { return EventSinkReply.xmlError("Invalid Syntax") }
                listener.subscriptions.applyFilter("delete \(value)")
                return EventSinkReply.filterDone("deleted")
            default:
                return EventSinkReply.xmlError("Invalid Syntax")
            }
        }
    }

    /// set-loglevel: `listen-id`, `loglevel`; turns logging on, echoing the level as typed.
    func setLogLevel(_ params: ESLEvent) -> String {
        changing(params) { listener in
            guard let word = params["loglevel"] else { return EventSinkReply.xmlError("Invalid Syntax") }
            guard let level = ESLServerLogLevel.level(of: word) else { return EventSinkReply.xmlError("Invalid Level") }
            listener.subscriptions.logLevel = level
            return EventSinkReply.xmlSuccess("Log Level \(word)")
        }
    }

    /// stop-logging: `listen-id`. Queued lines stay queued but are no longer shown.
    func stopLogging(_ params: ESLEvent) -> String {
        changing(params) { listener in
            guard listener.isLogging else { return EventSinkReply.xmlError("Not Logging") }
            listener.subscriptions.logLevel = nil
            return EventSinkReply.xmlSuccess("Not Logging")
        }
    }

    /// Runs `change` on the listener `listen-id` names, which keeps the read lock it takes
    /// (``EventSinkListener/lockLeaked``); `Invalid Listen-ID` when there is none.
    private func changing(_ params: ESLEvent, _ change: (inout EventSinkListener) -> String) -> String {
        state.withLockedValue { state in
            guard let id = Self.listenID(params), var listener = state.listeners[id] else {
                return EventSinkReply.xmlError("Invalid Listen-ID")
            }
            listener.lockLeaked = true
            let reply = change(&listener)
            state.listeners[id] = listener
            return reply
        }
    }

    /// `listen-id` read with `atol` and cast to 32 bits: `7x` is 7, `abc` is 0, which no listener has.
    static func listenID(_ params: ESLEvent) -> UInt32? {
        guard let text = params["listen-id"] else { return nil }
        let id = UInt32(truncatingIfNeeded: CNumber.atol(text))
        return id == 0 ? nil : id
    }

    /// One queued log line: the attributes as they are, the text URL-encoded as in a plain event.
    static func logElement(_ line: ESLLogLine) -> String {
        "<log log-level=\"\(line.level)\" text-channel=\"\(line.textChannel)\" log-file=\"\(line.file)\" log-func=\"\(line.function)\" "
            + "log-line=\"\(line.line)\" user-data=\"\(line.userData)\">\(URLCoding.encode(String(buffer: line.body)))</log>\n"
    }

    static func serialized(_ event: ESLEvent, _ format: ESLEventFormat) -> String {
        var buffer = ByteBuffer()
        switch format {
        case .plain: event.encodePlain(into: &buffer)
        case .xml: event.encodeXML(into: &buffer)
        case .json: event.encodeJSON(into: &buffer)
        }
        return String(buffer: buffer)
    }
}
