import ESLProtocol

/// The result of ``ESLConnection/bgapi(_:_:jobUUID:deliversEvent:timeout:accepted:)``: the job's BACKGROUND_JOB event.
public struct ESLBackgroundJob: Sendable, Hashable {
    /// The job's UUID (also in the bgapi reply).
    public var jobUUID: String
    /// The BACKGROUND_JOB event; its body is the command's output.
    public var event: ESLEvent

    /// Creates a result.
    public init(jobUUID: String, event: ESLEvent) {
        self.jobUUID = jobUUID
        self.event = event
    }

    /// The command's output (empty output stays empty for background jobs).
    public var output: String { event.bodyString ?? "" }

    /// Whether the output reports a failure (starts with `-ERR`, or the `Command not found` text
    /// bgapi uses for unknown commands).
    public var isError: Bool {
        output.hasPrefix("-ERR") || output.hasSuffix("Command not found!\n")
    }
}
