import SwitchCatalog
/// An edit line and its cursor, with the cursor as a UTF-8 byte offset (as readline's `rl_point`
/// and fs_cli's libedit buffer count it).
public struct CompletionEdit: Sendable, Hashable {
    /// The whole line.
    public var line: String
    /// The cursor, in bytes from the start of the line.
    public var cursor: Int

    /// Creates a line state; the cursor is clamped to the line.
    public init(line: String, cursor: Int) {
        self.line = line
        self.cursor = min(max(0, cursor), line.utf8.count)
    }

    /// Applies a completion as fs_cli does: deletes `write.length` bytes before the cursor (never past
    /// the start, never inside a character) and inserts `write.text`, leaving the cursor after it.
    public func applying(_ write: CompletionWrite) -> CompletionEdit {
        let bytes = Array(line.utf8)
        var start = max(0, cursor - max(0, write.length))
        while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let inserted = Array(write.text.utf8)
        let result = Array(bytes[..<start]) + inserted + Array(bytes[cursor...])
        return CompletionEdit(line: String(decoding: result, as: UTF8.self), cursor: start + inserted.count)
    }
}
