import NIOCore

/// One `log/data` frame (docs/protocol.md, "Log frames").
public struct ESLLogLine: Sendable, Hashable {
    /// Severity 0 (console) to 7 (debug); see ``ESLLogLevel``.
    public var level: Int
    /// 0 = LOG, 1 = LOG_CLEAN (bare message), 3 = SESSION.
    public var textChannel: Int
    /// Source line number in the switch.
    public var line: Int
    /// The formatted text, usually ending in LF.
    public var body: ByteBuffer

    // The text fields stay bytes until read: ranges into one buffer (the received header block, or
    // the three values side by side for a line built in code). A client decodes every line of a
    // log flood, and Strings or separate slices per field were most of its cost.
    private var fieldBytes: ByteBuffer
    private var fileRange: Range<Int>
    private var functionRange: Range<Int>
    private var userDataRange: Range<Int>

    /// Source file basename in the switch.
    public var file: String {
        get { string(fileRange) }
        set { setText(file: newValue, function: function, userData: userData) }
    }

    /// Function name in the switch.
    public var function: String {
        get { string(functionRange) }
        set { setText(file: file, function: newValue, userData: userData) }
    }

    /// The call's UUID, or empty when the line belongs to no call.
    public var userData: String {
        get { string(userDataRange) }
        set { setText(file: file, function: function, userData: newValue) }
    }

    /// Creates a log line.
    public init(level: Int, textChannel: Int = 0, file: String, function: String, line: Int, userData: String = "", body: ByteBuffer) {
        self.level = level
        self.textChannel = textChannel
        self.line = line
        self.body = body
        self.fieldBytes = ByteBuffer()
        self.fileRange = 0..<0
        self.functionRange = 0..<0
        self.userDataRange = 0..<0
        setText(file: file, function: function, userData: userData)
    }

    private func string(_ range: Range<Int>) -> String {
        fieldBytes.getString(at: fieldBytes.readerIndex + range.lowerBound, length: range.count) ?? ""
    }

    private mutating func setText(file: String, function: String, userData: String) {
        var text = ByteBuffer()
        let fileEnd = text.writeString(file)
        let functionEnd = fileEnd + text.writeString(function)
        let userDataEnd = functionEnd + text.writeString(userData)
        self.fieldBytes = text
        fileRange = 0..<fileEnd
        functionRange = fileEnd..<functionEnd
        userDataRange = functionEnd..<userDataEnd
    }

    public static func == (lhs: ESLLogLine, rhs: ESLLogLine) -> Bool {
        lhs.level == rhs.level && lhs.textChannel == rhs.textChannel && lhs.line == rhs.line && lhs.body == rhs.body
            && lhs.file == rhs.file && lhs.function == rhs.function && lhs.userData == rhs.userData
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(level)
        hasher.combine(line)
        hasher.combine(body)
        hasher.combine(file)
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
            // Dispatch on the name's length first: most lines then need one comparison at most.
            switch name.count {
            case 8:
                if file == nil, ASCII.equalsIgnoringCase(name, "Log-File" as StaticString) {
                    file = valueRange
                } else if function == nil, ASCII.equalsIgnoringCase(name, "Log-Func" as StaticString) {
                    function = valueRange
                } else if line == nil, ASCII.equalsIgnoringCase(name, "Log-Line" as StaticString) {
                    line = ASCII.parseInteger(value) ?? 0
                }
            case 9:
                if level == nil, ASCII.equalsIgnoringCase(name, "Log-Level" as StaticString) {
                    level = ASCII.parseInteger(value) ?? 0
                } else if userData == nil, ASCII.equalsIgnoringCase(name, "User-Data" as StaticString) {
                    userData = valueRange
                }
            case 12:
                if textChannel == nil, ASCII.equalsIgnoringCase(name, "Text-Channel" as StaticString) {
                    textChannel = ASCII.parseInteger(value) ?? 0
                }
            default:
                break
            }
            return level == nil || textChannel == nil || line == nil || file == nil || function == nil || userData == nil
        }
        self.level = level ?? 0
        self.textChannel = textChannel ?? 0
        self.line = line ?? 0
        self.fieldBytes = block
        self.fileRange = file ?? 0..<0
        self.functionRange = function ?? 0..<0
        self.userDataRange = userData ?? 0..<0
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
