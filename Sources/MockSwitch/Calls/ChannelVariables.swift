/// Channel variables in the order events print them. FreeSWITCH keeps them in an event whose
/// headers are appended at the bottom, and setting a variable deletes the old header first, so a
/// variable set again moves to the end (capture 21: `call_uuid` moves when the dialplan starts).
struct ChannelVariables: Sendable, Hashable {
    private(set) var entries: [(name: String, value: String)] = []

    /// The value of `name`, or `nil`.
    subscript(_ name: String) -> String? {
        entries.first { $0.name == name }?.value
    }

    /// Sets `name` (moving it to the end), or removes it for `nil` or an empty value.
    mutating func set(_ name: String, _ value: String?) {
        entries.removeAll { $0.name == name }
        if let value, !value.isEmpty { entries.append((name, value)) }
    }

    /// The values keyed by name (for filters and the `show` projection).
    var dictionary: [String: String] {
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    static func == (lhs: ChannelVariables, rhs: ChannelVariables) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.name == $1.name && $0.value == $1.value }
    }

    func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.name)
            hasher.combine(entry.value)
        }
    }
}
