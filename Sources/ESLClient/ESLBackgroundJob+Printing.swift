import ESLProtocol

extension ESLBackgroundJob: CustomStringConvertible, CustomDebugStringConvertible {
    /// The command and the first line of its output: `bgapi status: UP 0 years, 0 days … (+4 lines)`.
    /// A job event without `Job-Command` is named by its UUID instead.
    public var description: String {
        let command = event["Job-Command"].map { name in
            [name, event["Job-Command-Arg"]].compactMap { $0 }.joined(separator: " ")
        }
        return "bgapi \(command ?? "job " + jobUUID): \(PrintedText.firstLine(output))"
    }

    /// `bgapi job <UUID>`, then the BACKGROUND_JOB event's own debug description (headers decoded,
    /// one a line, then the output).
    public var debugDescription: String {
        "bgapi job \(jobUUID)\n" + event.debugDescription
    }
}
