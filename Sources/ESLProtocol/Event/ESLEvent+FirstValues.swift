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

extension ESLHeaderNames {
    /// Calls `body` with a lookup from a header name to its index among these names (ASCII
    /// case-insensitive; the first, if a name is listed twice), or nil. Buffer pointers throughout:
    /// no reference counting in a lookup, which runs per header per event.
    @inline(__always)
    func withLookup<R>(_ body: ((UnsafeRawBufferPointer) -> Int?) -> R) -> R {
        nameBytes.withUnsafeBytes { nameBytes in
            nameOffsets.withUnsafeBufferPointer { nameOffsets in
                byLength.withUnsafeBufferPointer { byLength in
                    lengthOffsets.withUnsafeBufferPointer { lengthOffsets in
                        keys.withUnsafeBufferPointer { keys in
                            let longest = lengthOffsets.count - 2
                            return body { name in
                                guard name.count <= longest else { return nil }
                                let candidates = lengthOffsets[name.count]..<lengthOffsets[name.count + 1]
                                guard !candidates.isEmpty else { return nil }
                                let key = Self.key(name)
                                for candidate in candidates {
                                    let index = byLength[candidate]
                                    guard keys[index] == key else { continue }
                                    let wanted = UnsafeRawBufferPointer(rebasing: nameBytes[nameOffsets[index]..<nameOffsets[index + 1]])
                                    if ASCII.caseInsensitiveEqual(name, wanted) { return index }
                                }
                                return nil
                            }
                        }
                    }
                }
            }
        }
    }
}

extension ESLEvent {
    /// The value of the first header called each of `names` (ASCII case-insensitive), in the order
    /// of `names`, `nil` where absent; one pass over the headers, so asking for many names (a
    /// summary line) costs about as much as one subscript.
    public func firstValues(_ names: ESLHeaderNames) -> [String?] {
        var result = [String?](repeating: nil, count: names.names.count)
        var missing = result.count
        storage.withUnsafeBytes { raw in
            names.withLookup { lookup in
                slots.withUnsafeBufferPointer { slots in
                    for slot in slots {
                        guard missing > 0 else { break }
                        guard let index = lookup(UnsafeRawBufferPointer(rebasing: raw[slot.nameRange])), result[index] == nil else { continue }
                        result[index] = ESLEvent.withValueBytes(raw, slot) { String(decoding: $0, as: UTF8.self) }
                        missing -= 1
                    }
                }
            }
        }
        return result
    }
}

extension ESLEventFrame {
    /// What ``ESLEvent/firstValues(_:)`` gives for the decoded event, without decoding the rest of
    /// a plain event: its lines are located and only the wanted values decoded. (JSON and XML
    /// events are decoded.)
    ///
    /// - Throws: `.malformedEvent` for a header line ``decode()`` would refuse. The framing of a
    ///   body is not checked, and its `Content-Length` line counts as a header here.
    public func firstValues(_ names: ESLHeaderNames) throws(ESLProtocolError) -> [String?] {
        guard format == .plain else { return try decode().firstValues(names) }
        let result: Result<[String?], ESLProtocolError> = body.withUnsafeReadableBytes { raw in
            names.withLookup { lookup in
                var values = [String?](repeating: nil, count: names.names.count)
                return Result { () throws(ESLProtocolError) in
                    var lines = try PlainHeaderLines(raw)
                    while let slot = try lines.next() {
                        guard let index = lookup(UnsafeRawBufferPointer(rebasing: raw[slot.nameRange])), values[index] == nil else { continue }
                        values[index] = ESLEvent.withValueBytes(raw, slot) { String(decoding: $0, as: UTF8.self) }
                    }
                    return values
                }
            }
        }
        return try result.get()
    }
}
