/// Reads the one JSON shape FreeSWITCH sends for events: a flat object whose values are strings or
/// arrays of strings (docs/events.md, "JSON format"). Numbers, `true`, `false` and `null` are accepted and kept as
/// their text; a nested object, or an array inside an array, is rejected.
///
/// The reader calls back per member instead of building a tree, so decoding allocates only the
/// output storage. No recursion, so hostile nesting cannot exhaust the stack.
struct FlatJSONReader {
    /// One member value, as the reader hands it to its caller.
    enum Value {
        /// A scalar (string, number, literal); its text was appended to the output.
        case scalar
        /// An array; its items were appended to the output as `ARRAY::a|:b`, `count` of them.
        case array(count: Int)
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses the object; for each member, appends the decoded key to `output`, calls `keyDone`,
    /// appends the value, then calls `valueDone`.
    mutating func readObject(
        into output: inout [UInt8],
        keyDone: (inout [UInt8]) -> Void,
        valueDone: (inout [UInt8], Value) -> Void
    ) throws(ESLProtocolError) {
        skipWhitespace()
        try expect(ASCII.leftBrace, "The JSON event does not start with '{'.")
        skipWhitespace()
        if peek() == ASCII.rightBrace {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == ASCII.quote else { throw failure("A JSON event member does not start with a quoted name.") }
                try readString(into: &output)
                keyDone(&output)
                skipWhitespace()
                try expect(ASCII.colon, "A JSON event member name is not followed by ':'.")
                skipWhitespace()
                let value = try readValue(into: &output)
                valueDone(&output, value)
                skipWhitespace()
                guard let next = peek() else { throw failure("The JSON event ends before its closing '}'.") }
                position += 1
                if next == ASCII.rightBrace { break }
                guard next == ASCII.comma else { throw failure("JSON event members are not separated by ','.") }
            }
        }
        skipWhitespace()
        guard position == bytes.count else { throw failure("The JSON event has bytes after its closing '}'.") }
    }

    private mutating func readValue(into output: inout [UInt8]) throws(ESLProtocolError) -> Value {
        guard let first = peek() else { throw failure("The JSON event ends where a value should be.") }
        if first == ASCII.leftBracket {
            position += 1
            output.append(contentsOf: ESLEvent.arrayPrefix)
            var count = 0
            skipWhitespace()
            if peek() == ASCII.rightBracket {
                position += 1
                return .array(count: 0)
            }
            while true {
                skipWhitespace()
                if count > 0 { output.append(contentsOf: ESLEvent.arraySeparator) }
                guard let itemStart = peek(), itemStart != ASCII.leftBracket, itemStart != ASCII.leftBrace else {
                    throw failure("A JSON event array holds something other than strings.")
                }
                try readScalar(into: &output)
                count += 1
                skipWhitespace()
                guard let next = peek() else { throw failure("The JSON event ends inside an array.") }
                position += 1
                if next == ASCII.rightBracket { return .array(count: count) }
                guard next == ASCII.comma else { throw failure("JSON array items are not separated by ','.") }
            }
        }
        guard first != ASCII.leftBrace else { throw failure("The JSON event has a nested object; events are flat.") }
        try readScalar(into: &output)
        return .scalar
    }

    /// A string, number or literal, appended as text.
    private mutating func readScalar(into output: inout [UInt8]) throws(ESLProtocolError) {
        guard let first = peek() else { throw failure("The JSON event ends where a value should be.") }
        if first == ASCII.quote {
            try readString(into: &output)
            return
        }
        let start = position
        while let byte = peek(), isBareValueByte(byte) {
            position += 1
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        guard !text.isEmpty, isNumberOrLiteral(text) else {
            throw failure("A JSON event value is not a string, number, true, false or null.", at: start)
        }
        output.append(contentsOf: text)
    }

    private mutating func readString(into output: inout [UInt8]) throws(ESLProtocolError) {
        let start = position
        position += 1  // opening quote
        while true {
            // Copy the run up to the next quote or backslash in one go.
            let runStart = position
            while position < bytes.count, bytes[position] != ASCII.quote, bytes[position] != ASCII.backslash {
                position += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<position]))
            guard position < bytes.count else { throw failure("A JSON string is not terminated.", at: start) }
            let byte = bytes[position]
            position += 1
            if byte == ASCII.quote { return }
            guard position < bytes.count else { throw failure("A JSON string ends inside an escape.", at: start) }
            let escape = bytes[position]
            position += 1
            switch escape {
            case ASCII.quote, ASCII.backslash, ASCII.slash: output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(ASCII.lf)
            case UInt8(ascii: "r"): output.append(ASCII.cr)
            case UInt8(ascii: "t"): output.append(ASCII.tab)
            case UInt8(ascii: "u"): try readUnicodeEscape(into: &output)
            default: throw failure("A JSON string has an unknown escape '\\\(Character(Unicode.Scalar(escape)))'.", at: position - 2)
            }
        }
    }

    /// After `\u`: four hex digits, combined with a following `\uDC00`–`\uDFFF` when they are a high
    /// surrogate. A lone surrogate becomes U+FFFD rather than an error, as lenient readers do.
    private mutating func readUnicodeEscape(into output: inout [UInt8]) throws(ESLProtocolError) {
        guard let unit = readHex4() else { throw failure("A JSON \\u escape is not followed by four hex digits.", at: position - 2) }
        var scalar: UInt32 = 0xFFFD
        if (0xD800...0xDBFF).contains(unit) {
            if position + 6 <= bytes.count, bytes[position] == ASCII.backslash, bytes[position + 1] == UInt8(ascii: "u") {
                let save = position
                position += 2
                if let low = readHex4(), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    position = save
                }
            }
        } else if !(0xDC00...0xDFFF).contains(unit) {
            scalar = unit
        }
        for byte in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! {
            output.append(byte)
        }
    }

    private mutating func readHex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = ASCII.hexValue(bytes[position + offset]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    private func isBareValueByte(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.zero...ASCII.nine, ASCII.minus, ASCII.plus, UInt8(ascii: "."),
             UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return false
        }
    }

    private func isNumberOrLiteral(_ text: UnsafeRawBufferPointer) -> Bool {
        if text.elementsEqual("true".utf8) || text.elementsEqual("false".utf8) || text.elementsEqual("null".utf8) {
            return true
        }
        // Lenient number check: digits with the characters numbers use, at least one digit.
        var sawDigit = false
        for byte in text {
            switch byte {
            case ASCII.zero...ASCII.nine: sawDigit = true
            case ASCII.minus, ASCII.plus, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return false
            }
        }
        return sawDigit
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lf || byte == ASCII.cr {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(ESLProtocolError) {
        guard peek() == byte else { throw failure(message) }
        position += 1
    }

    private func failure(_ message: String, at offset: Int? = nil) -> ESLProtocolError {
        let start = min(offset ?? position, bytes.count)
        return ESLProtocolError(.malformedEvent, message, context: UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 80)]))
    }
}
