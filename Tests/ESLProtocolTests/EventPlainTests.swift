import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct EventPlainTests {
    @Test func capturesContainPlainEvents() {
        #expect(EventCaptures.frames(ofType: "text/event-plain").count >= 90)
    }

    @Test(arguments: EventCaptures.frames(ofType: "text/event-plain"))
    func capturedPlainEventsRoundTripByteForByte(_ frame: CapturedEventFrame) throws {
        let event = try ESLEvent.decodePlain(frame.buffer)
        var out = ByteBuffer()
        event.encodePlain(into: &out)
        #expect(Array(out.readableBytesView) == frame.body, "\(frame)")
        #expect(event.name != nil)
    }
}
