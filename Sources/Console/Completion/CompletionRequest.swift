import ESLProtocol

/// Builds the `console_complete` request fs_cli sends on Tab (docs/fs_cli-differences.md, "Tab completion",
/// `esl_console_complete()`): the line up to the cursor, CR/LF cut, leading blanks dropped, a
/// trailing run of blanks collapsed to one; `c=<pos>;` in front when the cursor is inside the line
/// (not at its end, and not at its start, where fs_cli's `pos > 0` test leaves it out too).
public enum CompletionRequest {
    /// The text sent for `line` with the cursor at byte offset `cursor`.
    ///
    /// `pos` is the cursor's byte offset in the whole line, as fs_cli counts it (leading blanks
    /// included). Capture 43 shows fs_cli sending `c=3;sho` with the cursor at the end of `sho`: its
    /// libedit buffer still held the older, longer line `status` past the cursor, so its
    /// end-of-line test failed. That is an accident of stale bytes, not a rule; the switch answers
    /// both forms alike. An empty line sends `console_complete ` with its trailing space: without it the
    /// switch would look for an API named `console_complete` with no argument (capture 09).
    public static func argument(line: String, cursor: Int) -> String {
        let bytes = Array(line.utf8)
        let cursor = min(max(0, cursor), bytes.count)
        var text = Array(bytes[..<cursor])
        if let end = text.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { text.removeSubrange(end...) }
        let leading = text.prefix { $0 == 0x20 }.count
        text.removeFirst(leading)
        var trailing = 0
        while trailing < text.count, text[text.count - 1 - trailing] == 0x20 { trailing += 1 }
        if trailing > 1 { text.removeLast(trailing - 1) }
        let buffer = String(decoding: text, as: UTF8.self)
        return cursor > 0 && cursor < bytes.count ? "c=\(cursor);\(buffer)" : buffer
    }

    /// The command: `api console_complete <argument>` (no `console_execute` header).
    public static func command(line: String, cursor: Int) -> ESLCommand {
        ESLCommand(line: "api console_complete " + argument(line: line, cursor: cursor), replyKind: .apiResponse)
    }
}
