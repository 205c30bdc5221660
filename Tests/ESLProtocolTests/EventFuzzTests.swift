import NIOCore
import Testing
@testable import ESLProtocol

/// The decoders must throw or decode on any input, never trap.
@Suite struct EventFuzzTests {
    static func decodeAll(_ bytes: [UInt8]) {
        let buffer = ByteBuffer(bytes: bytes)
        let decoders: [(ByteBuffer) throws -> ESLEvent] = [
            { try ESLEvent.decodePlain($0) }, { try ESLEvent.decodeJSON($0) }, { try ESLEvent.decodeXML($0) },
        ]
        for decode in decoders {
            if let event = try? decode(buffer) {
                // Whatever decodes must also encode and be readable.
                var out = ByteBuffer()
                event.encodePlain(into: &out)
                event.encodeJSON(into: &out)
                event.encodeXML(into: &out)
                _ = event.headers
                _ = event.arrayValues(named: event.headers.first?.name ?? "x")
            }
        }
    }

    @Test func truncationsOfEveryCapturedEventNeverTrap() {
        for frame in EventCaptures.frames.prefix(30) {
            for length in stride(from: 0, through: frame.body.count, by: max(1, frame.body.count / 97)) {
                Self.decodeAll(Array(frame.body.prefix(length)))
            }
        }
        // A truncated body is an error, not a shorter body.
        let withBody = EventCaptures.frames(ofType: "text/event-plain").first { $0.file.hasPrefix("12_") }!
        #expect(throws: ESLProtocolError.self) { try ESLEvent.decodePlain(ByteBuffer(bytes: withBody.body.dropLast())) }
    }

    @Test func randomBytesAndMutationsNeverTrap() {
        var random = SeededGenerator(seed: 0x5EED)
        let alphabet = Array("{}[]\":,\\u0aA%<>/&#;x: \n\r\tContent-Length_body".utf8)
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<80, using: &random)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            Self.decodeAll(bytes)
        }
        for frame in EventCaptures.frames.prefix(20) {
            for _ in 0..<40 {
                var bytes = frame.body
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = alphabet.randomElement(using: &random)!
                }
                Self.decodeAll(bytes)
            }
        }
    }

    @Test func hostileShapesNeverTrap() {
        Self.decodeAll(Array(repeating: UInt8(ascii: "["), count: 10_000))
        Self.decodeAll(Array("{\"a\":".utf8) + Array(repeating: UInt8(ascii: "["), count: 10_000))
        Self.decodeAll(Array("<event><headers>".utf8) + Array(repeating: UInt8(ascii: "<"), count: 10_000))
        Self.decodeAll(Array("A: b\nContent-Length: 999999999999999999\n\n".utf8))
        Self.decodeAll(Array("{\"a\":\"\\ud800\\u".utf8))
        Self.decodeAll(Array("<event><headers><A>&#xFFFFFFF;&#99999999;&#x;&#;</A></headers></event>".utf8))
        Self.decodeAll([0, 0x0A, 0x0A, 0xFF])
    }
}
