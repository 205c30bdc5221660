import Foundation
import NIOCore
import Testing
@testable import ESLProtocol

/// A by-hand measurement, not a timed assertion: run with
/// `ESL_MEASURE=1 swift test -c release -Xswiftc -enable-testing --filter EventDecodeSpeedTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ESL_MEASURE"] != nil))
struct EventDecodeSpeedTests {
    @Test func decodePlainChannelCreate() throws {
        let frames = EventCaptures.frames(ofType: "text/event-plain").filter { $0.file.hasPrefix("21_") }
        let channelCreate = try #require(try frames.filter { try ESLEvent.decodePlain($0.buffer).name == "CHANNEL_CREATE" }
            .max { $0.body.count < $1.body.count })
        let largest = try #require(EventCaptures.frames(ofType: "text/event-plain").max { $0.body.count < $1.body.count })
        try measure(channelCreate)
        try measure(largest)
    }

    private func measure(_ frame: CapturedEventFrame) throws {
        let buffer = frame.buffer
        let headerCount = try ESLEvent.decodePlain(buffer).headerCount
        var checksum = 0
        for _ in 0..<20_000 { checksum &+= try ESLEvent.decodePlain(buffer).headerCount }
        let iterations = 200_000
        let start = ContinuousClock.now
        for _ in 0..<iterations { checksum &+= try ESLEvent.decodePlain(buffer).headerCount }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("decodePlain \(frame): \(frame.body.count) bytes, \(headerCount) headers, "
            + "\(Int(Double(iterations) / seconds)) events/s, \(seconds / Double(iterations) * 1e6) µs/event (checksum \(checksum))")

        let event = try ESLEvent.decodePlain(buffer)
        var out = ByteBuffer()
        let encodeStart = ContinuousClock.now
        for _ in 0..<iterations {
            out.clear()
            event.encodePlain(into: &out)
        }
        let encodeElapsed = ContinuousClock.now - encodeStart
        let encodeSeconds = Double(encodeElapsed.components.seconds) + Double(encodeElapsed.components.attoseconds) / 1e18
        print("encodePlain \(frame): \(Int(Double(iterations) / encodeSeconds)) events/s")
    }
}
