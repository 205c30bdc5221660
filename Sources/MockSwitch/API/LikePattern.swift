/// SQLite's `LIKE` as the completion queries use it: ASCII case-insensitive, `_` matches one
/// character, `%` any run. (So `uuid_k` also matches `uuidXk…`, exactly as the switch does.)
enum LikePattern {
    static func matches(_ text: String, _ pattern: String) -> Bool {
        match(Array(text.utf8)[...], Array(pattern.utf8)[...])
    }

    private static func match(_ text: ArraySlice<UInt8>, _ pattern: ArraySlice<UInt8>) -> Bool {
        guard let head = pattern.first else { return text.isEmpty }
        if head == UInt8(ascii: "%") {
            let rest = pattern.dropFirst()
            var candidate = text
            while true {
                if match(candidate, rest) { return true }
                guard !candidate.isEmpty else { return false }
                candidate = candidate.dropFirst()
            }
        }
        guard let first = text.first else { return false }
        guard head == UInt8(ascii: "_") || lower(head) == lower(first) else { return false }
        return match(text.dropFirst(), pattern.dropFirst())
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }
}
