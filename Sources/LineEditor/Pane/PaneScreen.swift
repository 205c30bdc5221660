/// The split screen as a value: the layout, the scroll-back buffer, how far the view is scrolled
/// back and the status text; every change returns the bytes that bring the terminal up to date.
///
/// Pane updates leave the input row alone: they save the cursor, draw, and restore it, so readline's
/// line and its idea of the cursor stay right. `start()` and `resize` lay out the whole screen and
/// leave the cursor at the start of an empty input row, for readline to draw its line there.
///
/// While the view is paged back (or paused, or showing a `/find` match) it holds still: new lines
/// are kept and counted in the status line, and only PageDown to the bottom, End or `/resume` make
/// the view follow the output again.
public struct PaneScreen: Sendable {
    /// `, 12,408 new lines` (nothing for none).
    static func newLinesText(_ count: Int) -> String {
        count == 0 ? "" : ", \(grouped(count)) new line\(count == 1 ? "" : "s")"
    }

    /// The new-lines count, and how many of them the buffer no longer holds: memory is bounded, so a
    /// long pause under a flood keeps the newest `capacity` lines and says how many went.
    var newLinesNotice: String {
        let lost = newLines - buffer.capacity
        return Self.newLinesText(newLines) + (lost > 0 ? " (the oldest \(Self.grouped(lost)) no longer kept)" : "")
    }

    /// `12,408`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// Home and erase-display, as `/clear` prints it.
    public static let clearScreen = "\u{1b}[H\u{1b}[2J"

    public private(set) var layout: PaneLayout
    public private(set) var buffer: PaneBuffer
    /// Lines of the buffer hidden below the view; 0 follows the output.
    public private(set) var scrolledBack = 0
    /// The status text as last set (the scrolled notice is put in front while scrolled back).
    public private(set) var status = ""
    /// `/pause`: the view holds still even at the bottom.
    public private(set) var isPaused = false
    /// Lines that arrived while the view held still.
    public private(set) var newLines = 0
    /// The `/find` text and the buffer index of the match shown, if a search is going on.
    public private(set) var search: (text: String, match: Int?)?

    /// A screen of `rows`×`columns` keeping `capacity` lines.
    public init(rows: Int, columns: Int, capacity: Int = 10_000) {
        layout = PaneLayout(rows: rows, columns: columns)
        buffer = PaneBuffer(capacity: capacity)
    }

    /// How many lines one PageUp or PageDown moves.
    public var pageLines: Int { max(1, layout.paneBottom - 1) }

    /// The status row's text as drawn.
    public var statusText: String {
        let notice: String
        if let search {
            let found = search.match.map { "line \(Self.grouped($0 + 1)) of \(Self.grouped(buffer.count))" } ?? "no match"
            notice = "-- /find \(search.text): \(found)\(newLinesNotice), /find again for older, End to return --"
        } else if isPaused {
            notice = "-- paused\(newLinesNotice), /resume to follow --"
        } else if scrolledBack > 0 {
            notice = "-- scrolled back \(scrolledBack) line\(scrolledBack == 1 ? "" : "s")\(newLinesNotice), PageDown to return --"
        } else {
            return status
        }
        return notice + (status.isEmpty ? "" : "  " + status)
    }

    /// Whether the view holds still rather than following new output.
    public var isHolding: Bool { scrolledBack > 0 || isPaused || search != nil }

    // MARK: Changes

    /// Takes the screen over: pushes what is on it into the terminal's own scroll-back, clears it,
    /// sets the scroll region and draws the status. Leaves the cursor on the input row.
    public func start() -> String {
        String(repeating: "\n", count: layout.rows) + "\u{1b}[H\u{1b}[2J" + relayout()
    }

    /// Gives the screen back: the whole screen scrolls again, the status and input rows are cleared,
    /// the cursor is on a fresh line at the bottom.
    public func finish() -> String {
        PaneLayout.resetScrollRegion + PaneLayout.resetAttributes
            + PaneLayout.moveTo(row: layout.inputRow) + PaneLayout.clearRow
            + PaneLayout.moveTo(row: layout.statusRow) + PaneLayout.clearRow
    }

