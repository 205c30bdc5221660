import Testing
@testable import MockSwitch

@Suite struct MockSwitchSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
