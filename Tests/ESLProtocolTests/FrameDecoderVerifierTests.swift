import NIOCore
import NIOTestUtils
import TestSupport
import Testing
@testable import ESLProtocol

/// NIO's own decoder checks (drip feed, many frames in one buffer, leftovers at close) on real captures.
@Suite struct FrameDecoderVerifierTests {
    /// Input/output pairs from a capture: each S->C record and the frame it holds, built without the decoder.
    private func pairs(_ name: String) throws -> [(ByteBuffer, [ESLFrame])] {
        try Captures.load(name).serverRecords.map { record in
            let expected = Captures.expectedFrame(of: record)
            let frame = ESLFrame(
                headers: ESLHeaders(block: ByteBuffer(bytes: expected.headers)),
                body: expected.body.map { ByteBuffer(bytes: $0) })
            return (record.buffer, [frame])
        }
    }

    @Test(arguments: ["01", "02", "12", "19", "23", "25", "27", "29", "30", "32", "43"])
    func verifierAcceptsCapture(_ name: String) throws {
        let pairs = try pairs(name)
        #expect(!pairs.isEmpty)
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { ESLFrameDecoder() }
    }

    /// Inputs that each hold two frames, or a frame behind stray line ends.
    @Test func verifierAcceptsMultiFrameInputs() throws {
        let reply = ESLFrame(headers: [("Content-Type", "command/reply"), ("Reply-Text", "+OK")])
        let api = ESLFrame(
            headers: [("Content-Type", "api/response"), ("Content-Length", "3")],
            body: ByteBuffer(string: "vm\n"))
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [
                ("Content-Type: command/reply\nReply-Text: +OK\n\nContent-Type: api/response\nContent-Length: 3\n\nvm\n", [reply, api]),
                ("\r\n\nContent-Type: command/reply\nReply-Text: +OK\n\n", [reply]),
            ]
        ) { ESLFrameDecoder() }
    }

    /// The verifier compares with `==`; make sure `==` would notice a wrong frame at all.
    @Test func verifierRejectsAWrongExpectation() throws {
        let wrong = ESLFrame(headers: [("Content-Type", "command/reply"), ("Reply-Text", "+OK nope")])
        #expect(throws: (any Error).self) {
            try ByteToMessageDecoderVerifier.verifyDecoder(
                stringInputOutputPairs: [("Content-Type: command/reply\nReply-Text: +OK\n\n", [wrong])]
            ) { ESLFrameDecoder() }
        }
    }
}
