import Foundation
import Testing

/// What the `fscli` binary links (docs/startup.md, "What changed, and why"): FoundationEssentials
/// only. One `import Foundation` anywhere the binary reaches brings back ICU and its data (the stripped
/// release binary grows from 22 MB to 67 MB) and slows every start.
@Suite(.timeLimit(.minutes(3))) struct BinaryLinkageTests {
    /// Libraries whose names must not be among the binary's needed ones. The test build links the Swift
    /// libraries dynamically, so each module the code imports is named in the dynamic string table,
    /// followed by its terminating NUL.
    static let forbidden = ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"]

    #if os(Linux)
    @Test func theBinaryLinksFoundationEssentialsButNotFoundation() throws {
        let binary = try Data(contentsOf: CommandLineTests.binary)
        func names(_ library: String) -> Bool { binary.range(of: Data((library + "\0").utf8)) != nil }
        // The check finds library names at all: the essentials library is always there.
        #expect(names("libFoundationEssentials.so"), "no libFoundationEssentials.so in \(CommandLineTests.binary.path)")
        let linked = Self.forbidden.filter(names)
        // An incremental build can keep the references of files compiled while some file of their module
        // still imported Foundation: after removing such an import, build clean before believing this.
        #expect(linked.isEmpty, "fscli links \(linked): some module it reaches imports Foundation instead of FoundationEssentials (or a stale incremental build)")
    }
    #endif
}
