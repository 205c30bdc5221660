import ESLClient
import ESLProtocol
import Foundation
import Logging
import MockSwitch
import TestSupport
import Testing

/// The DocC articles' code (DocumentationSnippets.swift) run against the mock switch, and every
/// ```swift block of the catalogs found, word for word, in that file.
@Suite(.timeLimit(.minutes(3))) struct DocumentationSnippetTests {
    static func startMock() async throws -> MockSwitchServer {
        var configuration = MockSwitchConfiguration()
        configuration.listenPort = 0
        return try await MockSwitchServer.start(configuration, logger: Logger(label: "mock", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// `<repo>/Sources`, from this file's path (`<repo>/Tests/ESLClientTests/…`).
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
    static let snippetFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DocumentationSnippets.swift")
    static let catalogs = ["ESLProtocol/ESLProtocol.docc", "ESLClient/ESLClient.docc", "MockSwitch/MockSwitch.docc"]

    /// Each ```swift block of every article of the three catalogs, without its `import` lines.
    static func articleBlocks() throws -> [(file: String, code: String)] {
        var blocks: [(String, String)] = []
        for catalog in catalogs {
            let directory = sources.appendingPathComponent(catalog)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where file.hasSuffix(".md") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                var inside = false
                var lines: [String] = []
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !inside, line == "```swift" {
                        inside = true
                        lines = []
                    } else if inside, line == "```" {
                        inside = false
                        let code = lines.filter { !$0.hasPrefix("import ") }
                            .joined(separator: "\n").trimmingCharacters(in: .newlines)
                        blocks.append(("\(catalog)/\(file)", code))
                    } else if inside {
                        lines.append(String(line))
                    }
                }
            }
        }
        return blocks
    }

    @Test func everyArticleSnippetIsCompiledHere() throws {
        let snippets = try String(contentsOf: Self.snippetFile, encoding: .utf8)
        let blocks = try Self.articleBlocks()
        for catalog in Self.catalogs {
            #expect(blocks.contains { $0.file.hasPrefix(catalog) }, "no code in \(catalog)")
        }
        for block in blocks {
            #expect(snippets.contains(block.code + "\n"), "\(block.file): this block is not in DocumentationSnippets.swift:\n\(block.code)")
        }
    }

    @Test func gettingStarted() async throws {
        let mock = try await Self.startMock()
        let status = try await switchStatus(port: mock.port)
        #expect(status.text.hasPrefix("UP "))
        #expect(!status.isError)
        await mock.stop()
    }

    @Test func streamingEvents() async throws {
        let mock = try await Self.startMock()
        let events = try await channelEventsOfOneCall(port: mock.port)
        #expect(events.first?.name == "CHANNEL_CREATE")
        #expect(events.last?.name == "CHANNEL_HANGUP_COMPLETE")
        #expect(events.allSatisfy { ["CHANNEL_CREATE", "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE"].contains($0.name) })
        await mock.stop()
    }

    @Test func backgroundJobs() async throws {
        let mock = try await Self.startMock()
        let job = try await statusInTheBackground(port: mock.port)
        #expect(job.output.hasPrefix("UP "))
        #expect(job.description.hasPrefix("bgapi status: UP "))
        await mock.stop()
    }

    @Test func outboundMode() async throws {
        let mock = try await Self.startMock()
        let listener = try await ESLOutboundListener.bind(host: "127.0.0.1", port: 0)
        let answered = Task { try await answerOneCall(on: listener) }
        let fs = try await ESLConnection.connect(host: "127.0.0.1", port: mock.port, password: "ClueCon")
        let originated = try await fs.api("originate", "loopback/7000 &socket(127.0.0.1:\(listener.port) async full)")
        #expect(originated.text.hasPrefix("+OK "), "\(originated.text)")
        let uuid = try #require(try await answered.value)
        // The channel the socket application ran on is the one originate created.
        #expect(originated.text.trimmingCharacters(in: .whitespacesAndNewlines) == "+OK \(uuid)")
        await fs.exit()
        await listener.close()
        await mock.stop()
    }

    @Test func framesAndMessages() throws {
        let bytes = try Captures.records("12_bgapi_status").filter(\.isServer).prefix(3).flatMap(\.bytes)
        let decoded = try messages(in: bytes)
        #expect(decoded.map(\.description) == ["auth/request", "command/reply: +OK accepted", "command/reply: +OK event listener enabled plain"])
        #expect(String(buffer: try statusCommandBytes()) == "api status\n\n")
    }
}
