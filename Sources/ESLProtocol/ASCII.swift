import NIOCore

/// Byte values and comparisons of the wire format (framing and the event codecs), named so the
/// loops read like the protocol.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let pipe: UInt8 = 0x7C
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let hash: UInt8 = 0x23
    static let upperA: UInt8 = 0x41
    static let upperF: UInt8 = 0x46
    static let upperZ: UInt8 = 0x5A
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let lowerA: UInt8 = 0x61
    static let lowerF: UInt8 = 0x66
    static let lowerX: UInt8 = 0x78
    static let leftBrace: UInt8 = 0x7B
    static let rightBrace: UInt8 = 0x7D

    /// Upper-case hex digits, the only ones FreeSWITCH writes.
    static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Lower-cases an ASCII letter; every other byte is returned unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- upperA < 26 ? byte | 0x20 : byte
    }

    /// The value of a hex digit of either case, or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case zero...nine: return byte - zero
        case upperA...upperF: return byte - upperA + 10
        case lowerA...lowerF: return byte - lowerA + 10
        default: return nil
        }
    }

    /// Whether `byte` is one of `0123456789ABCDEF`; `switch_url_encode` leaves `%XX` alone only for these.
    @inline(__always)
    static func isUpperHexDigit(_ byte: UInt8) -> Bool {
        (byte >= zero && byte <= nine) || (byte >= upperA && byte <= upperF)
    }

    /// Whether two byte sequences are equal ignoring ASCII letter case.
    @inline(__always)
    static func caseInsensitiveEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where lowercased(a[i]) != lowercased(b[i]) {
            return false
        }
        return true
    }

    /// Appends the decimal digits of a non-negative integer.
    static func appendDecimal(_ value: Int, to buffer: inout ByteBuffer) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var remaining = UInt(max(value, 0))
        withUnsafeMutableBytes(of: &digits) { raw in
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = zero + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }

    /// Parses a non-empty run of decimal digits that fits in an `Int`, or returns `nil`.
    static func parseDecimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= zero && byte <= nine else { return nil }
            value = value * 10 + Int(byte - zero)
        }
        return value
    }

    /// Parses bytes the way `Int(_: String)` parses text: an optional `+` or `-`, then one or more
    /// decimal digits, nothing else, within `Int`'s range; otherwise `nil`.
    static func parseInteger(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == plus || first == minus {
            negative = first == minus
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= zero && byte <= nine else { return nil }
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            // Negative numbers accumulate downwards so that Int.min parses.
            let (next, overflowAdd) = negative
                ? shifted.subtractingReportingOverflow(Int(byte - zero))
                : shifted.addingReportingOverflow(Int(byte - zero))
            guard !overflowShift && !overflowAdd else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// Byte equality of a byte range and an ASCII string known at compile time.
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ ascii: StaticString) -> Bool {
        bytes.count == ascii.utf8CodeUnitCount
            && bytes.elementsEqual(UnsafeRawBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }

    /// Case-insensitive equality of a byte range and an ASCII string known at compile time.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ ascii: StaticString) -> Bool {
        caseInsensitiveEqual(bytes, UnsafeRawBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
    }

    /// Case-insensitive equality of a byte range and a string's UTF-8.
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { caseInsensitiveEqual(bytes, UnsafeRawBufferPointer($0)) }
    }
}
