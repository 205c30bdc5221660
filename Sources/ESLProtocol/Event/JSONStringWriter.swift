import NIOCore

/// Writes JSON strings exactly as `cJSON_PrintUnformatted` does (docs/events.md, "JSON format"): `\"`, `\\`, `\b`,
/// `\f`,
/// `\n`, `\r`, `\t`, other bytes below 0x20 as `\u00xx` with lower-case hex; `/`, DEL and non-ASCII
/// bytes are written raw.
enum JSONStringWriter {
    private static let lowerHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `"<escaped bytes>"`.
    static func write(_ bytes: UnsafeRawBufferPointer, into buffer: inout ByteBuffer) {
        buffer.writeInteger(ASCII.quote)
        var clean = true
        for byte in bytes where byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash {
            clean = false
            break
        }
        if clean {
            buffer.writeBytes(bytes)
        } else {
            writeEscaped(bytes, into: &buffer)
        }
        buffer.writeInteger(ASCII.quote)
    }

    /// Appends `"<escaped text>"` for a static key such as `_body`.
    static func write(_ text: StaticString, into buffer: inout ByteBuffer) {
        write(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), into: &buffer)
    }

    private static func writeEscaped(_ bytes: UnsafeRawBufferPointer, into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: bytes.count + 16)
        var runStart = 0
        for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash {
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            buffer.writeInteger(ASCII.backslash)
            switch byte {
            case ASCII.quote: buffer.writeInteger(ASCII.quote)
            case ASCII.backslash: buffer.writeInteger(ASCII.backslash)
            case 0x08: buffer.writeInteger(UInt8(ascii: "b"))
            case 0x0C: buffer.writeInteger(UInt8(ascii: "f"))
            case ASCII.lf: buffer.writeInteger(UInt8(ascii: "n"))
            case ASCII.cr: buffer.writeInteger(UInt8(ascii: "r"))
            case ASCII.tab: buffer.writeInteger(UInt8(ascii: "t"))
            default:
                buffer.writeStaticString("u00")
                buffer.writeInteger(lowerHexDigits[Int(byte >> 4)])
                buffer.writeInteger(lowerHexDigits[Int(byte & 0x0F)])
            }
        }
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
