extension ESLEvent: Hashable {
    /// Events are equal when their ordered (name, value) pairs and their bodies are equal byte for byte;
    /// how the bytes are laid out in storage (for example after ``removeHeaders(named:)``) does not matter.
    /// Names compare exactly here: lookups ignore case, identity does not.
    public static func == (lhs: ESLEvent, rhs: ESLEvent) -> Bool {
        guard lhs.slots.count == rhs.slots.count, lhs.body == rhs.body else { return false }
        return lhs.storage.withUnsafeBytes { left in
            rhs.storage.withUnsafeBytes { right in
                for (a, b) in zip(lhs.slots, rhs.slots) {
                    guard a.valueStart - a.nameStart == b.valueStart - b.nameStart,
                          a.valueEnd - a.valueStart == b.valueEnd - b.valueStart,
                          left[Int(a.nameStart)..<Int(a.valueEnd)].elementsEqual(right[Int(b.nameStart)..<Int(b.valueEnd)])
                    else { return false }
                }
                return true
            }
        }
    }

    /// Hashes what ``==`` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(slots.count)
        storage.withUnsafeBytes { raw in
            for slot in slots {
                hasher.combine(slot.valueStart - slot.nameStart)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[Int(slot.nameStart)..<Int(slot.valueEnd)]))
                hasher.combine(slot.valueEnd - slot.valueStart)
            }
        }
        hasher.combine(body)
    }
}
