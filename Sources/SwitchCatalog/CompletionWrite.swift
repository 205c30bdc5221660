/// The `write=<len>:<text>` instruction of a `console_complete` reply (docs/api-output.md, "console_complete"):
/// delete
/// `length` bytes before the cursor (the word being completed) and insert `text` there. A single
/// match comes with a trailing space; several come as their common prefix.
public struct CompletionWrite: Sendable, Hashable {
    /// How many bytes before the cursor to delete (the switch counts `strlen` of the word).
    public var length: Int
    /// What to insert at the cursor.
    public var text: String

    /// Creates an instruction.
    public init(length: Int, text: String) {
        self.length = length
        self.text = text
    }

    /// The instruction for `candidates` completing a word of `length` bytes, built as the switch
    /// builds it: one candidate → it plus a space; several → their common prefix (if any).
    public init?(length: Int, candidates: [String]) {
        guard let first = candidates.first else { return nil }
        if candidates.count == 1 {
            self.init(length: length, text: first + " ")
            return
        }
        let prefix = candidates.dropFirst().reduce(first) { commonPrefix($0, $1) }
        guard !prefix.isEmpty else { return nil }
        self.init(length: length, text: prefix)
    }
}

/// The longest common prefix of two strings, by characters.
public func commonPrefix(_ lhs: String, _ rhs: String) -> String {
    String(zip(lhs, rhs).prefix { $0 == $1 }.map(\.0))
}
