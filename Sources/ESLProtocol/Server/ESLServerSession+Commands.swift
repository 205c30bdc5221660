import NIOCore

/// `parse_command` (docs/protocol.md, "Command table"): the commands in the switch's matching order.
extension ESLServerSession {
    /// What one command produced: actions before the reply, the reply frame (if any), actions
    /// after it, and whether the connection ends (goodbye and close follow).
    struct Outcome {
        var before: [Action] = []
        var reply: ESLFrame?
        var after: [Action] = []
        var close = false

        /// A simple `command/reply`; an empty text becomes `-ERR command not found`, as on the switch.
        static func text(_ text: String, before: [Action] = [], after: [Action] = [], close: Bool = false) -> Outcome {
            let reply = ESLCommandReply(text: text.isEmpty ? notFoundText : text).frame
            return Outcome(before: before, reply: reply, after: after, close: close)
        }

        /// No `command/reply` (api, connect): the actions write what the client gets.
        static func noReply(_ actions: [Action]) -> Outcome {
            Outcome(before: actions)
        }

        static let notFound = text(notFoundText)
    }

    static let notFoundText = "-ERR command not found"

    mutating func parseCommand(_ packet: ESLClientPacket, core: some ESLServerCore) -> Outcome {
        var raw = packet.rawText
        // Step 0: whatever mentions unloading or reloading this module becomes a background job, so
        // the listener thread is not the one that tears the module down.
        let lowered = raw.lowercased()
        if lowered.contains("unload") && lowered.contains("mod_event_socket") {
            raw = "api bgapi unload mod_event_socket"
        } else if lowered.contains("reload") && lowered.contains("mod_event_socket") {
            raw = "api bgapi reload mod_event_socket"
        }
        let line = String(decoding: raw.utf8.prefix { $0 != ASCII.cr && $0 != ASCII.lf }, as: UTF8.self)

        if line.hasCaseInsensitivePrefix("exit") || line.hasPrefix("...") {
            return .text("+OK bye", close: true)
        }
        guard isAuthenticated else { return authenticate(line, core: core) }

        if line.hasCaseInsensitivePrefix("filter ") {
            return .text(subscriptions.applyFilter(String(line.dropFirst(7))).replyText)
        }
        if let uuid = controlledSession, line.hasCaseInsensitivePrefix("resume") {
            resumeRequested = true
            return .text("+OK", before: [.setChannelVariable(uuid: uuid, name: "socket_resume", value: "true")])
        }
        if controlledSession != nil || line.hasCaseInsensitivePrefix("myevents ") {
            if let outcome = sessionCommand(line, raw: raw, core: core) { return outcome }
        }
        if line.hasCaseInsensitivePrefix("divert_events") { return divert(line) }
        if line.hasCaseInsensitivePrefix("sendmsg") { return sendmsg(line, packet: packet, core: core) }
        if case .outbound(_, _, false) = mode { return .notFound }

        if line.hasCaseInsensitivePrefix("sendevent") { return sendevent(line, packet: packet, core: core) }
        if line.hasCaseInsensitivePrefix("api ") { return api(line, packet: packet) }
        if line.hasCaseInsensitivePrefix("bgapi ") { return bgapi(line, packet: packet, core: core) }
        if line.hasCaseInsensitivePrefix("log") { return log(line) }
        if line.hasCaseInsensitivePrefix("linger") { return lingerCommand(line) }
        if line.hasCaseInsensitivePrefix("nolinger") {
            guard controlledSession != nil else { return .text("-ERR not controlling a session") }
            linger = nil
            return .text("+OK will not linger")
        }
        if line.hasCaseInsensitivePrefix("nolog") {
            let wasLogging = isLogging
            subscriptions.logLevel = nil
            return .text(wasLogging ? "+OK no longer logging" : "-ERR not loging", before: [.discardQueuedLogLines])
        }
        if line.hasCaseInsensitivePrefix("event") { return event(line) }
        if line.hasCaseInsensitivePrefix("nixevent") {
            guard subscriptions.applyNixevent(Self.wordsAfterFirstSpace(line, from: 5) ?? "") > 0 else {
                return .text("-ERR no keywords supplied")
            }
            eventsEnabled = true
            return .text("+OK events nixed")
        }
        if line.hasCaseInsensitivePrefix("noevents") {
            let wasEnabled = eventsEnabled
            eventsEnabled = false
            subscriptions.applyNoevents()
            return .text(wasEnabled ? "+OK no longer listening for events" : "-ERR not listening for events", before: [.discardQueuedEvents])
        }
        return .notFound
    }

