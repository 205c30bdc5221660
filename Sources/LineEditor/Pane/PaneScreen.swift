/// The split screen as a value: the layout, the scroll-back buffer, how far the view is scrolled
/// back and the status text; every change returns the bytes that bring the terminal up to date.
///
/// Pane updates leave the input row alone: they save the cursor, draw, and restore it, so readline's
/// line and its idea of the cursor stay right. `start()` and `resize` lay out the whole screen and
/// leave the cursor at the start of an empty input row, for readline to draw its line there.
public struct PaneScreen: Sendable {
    /// The text shown while the view is scrolled back `lines` lines.
    public static func scrolledNotice(_ lines: Int) -> String {
        "-- scrolled back \(lines) line\(lines == 1 ? "" : "s"), PageDown to return --"
    }

    /// Home and erase-display, as `/clear` prints it.
    public static let clearScreen = "\u{1b}[H\u{1b}[2J"

    public private(set) var layout: PaneLayout
    public private(set) var buffer: PaneBuffer
    /// Lines of the buffer hidden below the view; 0 follows the output.
    public private(set) var scrolledBack = 0
    /// The status text as last set (the scrolled notice is put in front while scrolled back).
    public private(set) var status = ""

    /// A screen of `rows`×`columns` keeping `capacity` lines.
    public init(rows: Int, columns: Int, capacity: Int = 10_000) {
        layout = PaneLayout(rows: rows, columns: columns)
        buffer = PaneBuffer(capacity: capacity)
    }

    /// How many lines one PageUp or PageDown moves.
    public var pageLines: Int { max(1, layout.paneBottom - 1) }

    /// The status row's text as drawn.
    public var statusText: String {
        guard scrolledBack > 0 else { return status }
        return Self.scrolledNotice(scrolledBack) + (status.isEmpty ? "" : "  " + status)
    }

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
    /// drawing. New output returns a scrolled-back view to the bottom.
    public mutating func print(_ text: String) -> String {
        // `/clear` prints the clear-screen sequence; here it clears the pane and leaves the rest.
        if text.hasPrefix(Self.clearScreen) {
            return clearPane() + print(String(text.dropFirst(Self.clearScreen.count).drop { $0 == "\n" }))
        }
        guard !text.isEmpty else { return "" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        guard !lines.isEmpty else { return "" }
        buffer.append(contentsOf: lines)
        if scrolledBack > 0 || lines.count >= layout.paneBottom {
            let wasScrolled = scrolledBack > 0
            scrolledBack = 0
            return framed(drawView() + (wasScrolled ? layout.statusLine(statusText) : ""))
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

    /// Back to the newest output; "" when the view is there already.
    public mutating func returnToBottom() -> String {
        scroll(to: 0)
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
        drawn += lines.map { $0 + PaneLayout.resetAttributes }.joined(separator: "\r\n")
        return drawn
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
