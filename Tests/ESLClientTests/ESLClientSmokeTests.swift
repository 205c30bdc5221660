import Testing
@testable import ESLClient

@Suite struct ESLClientSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
