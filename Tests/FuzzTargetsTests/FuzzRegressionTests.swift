import Foundation
import FuzzTargets
import TestSupport
import Testing

/// The fuzzer's entry points (`Fuzz/run`) in the normal suite: every input the fuzzer ever found
/// failing, kept in `Tests/Fixtures/fuzz/<target>/`, must now go through; and the captures, which
/// seed the fuzzer, must parse whole.
@Suite(.timeLimit(.minutes(3))) struct FuzzRegressionTests {
    static let kept = Captures.directory.deletingLastPathComponent().appendingPathComponent("fuzz")

    @Test(arguments: FuzzTarget.allCases)
    func keptInputsGoThrough(_ target: FuzzTarget) throws {
        let folder = Self.kept.appendingPathComponent(target.rawValue)
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        for file in files { target.run(Array(try Data(contentsOf: file))) }
    }

    /// Each capture's server side decodes into as many frames as it has records, in one piece or
    /// split anywhere; every frame of its client side reaches the server's session (a client
    /// record is not always one packet: a blank line, a body sent apart).
    @Test func capturesDecodeWhole() throws {
        for name in Captures.names {
            let records = try Captures.records(name)
            let server = records.filter { $0.dir == "S->C" }, client = records.filter { $0.dir == "C->S" }
            let serverBytes = Array(server.map(\.data).joined().utf8), clientBytes = Array(client.map(\.data).joined().utf8)
            for split in [0, 1, 97, 250] {
                #expect(FuzzTarget.frame.run([UInt8(split)] + serverBytes) == server.count, "\(name) split \(split)")
            }
            let clientFrames = FuzzTarget.frame.run([0] + clientBytes)
            #expect(clientFrames > 0 || client.isEmpty, "\(name)")
            for session: UInt8 in [0, 1, 2] {
                #expect(FuzzTarget.serverSession.run([session] + clientBytes) == clientFrames, "\(name) session \(session)")
            }
            for record in server {
                let head = record.data.split(separator: "\n\n", maxSplits: 1).first ?? ""
                let body = Array(record.data.split(separator: "\n\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined(separator: "\n\n").utf8)
                for (kind, target) in [("text/event-plain", FuzzTarget.eventPlain), ("text/event-json", .eventJSON), ("text/event-xml", .eventXML)]
                    where head.contains("Content-Type: \(kind)") {
                    #expect(target.run(body) == 1, "\(name): \(record.label)")
                }
            }
        }
    }

    @Test func consoleLinesAndConfigFilesParse() {
        #expect(FuzzTarget.consoleInput.run(Array("status\n\n/event plain ALL\n   \n/exit".utf8)) == 3)
        #expect(FuzzTarget.configFile.run(Array("[default]\nhost => 127.0.0.1\n[pbx1]\nport => 8022\n".utf8)) == 2)
    }
}
