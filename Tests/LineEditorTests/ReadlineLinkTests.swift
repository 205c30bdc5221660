import LineEditor
import Testing

@Suite struct ReadlineLinkTests {
    /// The C module links GNU readline itself (not libedit's compatibility layer, which reports
    /// a different version string): the line editor's later features depend on it.
    @Test func linksGNUReadline8() {
        let version = readlineLibraryVersion
        #expect(version.split(separator: ".").first.flatMap { Int($0) }.map { $0 >= 8 } == true, "\(version)")
    }
}
