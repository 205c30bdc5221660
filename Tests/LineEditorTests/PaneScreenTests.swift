import LineEditor
import Testing

@Suite struct PaneLayoutTests {
    @Test func rowsForPaneStatusAndInput() {
        let layout = PaneLayout(rows: 40, columns: 120)
        #expect(layout.paneBottom == 38)
        #expect(layout.statusRow == 39)
        #expect(layout.inputRow == 40)
        #expect(layout.setScrollRegion == "\u{1b}[1;38r")
    }

    @Test func tinyTerminalsStillHaveAOneRowPane() {
        let layout = PaneLayout(rows: 1, columns: 0)
        #expect(layout.paneBottom == 1 && layout.statusRow == 2 && layout.inputRow == 3 && layout.columns == 1)
    }

    @Test func statusIsReverseVideoCutOrPaddedToTheWidth() {
        let layout = PaneLayout(rows: 10, columns: 8)
        #expect(layout.statusLine("abc") == "\u{1b}[9;1H\u{1b}[2K\u{1b}[7mabc     \u{1b}[0m")
        #expect(layout.statusLine("abcdefghij").contains("abcdefg…"))
        #expect(PaneLayout.fitted("a\tb", 3) == "a b")
    }

    @Test func widthIgnoresEscapesAndCountsWrappedRows() {
        #expect(PaneLayout.visibleWidth("\u{1b}[31mred\u{1b}[0m") == 3)
        #expect(PaneLayout.visibleWidth("a\tb") == 9)
        let layout = PaneLayout(rows: 10, columns: 4)
        #expect(layout.rowsTaken(by: "") == 1)
        #expect(layout.rowsTaken(by: "abcd") == 1)
        #expect(layout.rowsTaken(by: "abcde") == 2)
    }
}

@Suite struct PaneScreenTests {
    @Test func newLinesScrollTheRegionAndKeepTheInputRow() {
        var screen = PaneScreen(rows: 10, columns: 20)
        let drawn = screen.print("one\ntwo\n")
        #expect(drawn.hasPrefix(PaneLayout.saveCursor + "\u{1b}[8;1H"))
        #expect(drawn.contains("\r\none\u{1b}[0m\r\ntwo\u{1b}[0m"))
        #expect(drawn.hasSuffix(PaneLayout.restoreCursor))
        #expect(screen.buffer.lines == ["one", "two"])
    }

    @Test func pageUpScrollsBackAndSaysSoAndNewOutputReturns() {
        var screen = PaneScreen(rows: 10, columns: 80)  // an 8-row pane, pages of 7
        _ = screen.setStatus("host")
        _ = screen.print((1...30).map { "line \($0)" }.joined(separator: "\n"))
        #expect(screen.visibleLines().lines == (23...30).map { "line \($0)" })
        let up = screen.page(up: true)
        #expect(screen.scrolledBack == 7)
        #expect(screen.visibleLines().lines == (16...23).map { "line \($0)" })
        #expect(up.contains("-- scrolled back 7 lines, PageDown to return --  host"))
        _ = screen.page(up: true)
        _ = screen.page(up: true)
        _ = screen.page(up: true)
        #expect(screen.scrolledBack == 22, "no further than the oldest line at the top")
        #expect(screen.visibleLines().lines.first == "line 1")
        #expect(screen.page(up: true) == "", "nothing to redraw at the top")
        _ = screen.page(up: false)
        #expect(screen.scrolledBack == 15)
        // Paged back, the view holds still: new lines are kept and counted, the lines on view stay.
        let onView = screen.visibleLines().lines
        let more = screen.print("line 31\nline 32")
        #expect(screen.scrolledBack == 17)
        #expect(screen.visibleLines().lines == onView)
        #expect(more.contains("-- scrolled back 17 lines, 2 new lines, PageDown to return --  host"))
        // End follows the output again.
        let bottom = screen.returnToBottom()
        #expect(screen.scrolledBack == 0 && screen.newLines == 0)
        #expect(screen.visibleLines().lines.last == "line 32")
        #expect(bottom.contains("\u{1b}[7mhost"))
        #expect(screen.returnToBottom() == "")
        _ = screen.print("line 33")
        #expect(screen.visibleLines().lines.last == "line 33", "at the bottom, new output scrolls in")
    }

    @Test func pageDownToTheBottomFollowsAgain() {
        var screen = PaneScreen(rows: 10, columns: 80)
        _ = screen.print((1...30).map { "line \($0)" }.joined(separator: "\n"))
        _ = screen.page(up: true)
        _ = screen.print((31...1_030).map { "line \($0)" }.joined(separator: "\n"))
        #expect(screen.statusText.hasPrefix("-- scrolled back 1007 lines, 1,000 new lines"))
        for _ in 0..<200 { _ = screen.page(up: false) }
        #expect(screen.scrolledBack == 0 && screen.newLines == 0 && !screen.isHolding)
        _ = screen.print("next")
        #expect(screen.visibleLines().lines.last == "next")
    }

