/// The small phrases every printed description shares, so that all types count and cut alike
/// (`package`: ESLClient's printable values use them too).
package enum PrintedText {
    /// `1 header`, `16 headers`.
    package static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// `41-byte body`: how a body's size reads inside parentheses.
    package static func body(_ bytes: Int) -> String {
        "\(bytes)-byte body"
    }

    /// The first line of `text` (without its line end) and, when more lines follow, how many: a
    /// description stays on one line however long the output it summarises.
    package static func firstLine(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept = lines
        while kept.last == "" { kept.removeLast() }
        guard let first = kept.first else { return "" }
        let head = first.hasSuffix("\r") ? String(first.dropLast()) : String(first)
        return kept.count > 1 ? "\(head) (+\(count(kept.count - 1, "line")))" : head
    }

    /// Header lines as `Name: value`, one a line.
    package static func headerLines(_ headers: [ESLEvent.Header]) -> String {
        headers.map(\.description).joined(separator: "\n")
    }

    /// `summary`, the header lines under it, then a blank line and the body when there is one: the
    /// layout of every debug description, close to the wire's but decoded.
    package static func block(_ summary: String, _ headers: [ESLEvent.Header], body: String?) -> String {
        var text = summary
        if !headers.isEmpty { text += "\n" + headerLines(headers) }
        if let body { text += "\n\n" + body }
        return text
    }
}
