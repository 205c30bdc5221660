extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (and, with `andNewlines`, CR and LF):
    /// the blanks the switch's own parsers skip, which are all ASCII.
    func trimmingBlanks(andNewlines: Bool = false) -> String {
        let isBlank = { (c: Character) in c == " " || c == "\t" || (andNewlines && (c == "\n" || c == "\r" || c == "\r\n")) }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
