extension ESLEvent: Hashable {
    /// Events are equal when their ordered (name, decoded value) pairs and their bodies are equal byte for byte;
    /// how the bytes are laid out in storage (for example after ``removeHeaders(named:)``) does not matter.
    /// Names compare exactly here: lookups ignore case, identity does not.
    public static func == (lhs: ESLEvent, rhs: ESLEvent) -> Bool {
        guard lhs.slots.count == rhs.slots.count, lhs.body == rhs.body else { return false }
        return lhs.storage.withUnsafeBytes { left in
            rhs.storage.withUnsafeBytes { right in
                for (a, b) in zip(lhs.slots, rhs.slots) {
                    guard a.nameLength == b.nameLength,
                          left[a.nameRange].elementsEqual(right[b.nameRange]),
                          withValueBytes(left, a, { leftValue in withValueBytes(right, b) { leftValue.elementsEqual($0) } })
                    else { return false }
                }
                return true
            }
        }
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(slots.count)
        storage.withUnsafeBytes { raw in
            for slot in slots {
                hasher.combine(slot.nameLength)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[slot.nameRange]))
                Self.withValueBytes(raw, slot) { value in
                    hasher.combine(value.count)
                    hasher.combine(bytes: value)
                }
            }
        }
        hasher.combine(body)
    }
}
