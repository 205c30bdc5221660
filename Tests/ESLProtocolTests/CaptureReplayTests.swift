import NIOCore
import TestSupport
import Testing
@testable import ESLProtocol

/// Every capture, decoded from its exact bytes: the server side must come out as exactly the
/// recorded frames however the bytes are chunked, and re-encode byte for byte.
@Suite struct CaptureReplayTests {
    @Test func capturesAreFound() throws {
        #expect(Captures.names.count >= 38, "captures directory: \(Captures.directory.path)")
        #expect(Captures.names.contains("30_crlf_line_endings.json"))
        #expect(Captures.names.contains("27a_outbound_static_single_channel.json"))
        let capture = try Captures.load("01")
        #expect(capture.serverRecords.count == 4)
        #expect(capture.clientRecords.map(\.data) == ["auth ClueCon\n\n", "exit\n\n"])
    }

    /// Checks decoded frames against the capture's S->C records, one for one, in order.
    private func expectFramesMatchRecords(
        _ frames: [ESLFrame], leftover: Int, capture: Capture, how: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let records = capture.serverRecords
        #expect(frames.count == records.count, "\(capture.scenario) \(how): frame count", sourceLocation: sourceLocation)
        #expect(leftover == 0, "\(capture.scenario) \(how): bytes left over", sourceLocation: sourceLocation)
        for (index, (frame, record)) in zip(frames, records).enumerated() {
            let expected = Captures.expectedFrame(of: record)
            #expect(frame.headers.block.bytes == expected.headers, "\(capture.scenario) \(how) #\(index) headers", sourceLocation: sourceLocation)
            #expect(frame.body?.bytes == expected.body, "\(capture.scenario) \(how) #\(index) body", sourceLocation: sourceLocation)
            #expect(frame.encodedBytes == record.bytes, "\(capture.scenario) \(how) #\(index) re-encoding", sourceLocation: sourceLocation)
            #expect(frame.contentType == record.labelContentType, "\(capture.scenario) \(how) #\(index) content type", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Captures.names)
    func serverSideWhole(_ name: String) throws {
        let capture = try Captures.load(name)
        let (frames, leftover) = try Feed.whole(capture.serverBytes)
        expectFramesMatchRecords(frames, leftover: leftover, capture: capture, how: "whole")
    }

    @Test(arguments: Captures.names)
    func serverSideByteByByte(_ name: String) throws {
        let capture = try Captures.load(name)
        let (frames, leftover) = try Feed.byteByByte(capture.serverBytes)
        expectFramesMatchRecords(frames, leftover: leftover, capture: capture, how: "byte by byte")
    }

    @Test(arguments: Captures.names)
    func serverSideRandomChunks(_ name: String) throws {
        let capture = try Captures.load(name)
        let bytes = capture.serverBytes
        for (seed, maxChunk) in [(1 as UInt64, 7), (2, 64), (3, 1500), (4, 9000)] {
            let sizes = Feed.randomChunkSizes(count: bytes.count, seed: seed, maxChunk: maxChunk)
            let (frames, leftover) = try Feed.decode(bytes, chunkSizes: sizes)
            expectFramesMatchRecords(frames, leftover: leftover, capture: capture, how: "seed \(seed) chunks ≤ \(maxChunk)")
        }
    }

    /// Client packets are frames too: one per send that carries more than line ends (the switch
    /// skips stray CR/LF), with the send's first line as the command line. Capture 43 splits one
    /// packet (`nolog` + `\n\n`) over two sends; capture 26 sends bare blank lines and CRLF forms.
    @Test(arguments: Captures.names)
    func clientSide(_ name: String) throws {
        let capture = try Captures.load(name)
        for connection in capture.connections {
            let sends = capture.clientRecords.filter { $0.connection == connection }
            let bytes = capture.clientBytes(connection: connection)
            let expectedLines = sends.filter(\.hasContent).map(\.firstLine)
            for (how, result) in [
                ("whole", try Feed.whole(bytes)),
                ("byte by byte", try Feed.byteByByte(bytes)),
            ] {
                #expect(result.frames.map(\.commandLine) == expectedLines, "\(name) [\(connection)] \(how)")
                #expect(result.leftover == 0, "\(name) [\(connection)] \(how)")
            }
        }
    }

    @Test func clientCRLFFormsOfCapture30() throws {
        let capture = try Captures.load("30")
        let sends = capture.clientRecords.map(\.data)
        #expect(sends.contains("api status\r\n\r\n"))
        #expect(sends.contains("api version\r\n\n"))
        let (frames, leftover) = try Feed.byteByByte(capture.clientBytes(connection: ""))
        #expect(leftover == 0)
        #expect(frames.map(\.commandLine) == ["auth ClueCon", "api status", "api version", "event plain HEARTBEAT", "exit"])
        #expect(frames.allSatisfy { $0.body == nil && $0.headers.count == 0 })
        // The header block keeps the CR the client sent before its LF.
        #expect(frames[1].headers.block.bytes == Array("api status\r\n".utf8))
        #expect(frames[2].headers.block.bytes == Array("api version\r\n".utf8))
    }

    @Test func clientPacketsWithBodiesOfCapture20() throws {
        let capture = try Captures.load("20")
        let (frames, leftover) = try Feed.whole(capture.clientBytes(connection: ""))
        #expect(leftover == 0)
        let sendevents = frames.filter { $0.commandLine.hasPrefix("sendevent") }
        #expect(sendevents.count == 4)
        // The first sendevent is followed by a stray "\n\n" after its 23-byte body, which is skipped.
        #expect(sendevents[0].bodyString == "hello world\nsecond line")
        #expect(sendevents[0].headers["Content-Type"] == "text/plain")
        #expect(sendevents[1].bodyString == "hello world\nsecond line")
        #expect(sendevents[1].headers["X-Capture"] == "json")
        #expect(sendevents[2].body == nil)
        #expect(sendevents[3].headers.values(named: "Event-Subclass") == ["capture::nobody"])
    }

    @Test func clientPacketsOfCapture24KeepTheirHeaders() throws {
        let capture = try Captures.load("24")
        let (frames, _) = try Feed.whole(capture.clientBytes(connection: ""))
        let sendmsgs = frames.filter { $0.commandLine.hasPrefix("sendmsg") }
        #expect(sendmsgs.count == 4)
        #expect(sendmsgs[0].headers.all.map(\.name) == ["call-command", "execute-app-name", "execute-app-arg"])
        #expect(sendmsgs[0].headers["EXECUTE-APP-ARG"] == "tone_stream://%(300,0,800)")
        #expect(sendmsgs[1].headers["hangup-cause"] == "NORMAL_CLEARING")
        // LF-only client packets re-encode exactly.
        for (frame, send) in zip(frames, capture.clientRecords) {
            #expect(frame.encodedBytes == send.bytes)
        }
    }
}
