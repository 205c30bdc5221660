import ESLProtocol

extension SwitchCore {
    /// `switch_api_execute` with a caller's stream, as mod_xml_rpc (and event_sink's exec-fsapi)
    /// call it: `API-Command` and `API-Command-Argument` join the param event, the command writes
    /// to the stream, and an unknown command writes `INVALID COMMAND!\n` (not the socket's
    /// `-ERR … Command not found!`). The caller fires the param event. `argument` is `nil` when the
    /// URL had no `?`.
    ///
    /// Returns what the command produced besides its output, which went to `stream` (the result's
    /// body stays empty).
    func executeAPI(_ command: String, _ argument: String?, stream: inout HTTPAPIStream) -> APIResult {
        let name = command.trimmingWhitespace
        let isComplete = name.lowercased() == "console_complete"
        let trimmed = argument.map { isComplete ? $0 : $0.trimmingWhitespace }
        stream.paramEvent.addHeader("API-Command", name)
        if let trimmed { stream.paramEvent.addHeader("API-Command-Argument", trimmed) }
        if name.lowercased() == "event_sink" {
            return eventSink(stream: &stream)
        }
        guard let info = modules.command(named: name) else {
            stream.write("INVALID COMMAND!\n")
            return APIResult(body: "")
        }
        let output = APICommands.implementation(for: info)(trimmed ?? "", self)
        stream.write(output.text)
        var result = APIResult(body: "", events: output.events, logLines: output.logLines, shutdown: output.shutdown)
        result.delay = output.delay
        return result
    }
}
