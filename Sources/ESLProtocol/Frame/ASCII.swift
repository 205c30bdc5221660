/// Byte values and comparisons the wire format needs; the protocol is ASCII in its framing.
enum ASCII {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// Lower-cases one ASCII letter; other bytes are returned unchanged.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Case-insensitive equality of a byte range and an ASCII string given as bytes.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ ascii: StaticString) -> Bool {
        guard bytes.count == ascii.utf8CodeUnitCount else { return false }
        let other = UnsafeRawBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount)
        for index in 0..<bytes.count where lower(bytes[index]) != lower(other[index]) {
            return false
        }
        return true
    }

    /// Case-insensitive equality of a byte range and a string's UTF-8.
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            guard utf8.count == bytes.count else { return false }
            for index in 0..<bytes.count where lower(bytes[index]) != lower(utf8[index]) {
                return false
            }
            return true
        }
    }

    /// Parses a non-negative decimal integer, or returns `nil` for anything else (sign, spaces, overflow).
    static func parseNonNegativeInt(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
