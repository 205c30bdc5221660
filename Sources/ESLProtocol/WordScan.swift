/// Eight-bytes-at-a-time checks for the byte loops on the hot paths: the frame decoder's search for
/// the blank line, header lookups, and the plain event decoder. A CHANNEL_CREATE has ~150 lines of
/// mostly plain ASCII, and looking at a word per step instead of a byte is what keeps decoding
/// within the benchmarks' budget (`Benchmarks/`: 150,000 events/s, 1,000,000 log frames/s).
enum WordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` equals `byte` (exact: the classic "has zero byte" test
    /// only misreports bytes above a real match, which does not change the yes/no answer).
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// The offset of the first byte in `source[from..<count]` equal to `a` or `b`, or `count`.
    @inline(__always)
    static func firstIndex(in source: UnsafeRawPointer, _ from: Int, _ count: Int, of a: UInt8, _ b: UInt8) -> Int {
        var index = from
        while index + 8 <= count {
            let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if contains(word, a) || contains(word, b) { break }
            index += 8
        }
        while index < count {
            let byte = source.load(fromByteOffset: index, as: UInt8.self)
            if byte == a || byte == b { return index }
            index += 1
        }
        return count
    }

    /// The offset of the first byte in `source[from..<count]` equal to `a`, or `count`.
    @inline(__always)
    static func firstIndex(in source: UnsafeRawPointer, _ from: Int, _ count: Int, of a: UInt8) -> Int {
        firstIndex(in: source, from, count, of: a, a)
    }
}
