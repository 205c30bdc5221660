import NIOCore

/// One `log/data` frame (esl-protocol.md §5.1).
public struct ESLLogLine: Sendable, Hashable {
    /// Severity 0 (console) to 7 (debug); see ``ESLLogLevel``.
    public var level: Int
    /// 0 = LOG, 1 = LOG_CLEAN (bare message), 3 = SESSION.
    public var textChannel: Int
    /// Source file basename in the switch.
    public var file: String
    /// Function name in the switch.
    public var function: String
    /// Source line number in the switch.
    public var line: Int
    /// The call's UUID, or empty when the line belongs to no call.
    public var userData: String
    /// The formatted text, usually ending in LF.
    public var body: ByteBuffer

    /// Creates a log line.
    public init(level: Int, textChannel: Int = 0, file: String, function: String, line: Int, userData: String = "", body: ByteBuffer) {
        self.level = level
        self.textChannel = textChannel
        self.file = file
        self.function = function
        self.line = line
        self.userData = userData
        self.body = body
    }

    /// Reads the fields of a `log/data` frame; missing numeric fields read as 0.
    public init(frame: ESLFrame) {
        let headers = frame.headers
        self.init(
            level: headers["Log-Level"].flatMap { Int($0) } ?? 0,
            textChannel: headers["Text-Channel"].flatMap { Int($0) } ?? 0,
            file: headers["Log-File"] ?? "",
            function: headers["Log-Func"] ?? "",
            line: headers["Log-Line"].flatMap { Int($0) } ?? 0,
            userData: headers["User-Data"] ?? "",
            body: frame.body ?? ByteBuffer())
    }

    /// The body as text.
    public var text: String { String(buffer: body) }

    /// The frame the switch sends for this line, headers in the switch's order.
    public var frame: ESLFrame {
        ESLFrame(
            headers: [
                ("Content-Type", ESLContentType.logData),
                ("Content-Length", String(body.readableBytes)),
                ("Log-Level", String(level)),
                ("Text-Channel", String(textChannel)),
                ("Log-File", file),
                ("Log-Func", function),
                ("Log-Line", String(line)),
                ("User-Data", userData),
            ],
            body: body)
    }
}
