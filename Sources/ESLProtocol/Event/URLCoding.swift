import NIOCore

/// The URL encoding FreeSWITCH applies to event header values (docs/events.md, "URL encoding") and the decoding
/// libesl applies when it reads them back (docs/protocol.md, "What clients require").
///
/// Encoding follows `switch_url_encode`: each byte below 0x20 or above 0x7E, and each of the 23
/// characters `CR LF SP # % & + : ; < = > ? @ [ \ ] ^ ` { | } "`, becomes `%` and two upper-case hex
/// digits; a `%` already followed by two upper-case hex digits is kept, so encoding is idempotent on
/// FreeSWITCH's own output. Space is never written as `+`.
///
/// Decoding follows `esl_url_decode`: `%` followed by two hex digits (either case) becomes that byte;
/// everything else, including `+` and a lone or malformed `%`, is kept as is.
public enum URLCoding {
    /// `true` for the bytes `switch_url_encode` replaces by `%XX` (the `%` itself is decided separately).
    static let mustEncode: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0..<256 where byte < 0x20 || byte > 0x7E {
            table[byte] = true
        }
        for byte in "\r\n #%&+:;<=>?@[\\]^`{|}\"".utf8 {
            table[Int(byte)] = true
        }
        return table
    }()

    /// URL-encodes the UTF-8 bytes of `value`, e.g. `2024-05-01 12:00:00` → `2024-05-01%2012%3A00%3A00`.
    public static func encode(_ value: String) -> String {
        var buffer = ByteBuffer()
        encode(value.utf8, into: &buffer)
        return String(buffer: buffer)
    }

    /// Appends the URL encoding of `value` to `buffer`.
    public static func encode(_ value: some Collection<UInt8>, into buffer: inout ByteBuffer) {
        let done: Void? = value.withContiguousStorageIfAvailable { bytes in
            _ = appendEncoded(UnsafeRawBufferPointer(bytes), to: &buffer)
        }
        if done == nil {
            let copy = Array(value)
            copy.withUnsafeBytes { _ = appendEncoded($0, to: &buffer) }
        }
    }

    /// Decodes `%XX` escapes; invalid UTF-8 produced by a decoded escape is replaced by U+FFFD.
    public static func decode(_ value: String) -> String {
        var bytes = Array(value.utf8)
        guard !bytes.isEmpty else { return value }
        let count = bytes.withUnsafeMutableBytes { raw in
            decodeRaw(UnsafeRawBufferPointer(raw), into: raw.baseAddress!)
        }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    /// Appends the encoding of `bytes` and returns how many bytes were written.
    @discardableResult
    static func appendEncoded(_ bytes: UnsafeRawBufferPointer, to buffer: inout ByteBuffer) -> Int {
        var needsWork = false
        for byte in bytes where mustEncode[Int(byte)] {
            needsWork = true
            break
        }
        guard needsWork, !bytes.isEmpty else { return buffer.writeBytes(bytes) }
        return buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bytes.count * 3) { out in
            encodeRaw(bytes, into: out.baseAddress!)
        }
    }

    /// Writes the encoding of `bytes` to `out`, which must have room for `3 * bytes.count` bytes.
    static func encodeRaw(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) -> Int {
        var written = 0
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == ASCII.percent, index + 2 < count,
               ASCII.isUpperHexDigit(bytes[index + 1]), ASCII.isUpperHexDigit(bytes[index + 2]) {
                // Already encoded by someone upstream: re-encoding would turn %20 into %2520.
                out.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
                written += 1
            } else if mustEncode[Int(byte)] {
                out.storeBytes(of: ASCII.percent, toByteOffset: written, as: UInt8.self)
                out.storeBytes(of: ASCII.upperHexDigits[Int(byte >> 4)], toByteOffset: written + 1, as: UInt8.self)
                out.storeBytes(of: ASCII.upperHexDigits[Int(byte & 0x0F)], toByteOffset: written + 2, as: UInt8.self)
                written += 3
            } else {
                out.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
                written += 1
            }
            index += 1
        }
        return written
    }

    /// Writes the decoding of `bytes` to `out` (room for `bytes.count` bytes; may alias `bytes`)
    /// and returns how many bytes were written.
    @inline(__always)
    static func decodeRaw(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) -> Int {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        var read = 0
        var written = 0
        while read < count {
            let byte = base.load(fromByteOffset: read, as: UInt8.self)
            if byte == ASCII.percent, read + 2 < count,
               let high = ASCII.hexValue(base.load(fromByteOffset: read + 1, as: UInt8.self)),
               let low = ASCII.hexValue(base.load(fromByteOffset: read + 2, as: UInt8.self)) {
                out.storeBytes(of: high << 4 | low, toByteOffset: written, as: UInt8.self)
                read += 3
            } else {
                out.storeBytes(of: byte, toByteOffset: written, as: UInt8.self)
                read += 1
            }
            written += 1
        }
        return written
    }
}
