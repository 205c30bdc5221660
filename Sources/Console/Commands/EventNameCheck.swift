import ESLProtocol

/// Checks the names in `/event` arguments against the switch's event list before they are sent:
/// the switch accepts an unknown name silently and then never sends anything, which looks like a
/// quiet switch rather than a typo.
enum EventNameCheck {
    /// What is wrong with `event` arguments (`[plain|json|xml] NAME…`), with the nearest known
    /// names; nil when every name is known. Words after `CUSTOM` are subclasses, which are free.
    static func problem(inEventArguments arguments: String) -> String? {
        var words = arguments.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = words.first, ["plain", "json", "xml"].contains(first.lowercased()) { words.removeFirst() }
        var unknown: [String] = []
        for word in words {
            if word.uppercased() == "CUSTOM" { break }
            if ESLEventName.resolve(word) == nil { unknown.append(word) }
        }
        guard let word = unknown.first else { return nil }
        let names = unknown.count == 1 ? "unknown event \(word)" : "unknown events \(unknown.joined(separator: " "))"
        guard let nearest = nearest(to: word) else { return names + " (not in the switch's event list)" }
        return names + "; did you mean \(nearest)?"
    }

    /// The known event names closest to `word` (edit distance at most 3, or sharing a prefix).
    static func nearest(to word: String) -> String? {
        let upper = word.uppercased()
        let scored = (ESLEventName.all + [ESLEventName.allKeyword]).map { ($0, editDistance(upper, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, upper.count / 3) else { return nil }
        return scored.filter { $0.1 == best.1 }.map(\.0).sorted().prefix(3).joined(separator: " or ")
    }
}
