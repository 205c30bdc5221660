import NIOCore

/// The XML text escaping FreeSWITCH's `switch_xml_toxml` applies to the event body (docs/events.md, "XML format"),
/// and its inverse for decoding.
enum XMLText {
    /// Appends `bytes` escaped: `&` `<` `>` as entities, CR as `&#xD;`, each UTF-8 sequence above
    /// ASCII as `&#x<HEX code point>;`; `"`, LF, TAB and other bytes stay literal. A byte that does not
    /// start a valid UTF-8 sequence is written as `&#x<HEX byte>;` so nothing is silently lost.
    static func writeEscaped(_ bytes: UnsafeRawBufferPointer, into buffer: inout ByteBuffer) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let needsEntity = byte == ASCII.ampersand || byte == ASCII.lessThan || byte == ASCII.greaterThan
                || byte == ASCII.cr || byte >= 0x80
            guard needsEntity else {
                index += 1
                continue
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case ASCII.ampersand: buffer.writeStaticString("&amp;"); index += 1
            case ASCII.lessThan: buffer.writeStaticString("&lt;"); index += 1
            case ASCII.greaterThan: buffer.writeStaticString("&gt;"); index += 1
            case ASCII.cr: buffer.writeStaticString("&#xD;"); index += 1
            default:
                let (scalar, length) = decodeUTF8(bytes, at: index)
                writeHexReference(scalar ?? UInt32(byte), into: &buffer)
                index += length
            }
            runStart = index
        }
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// Appends the unescaped form of `text`: the five predefined entities and numeric references
    /// (`&#xHH;`, `&#DD;`) are replaced; anything else, including an unknown entity, is kept as is.
    static func appendUnescaped(_ text: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            guard byte == ASCII.ampersand, let semicolon = text[index...].prefix(12).firstIndex(of: ASCII.semicolon) else {
                output.append(byte)
                index += 1
                continue
            }
            let entity = UnsafeRawBufferPointer(rebasing: text[(index + 1)..<semicolon])
            if let replacement = resolve(entity) {
                if let scalar = Unicode.Scalar(replacement) {
                    output.append(contentsOf: UTF8.encode(scalar)!)
                } else {
                    output.append(contentsOf: UTF8.encode("\u{FFFD}")!)
                }
                index = semicolon + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    private static func resolve(_ entity: UnsafeRawBufferPointer) -> UInt32? {
        if entity.elementsEqual("amp".utf8) { return 0x26 }
        if entity.elementsEqual("lt".utf8) { return 0x3C }
        if entity.elementsEqual("gt".utf8) { return 0x3E }
        if entity.elementsEqual("quot".utf8) { return 0x22 }
        if entity.elementsEqual("apos".utf8) { return 0x27 }
        guard entity.count >= 2, entity[0] == ASCII.hash else { return nil }
        var value: UInt32 = 0
        if entity[1] == ASCII.lowerX || entity[1] == UInt8(ascii: "X") {
            guard entity.count >= 3, entity.count <= 8 else { return nil }
            for byte in entity.dropFirst(2) {
                guard let digit = ASCII.hexValue(byte) else { return nil }
                value = value << 4 | UInt32(digit)
            }
        } else {
            guard entity.count <= 8 else { return nil }
            for byte in entity.dropFirst(1) {
                guard byte >= ASCII.zero, byte <= ASCII.nine else { return nil }
                value = value * 10 + UInt32(byte - ASCII.zero)
            }
        }
        return value
    }

    private static func writeHexReference(_ value: UInt32, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("&#x")
        var started = false
        for shift in stride(from: 28, through: 0, by: -4) {
            let digit = Int((value >> UInt32(shift)) & 0xF)
            if digit != 0 || started || shift == 0 {
                started = true
                buffer.writeInteger(ASCII.upperHexDigits[digit])
            }
        }
        buffer.writeInteger(ASCII.semicolon)
    }

    /// The scalar of a well-formed UTF-8 sequence at `index` and its length; `(nil, 1)` for a stray byte.
    private static func decodeUTF8(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (UInt32?, Int) {
        let lead = bytes[index]
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return (nil, 1) }
        return (scalar, length)
    }
}
