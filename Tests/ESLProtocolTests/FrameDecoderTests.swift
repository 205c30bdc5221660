import NIOCore
import Testing
@testable import ESLProtocol

@Suite struct FrameDecoderTests {
    private func decodeOne(_ text: String, limits: ESLFrameDecoder.Limits = .init()) throws(ESLProtocolError) -> ESLFrame? {
        var decoder = ESLFrameDecoder(limits: limits)
        var buffer = ByteBuffer(string: text)
        return try decoder.decode(&buffer)
    }

    /// Decodes and returns the error thrown, or nil.
    private func failure(of bytes: [UInt8], limits: ESLFrameDecoder.Limits, chunks: [Int]? = nil) -> ESLProtocolError? {
        do {
            _ = try Feed.decode(bytes, chunkSizes: chunks ?? [bytes.count], limits: limits)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Terminators and stray line ends

    @Test(arguments: ["\n\n", "\r\n\r\n", "\n\r\n", "\r\n\n", "\n\r\r\n"])
    func everyTerminatorEndsTheHeaderBlock(_ terminator: String) throws {
        let text = "Content-Type: command/reply\nReply-Text: +OK" + terminator + "Content-Type: auth/request\n\n"
        for chunks in [[text.utf8.count], Array(repeating: 1, count: text.utf8.count)] {
            let (frames, leftover) = try Feed.decode(Array(text.utf8), chunkSizes: chunks)
            #expect(frames.count == 2)
            #expect(leftover == 0)
            #expect(frames.first?.headers["Reply-Text"] == "+OK")
            #expect(frames.last?.contentType == "auth/request")
        }
    }

    @Test func crAloneDoesNotEndTheBlockNorDoesAnyOtherByteBetweenLFs() throws {
        #expect(try decodeOne("A: 1\r\r\n") == nil)
        #expect(try decodeOne("A: 1\n \nB: 2\n") == nil)
        let frame = try #require(try decodeOne("A: 1\n \nB: 2\n\n"))
        #expect(frame.headers.values(named: "B") == ["2"])
    }

    @Test func leadingStrayLineEndsAreSkipped() throws {
        var decoder = ESLFrameDecoder()
        var buffer = ByteBuffer(string: "\r\n\n\r\r\n")
        #expect(try decoder.decode(&buffer) == nil)
        #expect(buffer.readableBytes == 0, "stray line ends are consumed")
        buffer.writeString("\nContent-Type: auth/request\n\n\n\r\nContent-Type: auth/request\n\n")
        let frames = try decoder.decodeAll(&buffer)
        #expect(frames.count == 2)
        #expect(frames.allSatisfy { $0.encodedBytes == Array("Content-Type: auth/request\n\n".utf8) })
        #expect(buffer.readableBytes == 0)
    }

    @Test func bodyPresenceFollowsContentLength() throws {
        let none = try #require(try decodeOne("Content-Type: command/reply\nReply-Text: +OK\n\n"))
        #expect(none.body == nil)
        let empty = try #require(try decodeOne("Content-Type: text/disconnect-notice\nContent-Length: 0\n\n"))
        #expect(empty.body?.readableBytes == 0)
        let some = try #require(try decodeOne("content-length: 5\n\nab\n\ncd"))
        #expect(some.bodyString == "ab\n\nc", "the body is exactly Content-Length bytes, blank lines included")
        let padded = try #require(try decodeOne("Content-Length:\t 3 \t\n\nxyz"))
        #expect(padded.bodyString == "xyz", "spaces and tabs around the number are allowed")
    }

    // MARK: Never consuming part of a frame

    @Test func readerIndexStaysPutUntilAWholeFrameIsThere() throws {
        let frame = "Content-Type: api/response\nContent-Length: 10\n\n0123456789"
        let bytes = Array(frame.utf8)
        var decoder = ESLFrameDecoder()
        var buffer = ByteBuffer()
        for (index, byte) in bytes.enumerated() {
            buffer.writeInteger(byte)
            let readerIndex = buffer.readerIndex
            let result = try decoder.decode(&buffer)
            if index < bytes.count - 1 {
                #expect(result == nil, "byte \(index)")
                #expect(buffer.readerIndex == readerIndex, "byte \(index) moved the reader index")
                #expect(buffer.readableBytes == index + 1)
            } else {
                let decoded = try #require(result)
                #expect(decoded.bodyString == "0123456789")
                #expect(buffer.readableBytes == 0)
            }
        }
    }

    @Test func aSecondPartialFrameStaysInTheBuffer() throws {
        var decoder = ESLFrameDecoder()
        var buffer = ByteBuffer(string: "Content-Type: auth/request\n\nContent-Type: api/response\nContent-Length: 4\n\n+O")
        let first = try #require(try decoder.decode(&buffer))
        #expect(first.contentType == "auth/request")
        let remaining = buffer.readableBytes
        #expect(try decoder.decode(&buffer) == nil)
        #expect(buffer.readableBytes == remaining)
        buffer.writeString("K\n")
        let second = try #require(try decoder.decode(&buffer))
        #expect(second.bodyString == "+OK\n")
    }

    // MARK: Limits

    private func headerBlock(bytes count: Int) -> String {
        // "X: " + filler + "\n" is exactly `count` bytes.
        "X: " + String(repeating: "a", count: count - 4) + "\n"
    }

    @Test func headerBlockOverTheLimitWithTerminator() throws {
        let limits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 100, maxBodyBytes: 1000)
        let block = headerBlock(bytes: 150)
        let error = try #require(failure(of: Array((block + "\n").utf8), limits: limits))
        #expect(error.code == .headerBlockTooLarge)
        #expect(error.declaredSize == 150)
        #expect(!error.context.isEmpty)
    }

    @Test func headerBlockOverTheLimitWithoutTerminator() throws {
        let limits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 100, maxBodyBytes: 1000)
        let bytes = Array(String(repeating: "b", count: 150).utf8)
        let whole = try #require(failure(of: bytes, limits: limits))
        #expect(whole.code == .headerBlockTooLarge)
        #expect(whole.declaredSize == 150)
        let dripped = try #require(failure(of: bytes, limits: limits, chunks: Array(repeating: 1, count: 150)))
        #expect(dripped.code == .headerBlockTooLarge)
        #expect(dripped.declaredSize == 101, "byte by byte, the error comes with the first byte over the limit")
    }

