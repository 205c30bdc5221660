import ESLProtocol
import NIOCore

extension SwitchCore {
    /// Runs an API command as `api <command> <arguments>` does (docs/protocol.md, "api"): the output verbatim,
    /// `-ERR no reply\n` for empty output, `-ERR <cmd> Command not found!\n` for an unknown command
    /// or a failing one, and an API event per execution. Pass `arguments` untrimmed: the switch
    /// trims them except for `console_complete`, where a trailing space matters.
    /// With `consoleExecute` (fs_cli's `console_execute: true`) the line is split on `;;` and an
    /// unknown command is reported with the whole line.
    public func executeAPI(_ command: String, _ arguments: String, consoleExecute: Bool = false) -> APIResult {
        guard consoleExecute else {
            var result = run(command, arguments, wholeLine: nil)
            if result.body.isEmpty { result.body = "-ERR no reply\n" }
            return result
        }
        let line = arguments.isEmpty ? command : command + " " + arguments
        var combined = APIResult(body: "")
        for piece in line.components(separatedBy: ";;") {
            let trimmed = piece.trimmingWhitespace
            let split = trimmed.splitAtFirstSpace
            var result: APIResult
            if modules.command(named: split.head) == nil, let alias = aliasCommand(split.head) {
                // switch_console_expand_alias: the alias text, then the rest of the line.
                let expanded = split.tail.isEmpty ? alias : alias + " " + split.tail
                let inner = expanded.splitAtFirstSpace
                result = run(inner.head, inner.tail, wholeLine: expanded)
                result.body = "\nExpand Alias [\(split.head)]->[\(expanded)]\n\n" + result.body
            } else {
                result = run(split.head, split.tail, wholeLine: trimmed)
            }
            combined.body += result.body
            combined.events += result.events
            combined.logLines += result.logLines
            combined.shutdown = ShutdownRequest.latest(combined.shutdown, result.shutdown)
            combined.delay += result.delay
        }
        if combined.body.isEmpty { combined.body = "-ERR no reply\n" }
        return combined
    }

    /// Runs a command for the socket's `bgapi` (docs/protocol.md, "bgapi"; docs/events.md, "BACKGROUND_JOB"): the API
    /// event, then the BACKGROUND_JOB whose body is the output (empty output stays empty). `ownerUUID` is the session
    /// a controlling (outbound) connection owns.
    public func backgroundJob(_ command: String, _ arguments: String, jobUUID: String, ownerUUID: String? = nil) -> APIResult {
        var result = run(command, arguments, wholeLine: nil)
        let argument = command.lowercased() == "console_complete" ? arguments : arguments.trimmingWhitespace
        result.events.append(events.backgroundJob(
            jobUUID: jobUUID, ownerUUID: ownerUUID, command: command.trimmingWhitespace, argument: argument, output: result.body))
        return result
    }

    /// One command: lookup, run, failure rule, API event. `wholeLine` names the command in the
    /// not-found text under console_execute.
    func run(_ command: String, _ arguments: String, wholeLine: String?) -> APIResult {
        let isComplete = command.trimmingWhitespace.lowercased() == "console_complete"
        let name = command.trimmingWhitespace
        let argument = isComplete ? arguments : arguments.trimmingWhitespace
        let apiEvent = events.apiEvent(command: name, argument: argument)
        guard let info = modules.command(named: name) else {
            return APIResult(body: "-ERR \(wholeLine ?? name) Command not found!\n", events: [apiEvent])
        }
        let output = APICommands.implementation(for: info)(argument, self)
        let body = output.failed ? "-ERR \(wholeLine ?? name) Command not found!\n" : output.text
        var result = APIResult(body: body, events: output.events + [apiEvent], logLines: output.logLines,
                               shutdown: output.shutdown)
        result.delay = output.delay
        return result
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs, CR and LF (`switch_strip_whitespace`).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        var slice = Substring(self)
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return String(slice)
    }

    /// The text before the first space and everything after it (empty when there is no space).
    var splitAtFirstSpace: (head: String, tail: String) {
        guard let space = firstIndex(of: " ") else { return (self, "") }
        return (String(self[..<space]), String(self[index(after: space)...]))
    }

    /// The words separated by runs of spaces (`switch_separate_string` with ' ', no quoting).
    var words: [String] { split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
}