    /// Adds printed text (split into lines; a final line end ends the last line) and returns its
    /// drawing. A view that holds still stays where it is and counts the new lines.
    public mutating func print(_ text: String) -> String {
        // `/clear` prints the clear-screen sequence; here it clears the pane and leaves the rest.
        if text.hasPrefix(Self.clearScreen) {
            return clearPane() + print(String(text.dropFirst(Self.clearScreen.count).drop { $0 == "\n" }))
        }
        guard !text.isEmpty else { return "" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        guard !lines.isEmpty else { return "" }
        let full = buffer.count + lines.count - buffer.capacity
        buffer.append(contentsOf: lines)
        if isHolding {
            // The lines on view stay on view: they are now further from the newest. Once the ring
            // overwrites them, the view holds the oldest lines kept.
            newLines += lines.count
            scrolledBack = min(scrolledBack + lines.count, maxScrolledBack)
            if full > 0, let match = search?.match { search?.match = match - full >= 0 ? match - full : nil }
            return framed((full > 0 ? drawView() : "") + layout.statusLine(statusText))
        }
        if lines.count >= layout.paneBottom {
            return framed(drawView())
        }
        var drawn = PaneLayout.moveTo(row: layout.paneBottom)
        for line in lines { drawn += "\r\n" + line + PaneLayout.resetAttributes }
        return framed(drawn)
    }

    /// Sets the status text; returns its drawing, or "" when it did not change.
    public mutating func setStatus(_ text: String) -> String {
        guard text != status else { return "" }
        status = text
        return framed(layout.statusLine(statusText))
    }

    /// PageUp (`up`) or PageDown: moves the view a page through the buffer.
    public mutating func page(up: Bool) -> String {
        scroll(to: scrolledBack + (up ? pageLines : -pageLines))
    }

    /// Back to the newest output, following it again (End, `/resume`); "" when nothing changes.
    public mutating func returnToBottom() -> String {
        let wasHolding = isHolding
        isPaused = false
        search = nil
        newLines = 0
        let moved = scroll(to: 0)
        return moved.isEmpty && wasHolding ? framed(drawView() + layout.statusLine(statusText)) : moved
    }

    /// `/pause`: the view holds still where it is.
    public mutating func pause() -> String {
        guard !isPaused else { return "" }
        isPaused = true
        return framed(layout.statusLine(statusText))
    }

    /// `/find text`: pages back to the newest line containing `text` above the match shown (or
    /// above the newest line), highlights it, and holds still; "" leaves the screen as it is.
    public mutating func find(_ text: String) -> String {
        let before: Int
        if let search, search.text == text, let match = search.match {
            before = match
        } else {
            before = buffer.count
        }
        // The typed `/find text` lines (echoed in the pane) contain the text too; they are not matches.
        let typed = "/find " + text
        var index = before - 1
        while index >= 0 {
            let line = Self.plain(buffer[index])
            if line.contains(text) && !line.hasSuffix(typed) { break }
            index -= 1
        }
        guard index >= 0 else {
            search = (text, nil)
            return framed(layout.statusLine(statusText))
        }
        search = (text, index)
        // The match in the middle of the pane where there is room.
        let target = buffer.count - 1 - index - layout.paneBottom / 2
        scrolledBack = min(max(0, target), maxScrolledBack)
        return framed(drawView() + layout.statusLine(statusText))
    }

    /// Clears the pane's rows (Ctrl-L); the buffer keeps its lines.
    public func clearPane() -> String {
        var drawn = ""
        for row in 1...layout.paneBottom { drawn += PaneLayout.moveTo(row: row) + PaneLayout.clearRow }
        return framed(drawn)
    }

    /// The terminal is now `rows`×`columns`: lays everything out again. Leaves the cursor on the
    /// input row.
    public mutating func resize(rows: Int, columns: Int) -> String {
        layout = PaneLayout(rows: rows, columns: columns)
        scrolledBack = min(scrolledBack, maxScrolledBack)
        return "\u{1b}[2J" + relayout()
    }

    // MARK: Drawing

    /// The most the view can go back: the oldest line at the top of a full pane.
    var maxScrolledBack: Int { max(0, buffer.count - layout.paneBottom) }

    private mutating func scroll(to target: Int) -> String {
        let clamped = min(max(0, target), maxScrolledBack)
        guard clamped != scrolledBack else { return "" }
        scrolledBack = clamped
        if clamped == 0 && !isPaused {
            // PageDown to the bottom follows the output again.
            newLines = 0
            search = nil
        }
        return framed(drawView() + layout.statusLine(statusText))
    }

    /// The lines of the view, oldest first, and the row the first starts on.
    public func visibleLines() -> (lines: [String], firstRow: Int) {
        let end = buffer.count - scrolledBack
        var lines: [String] = []
        var used = 0
        var index = end - 1
        while index >= 0 {
            let taken = layout.rowsTaken(by: buffer[index])
            if used + taken > layout.paneBottom && !lines.isEmpty { break }
            lines.append(buffer[index])
            used += taken
            index -= 1
        }
        return (lines.reversed(), max(1, layout.paneBottom - used + 1))
    }

    /// Clears the pane and draws the view's lines, the newest on the bottom row.
    private func drawView() -> String {
        var drawn = ""
        for row in 1...layout.paneBottom { drawn += PaneLayout.moveTo(row: row) + PaneLayout.clearRow }
        let (lines, firstRow) = visibleLines()
        drawn += PaneLayout.moveTo(row: firstRow)
        drawn += lines.map { highlighted($0) + PaneLayout.resetAttributes }.joined(separator: "\r\n")
        return drawn
    }

    /// The line with the `/find` text in reverse video.
    private func highlighted(_ line: String) -> String {
        guard let text = search?.text, !text.isEmpty, line.contains(text) else { return line }
        return line.replacing(text, with: "\u{1b}[7m" + text + "\u{1b}[27m")
    }

    /// The line without escape sequences, as it reads on screen.
    static func plain(_ line: String) -> String {
        guard line.contains("\u{1b}") else { return line }
        var result = ""
        var inEscape = false
        var sawBracket = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if !sawBracket && scalar == "[" { sawBracket = true; continue }
                if !sawBracket || (0x40...0x7e).contains(scalar.value) { inEscape = false }
                continue
            }
            if scalar == "\u{1b}" {
                inEscape = true
                sawBracket = false
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Region, view and status, then the cursor at the start of the cleared input row.
    private func relayout() -> String {
        layout.setScrollRegion + drawView() + layout.statusLine(statusText)
            + PaneLayout.moveTo(row: layout.inputRow) + PaneLayout.clearRow
    }

    /// Draws without moving the input row's cursor.
    private func framed(_ drawing: String) -> String {
        PaneLayout.saveCursor + drawing + PaneLayout.restoreCursor
    }
}
