import Console
import ESLProtocol
import NIOCore
import Testing

private func logLine(_ text: String, level: Int = 7, userData: String = "") -> ESLLogLine {
    ESLLogLine(level: level, file: "switch_core.c", function: "main", line: 42, userData: userData, body: ByteBuffer(string: text))
}

@Suite struct LogRendererTests {
    static let uuid = "6f1c2d3e-aaaa-4bbb-8ccc-0123456789ab"
    let plain = Palette(isEnabled: false)

    @Test func finalLineEndIsRemoved() {
        let renderer = LogRenderer(palette: plain, uuidPrefixLength: nil)
        #expect(renderer.render(logLine("hello\n")) == "hello")
        #expect(renderer.render(logLine("no line end")) == "no line end")
        #expect(renderer.render(logLine("two\nlines\n")) == "two\nlines")
        #expect(renderer.render(logLine("blank after\n\n")) == "blank after\n", "only one line end is removed")
        #expect(renderer.render(logLine("crlf\r\n")) == "crlf", "a CRLF is a line end too")
    }

    @Test func bareLineEndAndEmptyBodyAreSkipped() {
        let renderer = LogRenderer(palette: Palette(isEnabled: true), uuidPrefixLength: 0)
        #expect(renderer.render(logLine("\n", userData: Self.uuid)) == nil)
        #expect(renderer.render(logLine("", userData: Self.uuid)) == nil)
        #expect(renderer.render(logLine("\n\n", level: 0)) == "\n", "only a body of exactly one LF is skipped")
    }

    @Test func uuidPrefixLengths() {
        let line = logLine("text\n", userData: Self.uuid)
        #expect(LogRenderer(palette: plain, uuidPrefixLength: nil).render(line) == "text")
        #expect(LogRenderer(palette: plain, uuidPrefixLength: 0).render(line) == Self.uuid + " text")
        #expect(LogRenderer(palette: plain, uuidPrefixLength: 8).render(line) == "6f1c2d3e text")
        #expect(LogRenderer(palette: plain, uuidPrefixLength: 100).render(line) == Self.uuid + " text")
    }

    @Test func lineWithoutChannelGetsNoPrefix() {
        let line = logLine("switch line\n")
        #expect(LogRenderer(palette: plain, uuidPrefixLength: 0).render(line) == "switch line")
        #expect(LogRenderer(palette: plain, uuidPrefixLength: 8).render(line) == "switch line")
    }

    @Test func colourFollowsTheLevelAndCoversThePrefix() {
        let renderer = LogRenderer(palette: Palette(isEnabled: true), uuidPrefixLength: 8)
        #expect(renderer.render(logLine("err\n", level: 3, userData: Self.uuid)) == "\u{1B}[31m6f1c2d3e err\u{1B}[m")
        #expect(renderer.render(logLine("warn\n", level: 4)) == "\u{1B}[35mwarn\u{1B}[m")
        #expect(renderer.render(logLine("debug\n", level: 7)) == "\u{1B}[33mdebug\u{1B}[m")
        #expect(renderer.render(logLine("console\n", level: 0)) == "console")
    }

    @Test func disabledPaletteGivesNoColour() {
        let renderer = LogRenderer(palette: plain, uuidPrefixLength: nil)
        #expect(renderer.render(logLine("err\n", level: 1)) == "err")
    }
}
