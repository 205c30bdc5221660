import ESLProtocol
import NIOCore

/// Reads a recording's text (docs/recording.md, "The format") into its records. Refuses, with the
/// line and byte offset at fault, anything that is not exactly that format: it never guesses past a
/// bad record, since every later record's position depends on the lengths before it.
public enum RecordingParser {
    /// The records of `text` (the whole uncompressed file); `source` names it in errors.
    public static func parse(_ text: ByteBuffer, source: String) throws(RecordingError) -> [RecordedFrame] {
        var scanner = Scanner(text: text, source: source)
        return try scanner.records()
    }

    private struct Scanner {
        let text: ByteBuffer
        let source: String
        /// Offset of the next unread byte, from the text's start.
        var position = 0
        /// The line `position` is on (1-based).
        var line = 1

        init(text: ByteBuffer, source: String) {
            self.text = text
            self.source = source
        }

        var count: Int { text.readableBytes }

        func byte(at offset: Int) -> UInt8 {
            text.getInteger(at: text.readerIndex + offset, as: UInt8.self)!
        }

        func failure(_ what: String, line: Int? = nil, offset: Int? = nil) -> RecordingError {
            let (line, offset) = (line ?? self.line, offset ?? position)
            return RecordingError("\(source): line \(line) (byte \(offset)): \(what)", line: line, offset: offset)
        }

        /// The offset of the next LF at or after `start`, or nil.
        func lineEnd(from start: Int) -> Int? {
            text.withUnsafeReadableBytes { bytes in
                bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            }
        }

        /// A short, printable view of the bytes from `start`, for an error message.
        func preview(from start: Int) -> String {
            let end = min(count, start + 40, lineEnd(from: start) ?? count)
            let slice = text.getString(at: text.readerIndex + start, length: end - start) ?? ""
            return String(slice.map { $0.isASCII && ($0 == " " || !$0.isWhitespace) ? $0 : "?" }).debugDescription
        }

        mutating func records() throws(RecordingError) -> [RecordedFrame] {
            try firstLine()
            var records: [RecordedFrame] = []
            while position < count {
                records.append(try record())
            }
            return records
        }

        mutating func firstLine() throws(RecordingError) {
            guard let end = lineEnd(from: 0) else {
                throw failure(count == 0 ? "the file is empty, not a recording" : "not an fscli recording: no first line")
            }
            let first = text.getString(at: text.readerIndex, length: end) ?? ""
            guard first == RecordingFormat.firstLine else {
                if first.hasPrefix("fscli-recording ") {
                    throw failure("a recording in format \(first.dropFirst("fscli-recording ".count).debugDescription); this fscli reads format 1")
                }
                throw failure("not an fscli recording: the first line is \(preview(from: 0)), not \(RecordingFormat.firstLine.debugDescription)")
            }
            position = end + 1
            line = 2
        }

        mutating func record() throws(RecordingError) -> RecordedFrame {
            guard byte(at: position) == UInt8(ascii: "@") else {
                throw failure("expected a record line `@<seconds>.<microseconds> <switch> <length>`, found \(preview(from: position))")
            }
            guard let end = lineEnd(from: position) else {
                throw failure("the record line \(preview(from: position)) has no end (a file cut short?)")
            }
            let recordLine = text.getString(at: text.readerIndex + position + 1, length: end - position - 1) ?? ""
            let fields = recordLine.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, let time = Self.time(fields[0]), !fields[1].isEmpty,
                  let length = Self.decimal(fields[2]), length <= RecordingFormat.frameLimits.maxHeaderBlockBytes + RecordingFormat.frameLimits.maxBodyBytes + 1
            else {
                throw failure("expected a record line `@<seconds>.<microseconds> <switch> <length>`, found \(preview(from: position))")
            }
            let (recordLineNumber, recordOffset) = (line, position)
            position = end + 1
            line += 1
            guard count - position >= length + 1 else {
                throw failure("the record promises \(length) bytes and a line end, but only \(count - position) bytes follow (a file cut short?)",
                              line: recordLineNumber, offset: recordOffset)
            }
            var bytes = text.getSlice(at: text.readerIndex + position, length: length)!
            var decoder = ESLFrameDecoder(limits: RecordingFormat.frameLimits)
            let frame: ESLFrame?
            do {
                frame = try decoder.decode(&bytes)
            } catch {
                throw failure("the record's \(length) bytes are not a frame: \(error.message)", line: recordLineNumber, offset: recordOffset)
            }
            guard let frame, bytes.readableBytes == 0 else {
                throw failure("the record's \(length) bytes are not exactly one whole frame (headers, a blank line, Content-Length bytes of body)",
                              line: recordLineNumber, offset: recordOffset)
            }
            line += text.withUnsafeReadableBytes { all in all[position..<(position + length)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
            position += length
            guard byte(at: position) == UInt8(ascii: "\n") else {
                throw failure("expected a line end after the record's \(length) bytes, found \(preview(from: position)); is its length right?")
            }
            position += 1
            line += 1
            return RecordedFrame(time: time, switchName: String(fields[1]), frame: frame)
        }

        /// `1764769126.081933` in microseconds: digits, a dot, exactly six digits.
        static func time(_ text: Substring) -> Int64? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 6, parts[0].count <= 12,
                  let seconds = decimal(parts[0]), let micros = decimal(parts[1]) else { return nil }
            return Int64(seconds) * 1_000_000 + Int64(micros)
        }

        /// A non-negative decimal of at most 12 digits, nothing else.
        static func decimal(_ text: Substring) -> Int? {
            guard !text.isEmpty, text.count <= 12, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return Int(text)
        }
    }
}
