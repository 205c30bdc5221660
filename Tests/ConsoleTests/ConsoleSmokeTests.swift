import Testing
@testable import Console

@Suite struct ConsoleSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
