import Foundation
import MockSwitch
import Testing

@Suite struct IdentityTests {
    /// The mock presents the version of the switch the captures were taken from.
    @Test func versionShortMatchesCapture05() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/captures/05_api_version.json")
        let capture = try String(contentsOf: url, encoding: .utf8)
        #expect(capture.contains("\\n\\n\(MockSwitchIdentity.versionShort)\\n\""))
    }
}
