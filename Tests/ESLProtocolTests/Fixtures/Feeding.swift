import NIOCore
@testable import ESLProtocol

/// Feeds bytes to a fresh ``ESLFrameDecoder`` the way a socket would: in chunks.
enum Feed {
    /// Decodes `bytes` arriving in chunks of `chunkSizes` (the rest in one chunk once the sizes run
    /// out), calling the decoder after every chunk until it needs more. Returns the frames and the
    /// bytes left in the buffer at the end.
    static func decode(
        _ bytes: [UInt8],
        chunkSizes: some Sequence<Int>,
        limits: ESLFrameDecoder.Limits = .init()
    ) throws(ESLProtocolError) -> (frames: [ESLFrame], leftover: Int) {
        var decoder = ESLFrameDecoder(limits: limits)
        var buffer = ByteBuffer()
        var frames: [ESLFrame] = []
        var offset = 0
        var sizes = chunkSizes.makeIterator()
        while offset < bytes.count {
            let size = max(1, sizes.next() ?? (bytes.count - offset))
            let end = min(bytes.count, offset + size)
            buffer.writeBytes(bytes[offset..<end])
            offset = end
            while let frame = try decoder.decode(&buffer) { frames.append(frame) }
        }
        return (frames, buffer.readableBytes)
    }

    static func whole(_ bytes: [UInt8], limits: ESLFrameDecoder.Limits = .init()) throws(ESLProtocolError) -> (frames: [ESLFrame], leftover: Int) {
        try decode(bytes, chunkSizes: [bytes.count], limits: limits)
    }

    static func byteByByte(_ bytes: [UInt8], limits: ESLFrameDecoder.Limits = .init()) throws(ESLProtocolError) -> (frames: [ESLFrame], leftover: Int) {
        try decode(bytes, chunkSizes: repeatElement(1, count: bytes.count), limits: limits)
    }

    /// Chunk sizes drawn from `1...maxChunk` by a seeded generator.
    static func randomChunkSizes(count: Int, seed: UInt64, maxChunk: Int) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        var sizes: [Int] = []
        var total = 0
        while total < count {
            let size = Int.random(in: 1...maxChunk, using: &generator)
            sizes.append(size)
            total += size
        }
        return sizes
    }
}

extension ESLFrame {
    /// The frame's encoding as bytes.
    var encodedBytes: [UInt8] { Array(encoded.readableBytesView) }

    /// The first line of the header block without its line end: a client packet's command line.
    var commandLine: String {
        var line = headers.block.readableBytesView.prefix { $0 != 0x0A }
        while line.last == 0x0D { line = line.dropLast() }
        return String(decoding: line, as: UTF8.self)
    }
}

extension ByteBuffer {
    var bytes: [UInt8] { Array(readableBytesView) }
}
