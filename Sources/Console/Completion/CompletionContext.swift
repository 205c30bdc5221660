import SwitchCatalog
/// The line before the cursor split the way the switch's completer splits it: finished words, and
/// the word being completed (empty after a blank).
struct CompletionContext {
    /// The words before the one being completed.
    var words: [String]
    /// The partial word at the cursor.
    var current: String

    /// The index of the word being completed (0 = the command).
    var index: Int { words.count }

    init(line: String, cursor: Int) {
        let bytes = Array(line.utf8)
        let text = String(decoding: bytes[..<min(max(0, cursor), bytes.count)], as: UTF8.self)
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        let nonEmpty = parts.dropLast().filter { !$0.isEmpty }.map(String.init)
        words = nonEmpty
        current = String(parts.last ?? "")
    }

    /// The completion of `current` among `choices` (case-insensitive prefix match).
    func completion(among choices: [String], hint: String?) -> LocalCompletion {
        let typed = current.lowercased()
        let matches = choices.filter { $0.lowercased().hasPrefix(typed) }
        return LocalCompletion(
            candidates: matches,
            write: CompletionWrite(length: current.utf8.count, candidates: matches),
            hint: hint)
    }
}
