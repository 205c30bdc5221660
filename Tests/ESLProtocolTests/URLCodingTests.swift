import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct URLCodingTests {
    /// The examples of docs/events.md, "URL encoding".
    @Test(arguments: [
        ("::1", "%3A%3A1"),
        ("2024-05-01 12:00:00", "2024-05-01%2012%3A00%3A00"),
        ("Wed, 01 May 2024 10:00:00 GMT", "Wed,%2001%20May%202024%2010%3A00%3A00%20GMT"),
        ("Müller", "M%C3%BCller"),
        ("+OK\n", "%2BOK%0A"),
        ("%2f", "%252f"),
        ("already%20encoded%3A", "already%20encoded%3A"),
        ("100%", "100%25"),
        ("%A", "%25A"),
        ("%AG", "%25AG"),
        ("/,.-_~!$'()*azAZ09", "/,.-_~!$'()*azAZ09"),
        ("", ""),
    ])
    func encodesLikeSwitchURLEncode(_ input: String, _ expected: String) {
        #expect(URLCoding.encode(input) == expected)
    }

    @Test func encodesExactlyTheTwentyThreeReservedCharactersAndControls() {
        let reserved = Set("\r\n #%&+:;<=>?@[\\]^`{|}\"".utf8)
        #expect(reserved.count == 23)
        for byte in UInt8(0)...UInt8(255) {
            var buffer = ByteBuffer()
            URLCoding.encode([byte], into: &buffer)
            let shouldEncode = byte < 0x20 || byte > 0x7E || reserved.contains(byte)
            let hex = String(byte, radix: 16, uppercase: true)
            let expected = shouldEncode ? "%" + (hex.count == 1 ? "0" + hex : hex) : String(UnicodeScalar(byte))
            #expect(String(buffer: buffer) == expected, "byte \(byte)")
        }
    }

    @Test(arguments: [
        ("%3A%3A1", "::1"),
        ("M%C3%BCller", "Müller"),
        ("%2BOK%0A", "+OK\n"),
        ("a+b", "a+b"),
        ("lower%3a%2fcase", "lower:/case"),
        ("%", "%"),
        ("%4", "%4"),
        ("%zz", "%zz"),
        ("100%25", "100%"),
        ("_undef_", "_undef_"),
        ("%252f", "%2f"),
    ])
    func decodesLikeLibESL(_ input: String, _ expected: String) {
        #expect(URLCoding.decode(input) == expected)
    }

    @Test func roundTripsArbitraryText() {
        for text in ["a b:c", "tab\there", "ünïcødé 😀", "%2f%", "ARRAY::a|:b", "x=y&z=w?"] {
            #expect(URLCoding.decode(URLCoding.encode(text)) == text)
        }
        // switch_url_encode keeps an existing upper-case %XX, so such text does not survive a round trip.
        #expect(URLCoding.decode(URLCoding.encode("%2F")) == "/")
    }
}