    @Test func pauseHoldsTheViewAndResumeShowsWhatCame() {
        var screen = PaneScreen(rows: 10, columns: 80)
        _ = screen.print((1...8).map { "line \($0)" }.joined(separator: "\n"))
        _ = screen.pause()
        _ = screen.print((9...20).map { "line \($0)" }.joined(separator: "\n"))
        #expect(screen.visibleLines().lines == (1...8).map { "line \($0)" })
        #expect(screen.statusText == "-- paused, 12 new lines, /resume to follow --")
        #expect(screen.buffer.count == 20, "nothing is lost while paused")
        _ = screen.returnToBottom()
        #expect(screen.visibleLines().lines.last == "line 20")
        #expect(!screen.isPaused)
    }

    @Test func aLongPauseSaysWhatTheBoundedBufferNoLongerHolds() {
        var screen = PaneScreen(rows: 10, columns: 80, capacity: 100)
        _ = screen.print("first")
        _ = screen.pause()
        _ = screen.print((1...250).map { "line \($0)" }.joined(separator: "\n"))
        #expect(screen.statusText == "-- paused, 250 new lines (the oldest 150 no longer kept), /resume to follow --")
        #expect(screen.visibleLines().lines.first == "line 151", "the view holds the oldest lines kept")
        _ = screen.returnToBottom()
        #expect(screen.visibleLines().lines.last == "line 250")
    }

    @Test func findPagesBackToOlderMatchesAndHighlightsThem() {
        var screen = PaneScreen(rows: 10, columns: 80)  // an 8-row pane
        _ = screen.print((1...100).map { $0 % 25 == 0 ? "\u{1b}[31mERR call \($0)\u{1b}[m" : "line \($0)" }.joined(separator: "\n"))
        _ = screen.print("freeswitch@pbx> /find ERR call")  // the typed line is not a match
        let first = screen.find("ERR call")
        #expect(screen.search?.match == 99)
        #expect(screen.visibleLines().lines.contains { $0.contains("ERR call 100") })
        #expect(first.contains("\u{1b}[7mERR call\u{1b}[27m"))
        #expect(screen.statusText.hasPrefix("-- /find ERR call: line 100 of 101"))
        _ = screen.find("ERR call")
        #expect(screen.search?.match == 74)
        #expect(screen.visibleLines().lines.contains { $0.contains("ERR call 75") })
        _ = screen.find("ERR call")
        _ = screen.find("ERR call")
        #expect(screen.search?.match == 24)
        _ = screen.find("ERR call")
        #expect(screen.search?.match == nil)
        #expect(screen.statusText.hasPrefix("-- /find ERR call: no match"))
        // The search holds the view: new lines are counted; End returns and ends the search.
        _ = screen.find("line 3")
        _ = screen.print("new")
        #expect(screen.newLines == 1 && screen.isHolding)
        _ = screen.returnToBottom()
        #expect(screen.search == nil && screen.visibleLines().lines.last == "new")
    }

    @Test func wrappedLinesTakeTheirRows() {
        var screen = PaneScreen(rows: 6, columns: 5)  // a 4-row pane
        _ = screen.print("a\nbbbbbbbbbb\nc")
        let view = screen.visibleLines()
        #expect(view.lines == ["a", "bbbbbbbbbb", "c"])
        #expect(view.firstRow == 1)
        _ = screen.print("d")
        #expect(screen.visibleLines().lines == ["bbbbbbbbbb", "c", "d"])
    }

    @Test func resizeLaysOutAgainAndEndsOnTheInputRow() {
        var screen = PaneScreen(rows: 40, columns: 120)
        _ = screen.setStatus("status")
        let drawn = screen.resize(rows: 30, columns: 100)
        #expect(drawn.contains("\u{1b}[1;28r"))
        #expect(drawn.contains("\u{1b}[29;1H\u{1b}[2K\u{1b}[7mstatus"))
        #expect(drawn.hasSuffix("\u{1b}[30;1H\u{1b}[2K"))
    }

    @Test func startAndFinish() {
        let screen = PaneScreen(rows: 40, columns: 120)
        #expect(screen.start().contains("\u{1b}[1;38r"))
        #expect(screen.start().hasSuffix("\u{1b}[40;1H\u{1b}[2K"))
        #expect(screen.finish().hasPrefix("\u{1b}[r"))
        #expect(screen.finish().hasSuffix("\u{1b}[39;1H\u{1b}[2K"))
    }

    @Test func clearScreenClearsOnlyThePane() {
        var screen = PaneScreen(rows: 10, columns: 20)
        let drawn = screen.print(PaneScreen.clearScreen + "\n")
        #expect(!drawn.contains("\u{1b}[2J"))
        #expect(drawn.contains("\u{1b}[8;1H\u{1b}[2K"))
        #expect(screen.buffer.isEmpty)
    }

    @Test func unchangedStatusDrawsNothing() {
        var screen = PaneScreen(rows: 10, columns: 20)
        #expect(screen.setStatus("a") != "")
        #expect(screen.setStatus("a") == "")
    }
}