    /// A block of exactly the limit is accepted, one byte more is not, whatever the terminator and
    /// however the bytes arrive.
    @Test(arguments: ["\n", "\r\n", "\r\r\n"])
    func headerLimitBoundaryDoesNotDependOnChunking(_ terminatorTail: String) throws {
        let limits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 64, maxBodyBytes: 10)
        for (size, accepted) in [(64, true), (65, false)] {
            let bytes = Array((headerBlock(bytes: size) + terminatorTail).utf8)
            for chunks in [[bytes.count], Array(repeating: 1, count: bytes.count), [size, bytes.count - size]] {
                let outcome = failure(of: bytes, limits: limits, chunks: chunks)
                if accepted {
                    #expect(outcome == nil, "size \(size), terminator tail \(terminatorTail.debugDescription), chunks \(chunks.count)")
                } else {
                    #expect(outcome?.code == .headerBlockTooLarge, "size \(size), chunks \(chunks.count)")
                }
            }
        }
    }

    @Test func bodyOverTheLimitIsRefusedBeforeTheBodyArrives() throws {
        let limits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 1024, maxBodyBytes: 100)
        var decoder = ESLFrameDecoder(limits: limits)
        // Only the header block: none of the body has arrived.
        var buffer = ByteBuffer(string: "Content-Type: api/response\nContent-Length: 101\n\n")
        let error = #expect(throws: ESLProtocolError.self) { try decoder.decode(&buffer) }
        #expect(error?.code == .bodyTooLarge)
        #expect(error?.declaredSize == 101)
        // At the limit it simply waits for the body.
        var atLimit = ESLFrameDecoder(limits: limits)
        var limitBuffer = ByteBuffer(string: "Content-Length: 100\n\n")
        #expect(try atLimit.decode(&limitBuffer) == nil)
        limitBuffer.writeString(String(repeating: "z", count: 100))
        #expect(try atLimit.decode(&limitBuffer)?.body?.readableBytes == 100)
    }

    @Test func hugeDeclaredBodyUnderTheDefaultLimit() throws {
        var decoder = ESLFrameDecoder()
        var buffer = ByteBuffer(string: "Content-Length: 999999999999999999\n\n")
        do {
            _ = try decoder.decode(&buffer)
            Issue.record("expected bodyTooLarge")
        } catch {
            #expect(error.code == .bodyTooLarge)
            #expect(error.declaredSize == 999_999_999_999_999_999)
        }
        #expect(ESLFrameDecoder().limits.maxBodyBytes == 16 << 20)
        #expect(ESLFrameDecoder().limits.maxHeaderBlockBytes == 1 << 20)
    }

    @Test func defaultBodyLimitIsTheSwitchs16MiB() throws {
        for (length, code) in [(16 << 20, nil), ((16 << 20) + 1, ESLProtocolError.Code.bodyTooLarge)] {
            let result: ESLProtocolError.Code?
            do {
                _ = try decodeOne("Content-Length: \(length)\n\n")
                result = nil
            } catch {
                result = error.code
            }
            #expect(result == code, "Content-Length \(length)")
        }
    }

    @Test(arguments: ["-1", "abc", "", "99999999999999999999", "12abc", "+5", "1 2", "0x10", "١٢"])
    func invalidContentLength(_ value: String) throws {
        var decoder = ESLFrameDecoder()
        var buffer = ByteBuffer(string: "Content-Type: api/response\nContent-Length: \(value)\n\nbody")
        do {
            _ = try decoder.decode(&buffer)
            Issue.record("Content-Length \(value.debugDescription) was accepted")
        } catch {
            #expect(error.code == .invalidContentLength)
            #expect(error.declaredSize == nil)
        }
    }

    @Test func configuredLimitsAreHonoured() throws {
        let tight = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 30, maxBodyBytes: 4)
        #expect(throws: ESLProtocolError.self) { try decodeOne("Content-Type: api/response\nContent-Length: 4\n\n+OK\n", limits: tight) }
        let loose = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 100, maxBodyBytes: 4)
        #expect(try decodeOne("Content-Type: api/response\nContent-Length: 4\n\n+OK\n", limits: loose)?.bodyString == "+OK\n")
        #expect(throws: ESLProtocolError.self) { try decodeOne("Content-Type: api/response\nContent-Length: 5\n\n+OK\n\n", limits: loose) }
        #expect(ESLFrameDecoder(limits: tight).limits == tight)
    }

    // MARK: Encoding

    @Test func encodeWritesHeadersBlankLineAndBody() {
        var headers = ESLHeaders()
        headers.append("Content-Type", "api/response")
        headers.append("Content-Length", "3")
        let frame = ESLFrame(headers: headers, body: ByteBuffer(string: "a\nb"))
        #expect(frame.encodedBytes == Array("Content-Type: api/response\nContent-Length: 3\n\na\nb".utf8))
        var buffer = ByteBuffer(string: "prefix")
        frame.encode(into: &buffer)
        #expect(buffer.bytes == Array("prefix".utf8) + frame.encodedBytes)
        #expect(ESLFrame(headers: [("A", "1")]).encodedBytes == Array("A: 1\n\n".utf8))
    }
}
