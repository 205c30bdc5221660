/// How a fleet's lines say which switch they come from: the switch's name, padded to the longest
/// name so the text after it lines up, in a colour chosen by the switch's position in the fleet
/// (the order of `-H` or `hosts =`), so a switch keeps its colour from one run to the next.
struct FleetTags: Sendable, Equatable {
    /// The switches' names, in fleet order.
    let names: [String]
    let palette: Palette
    private let width: Int

    /// Cyan, magenta, yellow, green, blue, then their bright forms: never red, which marks errors.
    static let colours = [36, 35, 33, 32, 34, 96, 95, 93, 92, 94].map { "\u{1B}[\($0)m" }

    init(names: [String], palette: Palette) {
        self.names = names
        self.palette = palette
        self.width = names.map(\.count).max() ?? 0
    }

    /// The escape sequence of the switch at `index`.
    static func colour(_ index: Int) -> String {
        colours[index % colours.count]
    }

    /// `pbx1  | `: the tag in front of each of the switch's lines.
    func prefix(_ index: Int) -> String {
        let name = names[index]
        return palette.paint(name + String(repeating: " ", count: width - name.count), Self.colour(index)) + " | "
    }

    /// Every line of `text` tagged with the switch at `index`; a final line end is kept.
    func tagged(_ index: Int, _ text: String) -> String {
        let prefix = prefix(index)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let terminated = lines.count > 1 && lines.last == ""
        if terminated { lines.removeLast() }
        return lines.map { prefix + $0 }.joined(separator: "\n") + (terminated ? "\n" : "")
    }

    /// `== pbx1 (+OK)`: the line above a switch's part of a reply to all switches.
    func header(_ index: Int, _ outcome: ExitStatus) -> String {
        palette.paint("== \(names[index]) (\(Self.describe(outcome)))", Self.colour(index))
    }

    /// How a header names a switch's outcome.
    static func describe(_ outcome: ExitStatus) -> String {
        switch outcome {
        case .success: "+OK"
        case .commandFailed, .usage: "-ERR"
        case .connectionFailed: "not connected"
        case .timedOut: "timed out"
        }
    }
}
