import Testing
@testable import LineEditor

@Suite struct LineEditorSmokeTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
