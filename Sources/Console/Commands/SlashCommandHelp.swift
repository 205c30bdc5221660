extension SlashCommandName {
    /// The `/help` table: one line per command, usage padded to a column, then the summary; the exit
    /// aliases share one line. Ends with a line end.
    public static var helpText: String {
        let rows: [(String, String)] = allCases.compactMap { name in
            switch name {
            case .quit, .bye: return nil
            case .exit: return ("/exit, /quit, /bye, ...", name.summary)
            default: return (name.usage, name.summary)
            }
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { usage, summary in
            usage + String(repeating: " ", count: width - usage.count + 2) + summary + "\n"
        }.joined()
    }
}
