import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// Arbitrary input must end in frames or an ``ESLProtocolError``, never a trap; whatever decodes
/// must classify and re-encode without trapping either.
@Suite struct FuzzTests {
    /// Decodes in random chunks; returns the frames decoded before the first error, and the error.
    private func run(_ bytes: [UInt8], seed: UInt64, limits: ESLFrameDecoder.Limits) -> (frames: Int, error: ESLProtocolError?) {
        let sizes = Feed.randomChunkSizes(count: bytes.count, seed: seed, maxChunk: 97)
        var decoder = ESLFrameDecoder(limits: limits)
        var buffer = ByteBuffer()
        var offset = 0
        var count = 0
        for size in sizes where offset < bytes.count {
            let end = min(bytes.count, offset + size)
            buffer.writeBytes(bytes[offset..<end])
            offset = end
            do {
                while let frame = try decoder.decode(&buffer) {
                    count += 1
                    // Exercise everything that reads a frame.
                    let message = ESLMessage(frame: frame)
                    _ = message.frame.encodedBytes
                    _ = frame.headers.all
                    _ = frame.headers.description
                    var machine = ESLClientStateMachine(mode: .outbound)
                    _ = machine.received(message)
                }
            } catch {
                return (count, error)
            }
        }
        return (count, nil)
    }

    private static let alphabet: [UInt8] = Array("Content-Length: 0123456789-\r\n\n\t :abcXYZ".utf8) + [0x00, 0xFF, 0xC3]

    @Test(arguments: 0..<8 as Range<UInt64>)
    func randomBytesNeverTrap(_ seed: UInt64) {
        var generator = SeededGenerator(seed: seed &* 7919)
        var errors = 0
        var frames = 0
        for round in 0..<200 {
            let length = Int.random(in: 0...600, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                // Mostly protocol-ish bytes so frames and Content-Length lines actually occur.
                Bool.random(using: &generator)
                    ? Self.alphabet.randomElement(using: &generator)!
                    : UInt8.random(in: 0...255, using: &generator)
            }
            let limits = round.isMultiple(of: 2) ? ESLFrameDecoder.Limits() : .init(maxHeaderBlockBytes: 64, maxBodyBytes: 32)
            let result = run(bytes, seed: UInt64(round), limits: limits)
            frames += result.frames
            if result.error != nil { errors += 1 }
        }
        // The generator is good enough to reach both outcomes.
        #expect(frames > 0)
        #expect(errors > 0)
    }

    @Test(arguments: ["04", "12", "19", "20", "27", "29", "30", "32"])
    func mutatedCapturesNeverTrap(_ name: String) throws {
        let capture = try Captures.load(name)
        let original = capture.serverBytes + capture.clientBytes(connection: capture.connections.first ?? "")
        var generator = SeededGenerator(seed: name.utf8.reduce(17) { $0 &* 31 &+ UInt64($1) })
        var errorCodes: Set<String> = []
        for round in 0..<150 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(Self.alphabet.randomElement(using: &generator)!, at: index)
                default: bytes.insert(contentsOf: Array("\nContent-Length: -7\n".utf8), at: index)
                }
            }
            let limits = round.isMultiple(of: 3) ? ESLFrameDecoder.Limits(maxHeaderBlockBytes: 200, maxBodyBytes: 300) : .init()
            if let error = run(bytes, seed: UInt64(round), limits: limits).error {
                errorCodes.insert(error.code.description)
                #expect([ESLProtocolError.Code.headerBlockTooLarge, .bodyTooLarge, .invalidContentLength].map(\.description).contains(error.code.description))
            }
        }
        #expect(errorCodes.contains(ESLProtocolError.Code.invalidContentLength.description))
    }
}
