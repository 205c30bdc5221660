/// Which lines the history keeps: one rule for readline's list (Up, Ctrl-R), the history file and
/// the console's `/history`, so none of them shows what another does not hold.
///
/// Empty and blank lines are not kept, nor lines starting with a space (a way to keep a line out
/// of history, as in bash's `ignorespace`), nor a repeat of the newest entry (`ignoredups`).
public enum HistoryPolicy {
    /// Whether `line` becomes a new entry after `newest` (nil: the history is empty).
    public static func keeps(_ line: String, after newest: String?) -> Bool {
        if line.isEmpty || line.hasPrefix(" ") || line.contains("\n") { return false }
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return false }
        return newest != line
    }

    /// Adds `line` to `entries` if the policy keeps it, dropping the oldest beyond `limit`; returns
    /// whether it was added.
    @discardableResult
    public static func record(_ line: String, in entries: inout [String], limit: Int) -> Bool {
        guard keeps(line, after: entries.last) else { return false }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }
}