    /// Before authentication only `auth` and `userauth` do anything (docs/protocol.md, "Authentication").
    private mutating func authenticate(_ line: String, core: some ESLServerCore) -> Outcome {
        if line.hasCaseInsensitivePrefix("auth ") {
            guard String(line.dropFirst(5)) == password else { return .text("-ERR invalid", close: true) }
            isAuthenticated = true
            return .text("+OK accepted")
        }
        if line.hasCaseInsensitivePrefix("userauth ") {
            return userauth(String(line.dropFirst(9)), core: core)
        }
        return .notFound
    }

    /// `userauth <user>@<domain>:<password>` or `<user>:<password>@<domain>`.
    private mutating func userauth(_ text: String, core: some ESLServerCore) -> Outcome {
        var user = Substring(text)
        var domain: Substring?
        var pass: Substring?
        if let at = user.firstIndex(of: "@") {
            domain = user[user.index(after: at)...]
            user = user[..<at]
        }
        if let domainText = domain, let colon = domainText.firstIndex(of: ":") {
            pass = domainText[domainText.index(after: colon)...]
            domain = domainText[..<colon]
        }
        if let colon = user.firstIndex(of: ":") {
            pass = user[user.index(after: colon)...]
            user = user[..<colon]
        }
        guard !user.isEmpty, let domain, !domain.isEmpty,
              let entry = core.user(String(user), domain: String(domain)),
              let expected = entry.password, !expected.isEmpty,
              let pass, !pass.isEmpty, String(pass) == expected
        else {
            return .text("-ERR invalid", close: true)
        }
        isAuthenticated = true
        permissions = ESLListenerPermissions(user: entry)
        let headers: ESLHeaders = [
            ("Content-Type", ESLContentType.commandReply),
            ("Reply-Text", "+OK accepted"),
            ("Allowed-Events", entry.allowedEvents ?? "all"),
            ("Allowed-API", entry.allowedAPI ?? "all"),
            ("Allowed-LOG", entry.allowedLog ? "true" : "false"),
        ]
        return Outcome(reply: ESLFrame(headers: headers))
    }

    /// `connect`, `getvar`, `myevents`: only with a controlled session, except inbound `myevents <uuid>`.
    /// Returns `nil` for any other command, which then goes on down the list.
    private mutating func sessionCommand(_ line: String, raw: String, core: some ESLServerCore) -> Outcome? {
        if line.hasCaseInsensitivePrefix("connect"), let uuid = controlledSession {
            let control: String
            switch mode {
            case .outbound(_, _, let full): control = full ? "full" : "single-channel"
            case .inbound: control = "single-channel"
            }
            return .noReply([.sendChannelData(uuid: uuid, socketMode: isAsync ? "async" : "static", control: control)])
        }
        if line.hasCaseInsensitivePrefix("getvar"), let uuid = controlledSession {
            // The name is everything after the first space; no space means no name.
            guard let space = line.firstIndex(of: " ") else { return .notFound }
            return .text(core.channelVariable(uuid, String(line[line.index(after: space)...])) ?? "")
        }
        guard line.hasCaseInsensitivePrefix("myevents") else { return nil }
        if myEvents { return .text("-ERR aready enabled.") }
        var formatSearchText = raw
        if controlledSession == nil {
            let argument = line.dropFirst(9)
            let uuid = argument.prefix { $0 != " " }
            let hasExtraWord = uuid.endIndex < argument.endIndex
            if core.channelExists(String(uuid)) {
                controlledSession = String(uuid)
            } else if hasExtraWord {
                return .text("-ERR invalid uuid")
            }
            // The switch cuts its copy of the line after the uuid and then looks for a format
            // there, so a format word after the uuid is never applied.
            formatSearchText = String(line[..<uuid.endIndex])
            isAsync = true
        }
        myEvents = true
        eventsEnabled = true
        subscriptions.subscribeMyEvents()
        if formatSearchText.contains("xml") || formatSearchText.contains("XML") { subscriptions.format = .xml }
        if formatSearchText.contains("json") || formatSearchText.contains("JSON") { subscriptions.format = .json }
        return .text("+OK Events Enabled")
    }

