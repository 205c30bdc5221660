/// A `console_complete` api/response body, built by the switch (the mock) and parsed by the
/// console (docs/api-output.md, "console_complete"; docs/fs_cli-differences.md, "Tab completion"): `"\n\n"`, each
/// candidate as `[%20s]\t` (a `\n` after every 4th), `"\n\n"`, then optionally
/// `write=<len>:<text>`.
public struct CompletionReply: Sendable, Hashable {
    /// The candidates in the switch's order, without the padding.
    public var candidates: [String]
    /// The edit to apply to the line, if the switch sent one.
    public var write: CompletionWrite?
    /// What fs_cli prints: the text before `\n\nwrite=` followed by `\n\n\n`, or the whole body + `\n`.
    public var display: String

    /// A reply as the switch builds it (`switch_console_complete`).
    public init(candidates: [String], write: CompletionWrite?) {
        self.init(body: Self.body(candidates: candidates, write: write))
    }

    /// The `console_complete` body for `candidates` and `write`: each candidate right-aligned in
    /// 20 columns between brackets, a tab after each and a line end after every fourth.
    public static func body(candidates: [String], write: CompletionWrite?) -> String {
        var out = "\n\n"
        for (index, candidate) in candidates.enumerated() {
            out += "[" + String(repeating: " ", count: max(0, 20 - candidate.utf8.count)) + candidate + "]\t"
            if (index + 1) % 4 == 0 { out += "\n" }
        }
        out += "\n\n"
        if let write { out += "write=\(write.length):\(write.text)" }
        return out
    }

    /// The `console_complete_xml` body: one `<match>` per candidate, then `<write>` (always
    /// present, empty text when there is nothing to insert).
    public static func xmlBody(candidates: [String], write: CompletionWrite?, length: Int) -> String {
        var out = "<?xml version=\"1.0\"?>\n<complete>\n"
        for candidate in candidates { out += "  <match>\(XMLEscape.text(candidate))</match>\n" }
        out += "  <write length=\"\(length)\">\(XMLEscape.text(write?.text ?? ""))</write>\n</complete>\n"
        return out
    }

    /// Parses a reply body; any text parses (an unexpected body gives no candidates and no edit).
    public init(body: String) {
        let bytes = Array(body.utf8)
        let marker = Array("\n\nwrite=".utf8)
        var listing = bytes[...]
        write = nil
        if let start = Self.firstIndex(of: marker, in: bytes) {
            listing = bytes[..<start]
            display = String(decoding: listing, as: UTF8.self) + "\n\n\n"
            // fs_cli: atoi after `write=`, the text after the first `:`.
            let instruction = bytes[(start + marker.count)...]
            let digits = instruction.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if let colon = instruction.firstIndex(of: UInt8(ascii: ":")) {
                let length = Int(String(decoding: digits, as: UTF8.self)) ?? 0
                write = CompletionWrite(length: length, text: String(decoding: bytes[(colon + 1)...], as: UTF8.self))
            }
        } else {
            display = body + "\n"
        }
        candidates = Self.candidates(in: String(decoding: listing, as: UTF8.self))
    }

    /// The `[%20s]\t` cells, unpadded.
    private static func candidates(in listing: String) -> [String] {
        var result: [String] = []
        var rest = Substring(listing)
        while let open = rest.firstIndex(of: "[") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstRange(of: "]\t") else { break }
            let cell = rest[afterOpen..<close.lowerBound].drop { $0 == " " }
            result.append(String(cell))
            rest = rest[close.upperBound...]
        }
        return result
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
