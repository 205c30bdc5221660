/// Header names prepared for ``ESLEvent/firstValues(_:)``: built once, used for many events.
public struct ESLHeaderNames: Sendable {
    /// The names, in the order their values are returned.
    public let names: [String]
    /// Every name's bytes, back to back; name `i` is `nameBytes[nameOffsets[i]..<nameOffsets[i + 1]]`.
    let nameBytes: [UInt8]
    let nameOffsets: [Int]
    /// The indices of the names, grouped by length: those `length` bytes long are
    /// `byLength[lengthOffsets[length]..<lengthOffsets[length + 1]]`. A header is compared only with
    /// names of its own length. Flat arrays, because reading an inner array of an array of arrays
    /// retains it, which cost more than the comparisons in a loop that runs per header per event.
    let byLength: [Int]
    let lengthOffsets: [Int]
    /// ``key(_:)`` of each name: most headers of a wanted length are still not wanted (a flood's
    /// forty `variable_vNN` against `Application` or `Job-Command`), and one word comparison
    /// rejects them.
    let keys: [UInt64]

    /// Prepares `names` for lookups.
    public init(_ names: [String]) {
        self.names = names
        let bytes = names.map { Array($0.utf8) }
        nameBytes = bytes.flatMap { $0 }
        nameOffsets = bytes.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let longest = bytes.map(\.count).max() ?? 0
        var byLength: [Int] = []
        var lengthOffsets = [0]
        for length in 0...longest {
            byLength += bytes.indices.filter { bytes[$0].count == length }
            lengthOffsets.append(byLength.count)
        }
        self.byLength = byLength
        self.lengthOffsets = lengthOffsets
        keys = bytes.map { name in name.withUnsafeBytes { Self.key($0) } }
    }

    /// The last eight bytes of `name` (all of a shorter one), with the bit that separates ASCII
    /// upper and lower case set in each: equal names, ignoring case, have equal keys.
    @inline(__always)
    static func key(_ name: UnsafeRawBufferPointer) -> UInt64 {
        guard name.count >= 8 else {
            var word: UInt64 = 0
            for byte in name { word = word << 8 | UInt64(byte | 0x20) }
            return word
        }
        return name.loadUnaligned(fromByteOffset: name.count - 8, as: UInt64.self) | 0x2020_2020_2020_2020
    }
}

extension ESLEvent {
    /// The value of the first header called each of `names` (ASCII case-insensitive), in the order
    /// of `names`, `nil` where absent; one pass over the headers, so asking for many names (a
    /// summary line) costs about as much as one subscript.
    public func firstValues(_ names: ESLHeaderNames) -> [String?] {
        var result = [String?](repeating: nil, count: names.names.count)
        var missing = names.names.count
        let longest = names.lengthOffsets.count - 2
        // Buffer pointers throughout: no reference counting in the loop, which runs per header.
        storage.withUnsafeBytes { raw in
            names.nameBytes.withUnsafeBytes { nameBytes in
                names.nameOffsets.withUnsafeBufferPointer { nameOffsets in
                    names.byLength.withUnsafeBufferPointer { byLength in
                        names.lengthOffsets.withUnsafeBufferPointer { lengthOffsets in
                          names.keys.withUnsafeBufferPointer { keys in
                            slots.withUnsafeBufferPointer { slots in
                                for slot in slots {
                                    guard missing > 0 else { break }
                                    let length = slot.nameLength
                                    guard length <= longest else { continue }
                                    let candidates = lengthOffsets[length]..<lengthOffsets[length + 1]
                                    guard !candidates.isEmpty else { continue }
                                    let name = UnsafeRawBufferPointer(rebasing: raw[slot.nameRange])
                                    let key = ESLHeaderNames.key(name)
                                    for candidate in candidates {
                                        let index = byLength[candidate]
                                        guard keys[index] == key, result[index] == nil else { continue }
                                        let wanted = UnsafeRawBufferPointer(rebasing: nameBytes[nameOffsets[index]..<nameOffsets[index + 1]])
                                        guard ASCII.caseInsensitiveEqual(name, wanted) else { continue }
                                        result[index] = ESLEvent.withValueBytes(raw, slot) { String(decoding: $0, as: UTF8.self) }
                                        missing -= 1
                                    }
                                }
                            }
                          }
                        }
                    }
                }
            }
        }
        return result
    }
}
