import ESLProtocol

/// Small mod_commands APIs with exact outputs (docs/api-output.md, "Other commands"; captures 19, 50).
extension APICommands {
    static let simpleCommands: [String: APIImplementation] = [
        "echo": { argument, _ in APIOutput(argument) },
        "msleep": { argument, _ in
            // mod_commands: atol() of the argument, switch_yield, then "+OK" (no line end).
            var output = APIOutput("+OK")
            output.delay = .milliseconds(max(0, CNumber.atol(argument)))
            return output
        },
        "md5": { argument, _ in APIOutput(argument.isEmpty ? "!err!" : MD5.hex(Array(argument.utf8))) },
        "create_uuid": { _, _ in APIOutput(UUIDText.make()) },
        "global_getvar": { argument, core in
            guard !argument.isEmpty else {
                return APIOutput(core.globalVariables.map { "\($0.name)=\($0.value)\n" }.joined())
            }
            return APIOutput(core.globalVariable(argument) ?? "")
        },
        // `log <level> <message>`; one word is the message, logged at DEBUG like an unknown level.
        "log": { argument, core in
            var level = 7
            var message = argument
            if let space = argument.firstIndex(of: " ") {
                level = LogLineFactory.level(named: String(argument[..<space])) ?? 7
                message = String(argument[argument.index(after: space)...])
            }
            var output = APIOutput("+OK\n")
            output.logLines = [core.log(level: level, message, source: .logAPI, channel: .session)]
            return output
        },
        "shutdown": { _, _ in
            var output = APIOutput("+OK\n")
            output.shutdown = ShutdownRequest()
            return output
        },
        "toupper": { argument, _ in APIOutput(argument.uppercased()) },
        "tolower": { argument, _ in APIOutput(argument.lowercased()) },
        "url_encode": { argument, _ in APIOutput(URLCoding.encode(argument)) },
        "url_decode": { argument, _ in APIOutput(URLCoding.decode(argument)) },
        "bgapi": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR Invalid syntax\n") }
            var line = argument
            var jobUUID = UUIDText.make()
            if line.hasPrefix("uuid:") {
                let split = line.splitAtFirstSpace
                jobUUID = String(split.head.dropFirst(5))
                line = split.tail
            }
            let split = line.splitAtFirstSpace
            var inner = core.run(split.head, split.tail, wholeLine: nil)
            if core.modules.command(named: split.head.trimmingWhitespace) == nil {
                inner.body = "\(split.head): Command not found!\n"
            }
            var output = APIOutput("+OK Job-UUID: \(jobUUID)\n")
            output.logLines = inner.logLines
            output.events = inner.events + [core.events.backgroundJob(
                jobUUID: jobUUID, command: split.head, argument: split.tail.trimmingWhitespace, output: inner.body,
                source: .commandsBackgroundJob)]
            return output
        },
    ]

}
