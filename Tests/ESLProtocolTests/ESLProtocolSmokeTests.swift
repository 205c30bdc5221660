import Testing
@testable import ESLProtocol

@Suite struct ESLProtocolSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