    private mutating func divert(_ line: String) -> Outcome {
        guard let uuid = controlledSession else { return .text("-ERR not controlling a session.") }
        let value = line.dropFirst(13).drop { $0 == " " }
        guard !value.isEmpty else { return .text("-ERR missing value.") }
        divertEvents = value.lowercased() == "on"
        return .text(divertEvents ? "+OK events diverted" : "+OK events not diverted", before: [.setDivertEvents(uuid: uuid, on: divertEvents)])
    }

    private func sendmsg(_ line: String, packet: ESLClientPacket, core: some ESLServerCore) -> Outcome {
        var uuid: String? = String(line.dropFirst(7).drop { $0 == " " })
        if uuid?.isEmpty ?? true { uuid = packet.header("session-id") }
        if let own = controlledSession, uuid == own { uuid = nil }
        // The switch keeps the whole packet as the message's `Command` (only `sendevent` cuts it
        // to line 1); a queued message shows it again as PRIVATE_COMMAND (capture 73).
        let message = Self.packetEvent(packet, commandLine: packet.rawText + "\n")
        if uuid?.isEmpty ?? true, let own = controlledSession {
            let async = isAsync || Self.isTrue(packet.header("async"))
            return .text("+OK", before: [.deliverMessage(toChannel: own, message: message, inline: !async)])
        }
        if let uuid, !uuid.isEmpty, core.channelExists(uuid) {
            return .text("+OK", before: [.deliverMessage(toChannel: uuid, message: message, inline: false)])
        }
        return .text("-ERR invalid session id [\(uuid ?? "")]")
    }

    /// The packet itself becomes the event (docs/protocol.md, "sendevent").
    private func sendevent(_ line: String, packet: ESLClientPacket, core: some ESLServerCore) -> Outcome {
        let eventUUID = core.newUUID()
        var event = Self.packetEvent(packet, commandLine: line)
        event.addHeader("Event-UUID", eventUUID)
        let word = line.dropFirst(9).drop { $0 == " " || $0 == "\t" }
        var name = "CLONE"
        if let resolved = ESLEventName.resolve(String(word)) {
            name = resolved
            if resolved == "CUSTOM", let subclass = event.subclass {
                // Setting the subclass name puts `Event-Subclass` at the top of the event.
                event.removeHeaders(named: "Event-Subclass")
                event = ESLEvent(headers: [(name: "Event-Subclass", value: subclass)] + event.headers.map { ($0.name, $0.value) }, body: event.body)
            }
        }
        let delivery: Action
        if let target = event["Unique-ID"], core.channelExists(target) {
            // Queued to a channel the event is the packet as parsed: the subclass, kept apart
            // from the headers, prints last (capture 75).
            var queued = Self.packetEvent(packet, commandLine: line)
            queued.addHeader("Event-UUID", eventUUID)
            if let subclass = queued.subclass, name == "CUSTOM" {
                queued.removeHeaders(named: "Event-Subclass")
                queued.addHeader("Event-Subclass", subclass)
            }
            delivery = .queueEventToChannel(uuid: target, event: queued)
        } else {
            delivery = .fireEvent(event, name: name)
        }
        return .text("+OK \(eventUUID)", before: [delivery])
    }

    private func api(_ line: String, packet: ESLClientPacket) -> Outcome {
        let text = String(line.dropFirst(4))
        let (command, arguments) = Self.splitAtFirstSpace(text)
        guard permissions.allowsAPI(command: command, arguments: arguments) else { return .text("-ERR permission denied") }
        if Self.isTrue(packet.header("console_execute")) {
            return .noReply([.runAPI(command: text, arguments: nil, consoleExecute: true)])
        }
        return .noReply([.runAPI(command: command, arguments: arguments, consoleExecute: false)])
    }

