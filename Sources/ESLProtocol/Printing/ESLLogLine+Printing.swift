extension ESLLogLine: CustomStringConvertible, CustomDebugStringConvertible {
    /// Level, source and the text's first line: `[DEBUG] switch_cpp.cpp:1466 cleanup` (the text's
    /// line count follows when it has several).
    public var description: String {
        let level = ESLLogLevel(rawValue: level)?.name ?? String(level)
        return "[\(level)] \(file):\(line) \(PrintedText.firstLine(text))"
    }

    /// Every field of the `log/data` frame, then the whole text.
    public var debugDescription: String {
        frame.debugDescription
    }
}
