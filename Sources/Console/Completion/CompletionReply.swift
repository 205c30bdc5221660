/// A parsed `console_complete` api/response body (esl-protocol.md §5.5, fs-cli-behaviour.md §13):
/// `"\n\n"`, each candidate as `[%20s]\t` (a `\n` after every 4th), `"\n\n"`, then optionally
/// `write=<len>:<text>`.
public struct CompletionReply: Sendable, Hashable {
    /// The candidates in the switch's order, without the padding.
    public var candidates: [String]
    /// The edit to apply to the line, if the switch sent one.
    public var write: CompletionWrite?
    /// What fs_cli prints: the text before `\n\nwrite=` followed by `\n\n\n`, or the whole body + `\n`.
    public var display: String

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
