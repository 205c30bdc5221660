import NIOCore

/// One `log/data` frame (esl-protocol.md §5.1).
public struct ESLLogLine: Sendable, Hashable {
    /// Severity 0 (console) to 7 (debug); see ``ESLLogLevel``.
    public var level: Int
    /// 0 = LOG, 1 = LOG_CLEAN (bare message), 3 = SESSION.
    public var textChannel: Int
    /// Source line number in the switch.
    public var line: Int
    /// The formatted text, usually ending in LF.
    public var body: ByteBuffer

    // The text fields stay bytes (slices of the received header block) until read: a client
    // decodes every line of a log flood, and building three Strings per line was most of its cost.
    private var fileBytes: ByteBuffer
    private var functionBytes: ByteBuffer
    private var userDataBytes: ByteBuffer

    /// Source file basename in the switch.
    public var file: String {
        get { String(buffer: fileBytes) }
        set { fileBytes = ByteBuffer(string: newValue) }
    }

    /// Function name in the switch.
    public var function: String {
        get { String(buffer: functionBytes) }
        set { functionBytes = ByteBuffer(string: newValue) }
    }

    /// The call's UUID, or empty when the line belongs to no call.
    public var userData: String {
        get { String(buffer: userDataBytes) }
        set { userDataBytes = ByteBuffer(string: newValue) }
    }

    /// Creates a log line.
    public init(level: Int, textChannel: Int = 0, file: String, function: String, line: Int, userData: String = "", body: ByteBuffer) {
        self.level = level
        self.textChannel = textChannel
        self.fileBytes = ByteBuffer(string: file)
        self.functionBytes = ByteBuffer(string: function)
        self.line = line
        self.userDataBytes = ByteBuffer(string: userData)
        self.body = body
    }

    /// Reads the fields of a `log/data` frame; missing numeric fields read as 0. For each field the
    /// first header of that name counts, and a number is read as `Int(_: String)` reads it.
    public init(frame: ESLFrame) {
        // One pass over the header block instead of one lookup per field: this runs for every line
        // of a log flood (Benchmarks/: 1,000,000 frames/s). The names are typed `StaticString`:
        // a bare literal picks the `String` overload, which builds a String per comparison.
        var level: Int?, textChannel: Int?, line: Int?
        var file: Range<Int>?, function: Range<Int>?, userData: Range<Int>?
        let block = frame.headers.block
        frame.headers.forEachLineRange { nameRange, valueRange, bytes in
            let name = UnsafeRawBufferPointer(rebasing: bytes[nameRange])
            let value = UnsafeRawBufferPointer(rebasing: bytes[valueRange])
            if level == nil, ASCII.equalsIgnoringCase(name, "Log-Level" as StaticString) {
                level = ASCII.parseInteger(value) ?? 0
            } else if textChannel == nil, ASCII.equalsIgnoringCase(name, "Text-Channel" as StaticString) {
                textChannel = ASCII.parseInteger(value) ?? 0
            } else if file == nil, ASCII.equalsIgnoringCase(name, "Log-File" as StaticString) {
                file = valueRange
            } else if function == nil, ASCII.equalsIgnoringCase(name, "Log-Func" as StaticString) {
                function = valueRange
            } else if line == nil, ASCII.equalsIgnoringCase(name, "Log-Line" as StaticString) {
                line = ASCII.parseInteger(value) ?? 0
            } else if userData == nil, ASCII.equalsIgnoringCase(name, "User-Data" as StaticString) {
                userData = valueRange
            }
            return level == nil || textChannel == nil || line == nil || file == nil || function == nil || userData == nil
        }
        func slice(_ range: Range<Int>?) -> ByteBuffer {
            guard let range else { return ByteBuffer() }
            return block.getSlice(at: block.readerIndex + range.lowerBound, length: range.count) ?? ByteBuffer()
        }
        self.level = level ?? 0
        self.textChannel = textChannel ?? 0
        self.line = line ?? 0
        self.fileBytes = slice(file)
        self.functionBytes = slice(function)
        self.userDataBytes = slice(userData)
        self.body = frame.body ?? ByteBuffer()
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
