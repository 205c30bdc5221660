import Console
import Testing

@Suite struct PaletteTests {
    static let reset = "\u{1B}[m"

    @Test(arguments: [
        (0, nil), (1, "\u{1B}[31m"), (2, "\u{1B}[31m"), (3, "\u{1B}[31m"), (4, "\u{1B}[35m"),
        (5, "\u{1B}[36m"), (6, "\u{1B}[32m"), (7, "\u{1B}[33m"), (8, nil), (-1, nil),
    ] as [(Int, String?)])
    func logLevelColoursAreFsClis(_ level: Int, _ escape: String?) {
        #expect(Palette.escape(forLogLevel: level) == escape)
        let painted = Palette(isEnabled: true).log("text", level: level)
        if let escape {
            #expect(painted == escape + "text" + Self.reset)
        } else {
            #expect(painted == "text")
        }
    }

    @Test func everyColouredTextEndsWithAReset() {
        let palette = Palette(isEnabled: true, output: .cyan)
        #expect(Palette.reset == Self.reset)
        #expect(palette.error("bad") == "\u{1B}[31mbad" + Self.reset)
        #expect(palette.notice("note") == "\u{1B}[2mnote" + Self.reset)
        #expect(palette.output("out") == "\u{1B}[36mout" + Self.reset)
        #expect(palette.paint("x", "\u{1B}[1m") == "\u{1B}[1mx" + Self.reset)
    }

    @Test func noOutputColourLeavesOutputAlone() {
        #expect(Palette(isEnabled: true).output("out") == "out")
    }

    @Test func emptyTextStaysEmpty() {
        let palette = Palette(isEnabled: true)
        #expect(palette.error("") == "")
        #expect(palette.log("", level: 3) == "")
    }

    @Test func disabledPaletteReturnsTextUnchanged() {
        let palette = Palette(isEnabled: false, output: .red, prompt: .green, input: .yellow)
        for level in -1...8 {
            #expect(palette.log("line", level: level) == "line")
        }
        #expect(palette.output("out") == "out")
        #expect(palette.error("bad") == "bad")
        #expect(palette.notice("note") == "note")
        #expect(palette.paint("x", "\u{1B}[1m") == "x")
        #expect(palette.prompt("fs> ") == "fs> ")
    }

    @Test func promptWrapsEveryEscapeInReadlineMarkers() {
        let palette = Palette(isEnabled: true, prompt: .green, input: .boldYellow)
        let prompt = palette.prompt("freeswitch@vm> ")
        #expect(prompt == "\u{1}\u{1B}[32m\u{2}freeswitch@vm> \u{1}\u{1B}[m\u{1B}[1;33m\u{2}")
        #expect(Self.outsideMarkers(prompt) == "freeswitch@vm> ")
    }

    @Test func promptWithOnlyAnInputColourStillResetsBeforeTypedText() {
        let palette = Palette(isEnabled: true, input: .blue)
        let prompt = palette.prompt("> ")
        #expect(prompt == "> \u{1}\u{1B}[m\u{1B}[34m\u{2}")
        #expect(Self.outsideMarkers(prompt) == "> ")
    }

    @Test func promptWithoutColoursIsPlain() {
        #expect(Palette(isEnabled: true, output: .red).prompt("> ") == "> ")
    }

    /// The text readline counts as visible: everything outside `\u{1}`…`\u{2}`.
    private static func outsideMarkers(_ text: String) -> String {
        var visible = ""
        var hidden = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{1}": hidden = true
            case "\u{2}": hidden = false
            default: if !hidden { visible.unicodeScalars.append(scalar) }
            }
        }
        return visible
    }
}
