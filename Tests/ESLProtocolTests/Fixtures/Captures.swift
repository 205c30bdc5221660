import Foundation
import TestSupport

extension Captures {
    /// The frame a server record holds, built independently of the decoder: the header block is
    /// everything up to the first blank line (the switch only ever uses bare LF), the body is the
    /// rest when the block has a Content-Length line.
    static func expectedFrame(of record: CaptureRecord) -> (headers: [UInt8], body: [UInt8]?) {
        let bytes = record.bytes
        var split = bytes.count
        for index in 0..<(bytes.count - 1) where bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
            split = index + 1
            break
        }
        let head = Array(bytes[..<split])
        let rest = Array(bytes[min(split + 1, bytes.count)...])
        let hasLength = String(decoding: head, as: UTF8.self)
            .split(separator: "\n")
            .contains { $0.lowercased().hasPrefix("content-length:") }
        return (head, hasLength ? rest : nil)
    }
}

/// A deterministic generator for chunk sizes and fuzzing (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
