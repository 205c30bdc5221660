/// Where the pane's parts sit on a terminal of a given size, and the escape sequences that put
/// them there: the scroll region (rows 1…rows-2) for logs and events, the status row (rows-1) and
/// readline's input row (the last).
public struct PaneLayout: Sendable, Equatable {
    /// The smallest height that still has a one-row pane.
    public static let minimumRows = 3

    /// The terminal's height and width.
    public let rows: Int
    public let columns: Int

    /// A layout for a terminal of `rows`×`columns` (clamped to at least 3×1).
    public init(rows: Int, columns: Int) {
        self.rows = max(Self.minimumRows, rows)
        self.columns = max(1, columns)
    }

    /// The last row of the scroll region (its first is row 1).
    public var paneBottom: Int { rows - 2 }
    /// The status line's row.
    public var statusRow: Int { rows - 1 }
    /// readline's row.
    public var inputRow: Int { rows }

    /// DECSTBM: confine scrolling to the pane.
    public var setScrollRegion: String { "\u{1b}[1;\(paneBottom)r" }
    /// DECSTBM with no arguments: the whole screen scrolls again.
    public static let resetScrollRegion = "\u{1b}[r"
    /// DECSC / DECRC: save and restore the cursor (position and attributes).
    public static let saveCursor = "\u{1b}7"
    public static let restoreCursor = "\u{1b}8"
    /// Erase the whole row the cursor is on.
    public static let clearRow = "\u{1b}[2K"
    /// SGR 0: default colours and attributes.
    public static let resetAttributes = "\u{1b}[0m"

    /// CUP: the cursor to `row`, `column` (1-based).
    public static func moveTo(row: Int, column: Int = 1) -> String { "\u{1b}[\(row);\(column)H" }

    /// The status row drawn in reverse video, `text` cut or padded to the width.
    public func statusLine(_ text: String) -> String {
        Self.moveTo(row: statusRow) + Self.clearRow + "\u{1b}[7m" + Self.fitted(text, columns) + Self.resetAttributes
    }

    /// `text` (no escapes) cut to `width` characters, the cut marked with `…`, or padded with spaces.
    public static func fitted(_ text: String, _ width: Int) -> String {
        let flat = text.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
        if flat.count > width { return String(flat.prefix(max(0, width - 1))) + (width > 0 ? "…" : "") }
        return String(flat) + String(repeating: " ", count: width - flat.count)
    }

    /// How many terminal rows `line` takes at this width (escape sequences take none; at least 1).
    public func rowsTaken(by line: String) -> Int {
        let width = Self.visibleWidth(line)
        return max(1, (width + columns - 1) / columns)
    }

    /// The columns `line` covers: characters outside escape sequences, tabs to the next multiple of 8.
    public static func visibleWidth(_ line: String) -> Int {
        var width = 0
        var escape = EscapeState.none
        for scalar in line.unicodeScalars {
            switch escape {
            case .none:
                if scalar == "\u{1b}" {
                    escape = .started
                } else if scalar == "\t" {
                    width += 8 - width % 8
                } else if scalar.value >= 0x20 && scalar.value != 0x7f && !scalar.properties.isGraphemeExtend {
                    width += 1
                }
            case .started:
                escape = scalar == "[" ? .csi : .none
            case .csi:
                if (0x40...0x7e).contains(scalar.value) { escape = .none }
            }
        }
        return width
    }

    private enum EscapeState { case none, started, csi }
}
