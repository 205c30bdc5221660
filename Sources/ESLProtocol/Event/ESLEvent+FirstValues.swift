/// Header names prepared for ``ESLEvent/firstValues(_:)``: built once, used for many events.
public struct ESLHeaderNames: Sendable {
    /// The names, in the order their values are returned.
    public let names: [String]
    let bytes: [[UInt8]]
    /// For each name length, the indices of the names that long: a header is compared only with
    /// names of its own length.
    let byLength: [[Int]]

    /// Prepares `names` for lookups.
    public init(_ names: [String]) {
        self.names = names
        self.bytes = names.map { Array($0.utf8) }
        var byLength = [[Int]](repeating: [], count: (bytes.map(\.count).max() ?? 0) + 1)
        for (index, name) in bytes.enumerated() { byLength[name.count].append(index) }
        self.byLength = byLength
    }
}

extension ESLEvent {
    /// The value of the first header called each of `names` (ASCII case-insensitive), in the order
    /// of `names`, `nil` where absent; one pass over the headers, so asking for many names (a
    /// summary line) costs about as much as one subscript.
    public func firstValues(_ names: ESLHeaderNames) -> [String?] {
        var result = [String?](repeating: nil, count: names.bytes.count)
        var missing = names.bytes.count
        // Buffer pointers throughout: no reference counting in the loop, which runs per header.
        storage.withUnsafeBytes { raw in
            names.byLength.withUnsafeBufferPointer { byLength in
                names.bytes.withUnsafeBufferPointer { wanted in
                    slots.withUnsafeBufferPointer { slots in
                        for slot in slots {
                            guard missing > 0 else { break }
                            let length = Int(slot.valueStart &- slot.nameStart)
                            guard length < byLength.count else { continue }
                            let candidates = byLength[length]
                            guard !candidates.isEmpty else { continue }
                            let name = UnsafeRawBufferPointer(rebasing: raw[Int(slot.nameStart)..<Int(slot.valueStart)])
                            for index in candidates where result[index] == nil {
                                guard wanted[index].withUnsafeBytes({ ASCII.caseInsensitiveEqual(name, $0) }) else { continue }
                                result[index] = String(decoding: raw[Int(slot.valueStart)..<Int(slot.valueEnd)], as: UTF8.self)
                                missing -= 1
                            }
                        }
                    }
                }
            }
        }
        return result
    }
}
