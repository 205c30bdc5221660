import TestSupport
import Testing

/// Guards every capture-driven test: an empty fixture directory must fail loudly, not pass vacuously.
@Suite struct FixturesPresentTests {
    @Test func everyCaptureIsThere() {
        #expect(Captures.names.count == 56)
        #expect(EventCaptures.frames(ofType: "text/event-plain").count >= 90)
        #expect(EventCaptures.frames(ofType: "text/event-json").count >= 50)
        #expect(EventCaptures.frames(ofType: "text/event-xml").count >= 1)
    }
}