    private func bgapi(_ line: String, packet: ESLClientPacket, core: some ESLServerCore) -> Outcome {
        let (command, arguments) = Self.splitAtFirstSpace(String(line.dropFirst(6)))
        guard permissions.allowsAPI(command: command, arguments: arguments) else { return .text("-ERR permission denied") }
        let jobUUID = packet.header("Job-UUID") ?? core.newUUID()
        let headers: ESLHeaders = [
            ("Content-Type", ESLContentType.commandReply),
            ("Reply-Text", "+OK Job-UUID: \(jobUUID)"),
            ("Job-UUID", jobUUID),
        ]
        return Outcome(reply: ESLFrame(headers: headers), after: [.runBackgroundAPI(command: command, arguments: arguments, jobUUID: jobUUID)])
    }

    /// `log [<level>]`: the switch skips exactly one character after `log` and reads the rest of
    /// the line as the level word, which the reply echoes as typed (so bare `log` gives two spaces).
    private mutating func log(_ line: String) -> Outcome {
        guard permissions.log else { return .text("-ERR permission denied") }
        let word = String(line.dropFirst(4))
        let level = word.isEmpty ? ESLLogLevel.debug.rawValue : ESLServerLogLevel.level(of: word)
        guard let level else { return .text("-ERR invalid log level") }
        subscriptions.logLevel = level
        return .text("+OK log level \(word) [\(level)]")
    }

    private mutating func lingerCommand(_ line: String) -> Outcome {
        guard controlledSession != nil else { return .text("-ERR not controlling a session") }
        let characters = Array(line.utf8)
        // `linger <n>` (atoi, so `linger ` alone is 0 s); anything else lingers forever.
        if characters.count > 6 && characters[6] == ASCII.space {
            let seconds = atoi(String(decoding: characters[7...], as: UTF8.self))
            linger = .seconds(seconds)
            return .text("+OK will linger \(seconds) seconds")
        }
        linger = .forever
        return .text("+OK will linger")
    }

    private mutating func event(_ line: String) -> Outcome {
        guard let words = Self.wordsAfterFirstSpace(line, from: 5) else { return .text("-ERR no keywords supplied") }
        switch subscriptions.applyEventWords(words, permissions: permissions) {
        case .permissionDenied: return .text("-ERR permission denied")
        case .noKeywords: return .text("-ERR no keywords supplied")
        case .enabled:
            eventsEnabled = true
            return .text("+OK event listener enabled \(subscriptions.format.rawValue)")
        }
    }

    // MARK: - Parsing details of the switch

    /// The text after the first space at or after `offset` (`strchr(cmd + offset, ' ')`), or `nil`.
    static func wordsAfterFirstSpace(_ line: String, from offset: Int) -> String? {
        let tail = line.dropFirst(offset)
        guard let space = tail.firstIndex(of: " ") else { return nil }
        return String(tail[tail.index(after: space)...])
    }

    /// Command and argument split at the first space; no space means no argument.
    static func splitAtFirstSpace(_ text: String) -> (String, String?) {
        guard let space = text.firstIndex(of: " ") else { return (text, nil) }
        return (String(text[..<space]), String(text[text.index(after: space)...]))
    }

    /// The packet as the switch keeps it: `Command` (line 1), the client's headers in order with
    /// raw values (empty ones dropped, as the switch does), and the body.
    static func packetEvent(_ packet: ESLClientPacket, commandLine: String) -> ESLEvent {
        var event = ESLEvent()
        event.addHeader("Command", commandLine)
        for header in packet.headers { event.addHeader(header.name, header.value) }
        event.body = packet.body
        return event
    }

    /// `switch_true`: yes/on/true/t/enabled/active/allow (any case) or a non-zero number.
    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        if ["yes", "on", "true", "t", "enabled", "active", "allow"].contains(value.lowercased()) { return true }
        return ESLServerLogLevel.isNumber(value) && !value.isEmpty && atoi(value) != 0
    }
}

extension StringProtocol {
    /// `strncasecmp(self, prefix, strlen(prefix)) == 0` for an ASCII prefix.
    func hasCaseInsensitivePrefix(_ prefix: String) -> Bool {
        let mine = utf8
        guard mine.count >= prefix.utf8.count else { return false }
        return zip(mine, prefix.utf8).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }
}
