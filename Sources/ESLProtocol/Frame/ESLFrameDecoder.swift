import NIOCore

/// Splits a byte stream into ``ESLFrame``s (docs/protocol.md, "Client packets" and "Server frames"), fed chunks of
/// any size.
///
/// A header block ends at two LFs with only CRs between them (`\n\n`, `\r\n\r\n`, `\n\r\n`). Stray
/// CR/LF bytes before a frame are skipped, as the switch does. The decoder remembers how far it has
/// scanned, so a header block that arrives a byte at a time is scanned once, and it never consumes
/// part of a frame: bytes leave the buffer only as a whole frame.
public struct ESLFrameDecoder: Sendable {
    /// Size limits; exceeding one is an error that carries the size, never an allocation.
    public struct Limits: Sendable, Hashable {
        /// The largest header block accepted (default 1 MiB).
        public var maxHeaderBlockBytes: Int
        /// The largest `Content-Length` accepted (default 16 MiB, the switch's own limit).
        public var maxBodyBytes: Int

        /// Creates limits; the defaults suit any real switch.
        public init(maxHeaderBlockBytes: Int = 1 << 20, maxBodyBytes: Int = 16 << 20) {
            self.maxHeaderBlockBytes = maxHeaderBlockBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    /// The limits this decoder enforces.
    public let limits: Limits

    /// Bytes of the current header block already scanned without finding its end.
    private var scanned = 0
    /// Set once the header block of the current frame is complete: its length (including the
    /// blank line) and the header block itself.
    private var pendingHeader: PendingHeader?

    /// A complete header block whose body may not have arrived yet.
    private struct PendingHeader {
        /// Bytes of the header block including its blank line.
        var consumed: Int
        var headers: ESLHeaders
        /// The `Content-Length`, or 0 without one.
        var bodyLength: Int
        /// Whether a `Content-Length` header is present: `Content-Length: 0` gives an empty body, not none.
        var hasBody: Bool
    }

    /// Creates a decoder with the given limits.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Decodes the next complete frame from the front of `buffer`, removing its bytes, or returns
    /// `nil` (leaving the buffer untouched apart from skipped leading blank lines) when more bytes
    /// are needed. Throws on a frame that breaks a limit or has a bad `Content-Length`.
    public mutating func decode(_ buffer: inout ByteBuffer) throws(ESLProtocolError) -> ESLFrame? {
        if pendingHeader == nil {
            skipLeadingLineEnds(&buffer)
            guard let header = try scanHeaderBlock(buffer) else { return nil }
            pendingHeader = header
        }
        guard let pending = pendingHeader else { return nil }
        guard buffer.readableBytes >= pending.consumed + pending.bodyLength else { return nil }
        buffer.moveReaderIndex(forwardBy: pending.consumed)
        let body = pending.hasBody ? buffer.readSlice(length: pending.bodyLength) : nil
        pendingHeader = nil
        scanned = 0
        return ESLFrame(headers: pending.headers, body: body)
    }

    /// Decodes every complete frame in `buffer`.
    public mutating func decodeAll(_ buffer: inout ByteBuffer) throws(ESLProtocolError) -> [ESLFrame] {
        var frames: [ESLFrame] = []
        while let frame = try decode(&buffer) { frames.append(frame) }
        return frames
    }

    private mutating func skipLeadingLineEnds(_ buffer: inout ByteBuffer) {
        guard scanned == 0 else { return }
        let skip = buffer.withUnsafeReadableBytes { bytes in
            bytes.prefix { $0 == ASCII.lf || $0 == ASCII.cr }.count
        }
        buffer.moveReaderIndex(forwardBy: skip)
    }

    /// Looks for the blank line that ends the header block, resuming where the last call stopped.
    private mutating func scanHeaderBlock(_ buffer: ByteBuffer) throws(ESLProtocolError) -> PendingHeader? {
        let resumeAt = scanned
        let (found, resume): ((blockLength: Int, consumed: Int)?, Int) = buffer.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress else { return (nil, resumeAt) }
            let end = bytes.count
            var index = WordScan.firstIndex(in: base, resumeAt, end, of: ASCII.lf)
            while index < end {
                var next = index + 1
                while next < end && bytes[next] == ASCII.cr { next += 1 }
                if next < end && bytes[next] == ASCII.lf {
                    return ((index + 1, next + 1), index)
                }
                // An LF followed only by CRs so far: rescan from it when more bytes come.
                if next >= end { return (nil, index) }
                index = WordScan.firstIndex(in: base, next, end, of: ASCII.lf)
            }
            return (nil, end)
        }
        guard let found else {
            scanned = resume
            // CRs after a pending LF may still be part of the terminator, not of the block.
            let blockSoFar = min(resume + 1, buffer.readableBytes)
            if blockSoFar > limits.maxHeaderBlockBytes {
                throw ESLProtocolError(
                    .headerBlockTooLarge,
                    "the header block has \(blockSoFar) bytes without a blank line; the limit is \(limits.maxHeaderBlockBytes)",
                    declaredSize: blockSoFar,
                    context: buffer.readableBytesView.prefix(64))
            }
            return nil
        }
        if found.blockLength > limits.maxHeaderBlockBytes {
            throw ESLProtocolError(
                .headerBlockTooLarge,
                "the header block has \(found.blockLength) bytes; the limit is \(limits.maxHeaderBlockBytes)",
                declaredSize: found.blockLength,
                context: buffer.readableBytesView.prefix(64))
        }
        let headers = ESLHeaders(block: buffer.getSlice(at: buffer.readerIndex, length: found.blockLength)!)
        let bodyLength = try Self.contentLength(of: headers, limit: limits.maxBodyBytes)
        return PendingHeader(consumed: found.consumed, headers: headers, bodyLength: bodyLength ?? 0, hasBody: bodyLength != nil)
    }

    /// The `Content-Length` value, or `nil` without the header.
    private static func contentLength(of headers: ESLHeaders, limit: Int) throws(ESLProtocolError) -> Int? {
        let parsed: Result<Int?, ESLProtocolError> = headers.withValueBytes(of: "Content-Length") { bytes in
            guard let bytes else { return .success(nil) }
            var length = bytes.count
            while length > 0 && (bytes[length - 1] == ASCII.space || bytes[length - 1] == ASCII.tab) { length -= 1 }
            let trimmed = UnsafeRawBufferPointer(rebasing: bytes.prefix(length))
            guard let value = ASCII.parseDecimal(trimmed) else {
                return .failure(ESLProtocolError(
                    .invalidContentLength,
                    "Content-Length \(String(decoding: trimmed, as: UTF8.self).debugDescription) is not a non-negative number",
                    context: bytes))
            }
            guard value <= limit else {
                return .failure(ESLProtocolError(
                    .bodyTooLarge,
                    "Content-Length \(value) exceeds the limit of \(limit) bytes",
                    declaredSize: value,
                    context: bytes))
            }
            return .success(value)
        }
        return try parsed.get()
    }
}

/// ``ESLFrameDecoder`` as a NIO handler: `ByteToMessageHandler(ESLFrameDecoder())`.
extension ESLFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ESLFrame

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try decode(&buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
