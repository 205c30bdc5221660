/// One parsed fs_cli-style configuration file (`~/.fs_cli_conf`, `/etc/fs_cli.conf`, `fscli.conf`).
///
/// The format is libesl's `esl_config_next_pair()`:
/// - `[name]` at the start of a line opens a section (a profile); text after `]` is ignored.
/// - A line starting with `#` or `;` is a comment; `;;` starts a comment anywhere in a line.
/// - `__END__` at the start of a line ends the file.
/// - Pairs are `key => value` or `key = value`; blanks (spaces, tabs) around key and value are trimmed.
///
/// Where fscli is deliberately more forgiving than libesl (each is a silent misparse there):
/// comments may be indented, trailing blanks are trimmed from values, and `;;` is found even after a
/// lone `;`. Lines libesl would drop or misuse are kept out of ``sections`` and listed in ``problems``.
/// Parsing never fails: content problems are data, not errors.
public struct ConfigFile: Sendable, Equatable {
    /// One `key => value` line.
    public struct Entry: Sendable, Equatable {
        /// The key as written; fs_cli compares keys case-insensitively.
        public var key: String
        /// The value, blanks trimmed; may be empty.
        public var value: String
        /// The 1-based line it came from.
        public var line: Int

        /// Creates an entry.
        public init(key: String, value: String, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// A `[name]` section and the pairs under it, in file order.
    public struct Section: Sendable, Equatable {
        /// The name between the brackets.
        public var name: String
        /// The 1-based line of the `[name]` header.
        public var line: Int
        /// The pairs, in file order (a repeated key appears twice; the later one wins when applied).
        public var entries: [Entry]

        /// Creates a section.
        public init(name: String, line: Int, entries: [Entry] = []) {
            self.name = name
            self.line = line
            self.entries = entries
        }
    }

    /// The path the text was read from, used in problem reports.
    public var path: String
    /// The sections in file order; a repeated name appears twice.
    public var sections: [Section]
    /// Lines that were skipped, with the reason.
    public var problems: [ConfigProblem]

    /// Parses `text`, which was read from `path`.
    public init(parsing text: String, path: String) {
        self.path = path
        sections = []
        problems = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            if raw.hasPrefix("__END__") { break }
            read(line: raw, number: index + 1)
        }
    }

    private mutating func read(line raw: Substring, number: Int) {
        if raw.hasPrefix("[") {
            guard let close = raw.firstIndex(of: "]") else {
                report(number, "'\(raw)' has no closing ']'; the line is ignored")
                return
            }
            let name = raw[raw.index(after: raw.startIndex)..<close]
            if name.hasPrefix("+") {
                report(number, "'[\(name)]' is a libesl section, not a profile; the line is ignored")
            } else if name.trimmingBlanks.isEmpty {
                report(number, "'[]' names no profile; the line is ignored")
            } else {
                sections.append(Section(name: String(name), line: number))
            }
            return
        }
        var text = raw.trimmingBlanks
        if text.isEmpty || text.hasPrefix("#") || text.hasPrefix(";") { return }
        if let comment = text.firstRange(of: ";;") { text = text[..<comment.lowerBound].trimmingBlanks }
        guard let equals = text.firstIndex(of: "=") else {
            report(number, "'\(text)' is not 'key => value'; the line is ignored")
            return
        }
        let key = text[..<equals].trimmingBlanks
        var value = text[text.index(after: equals)...]
        if value.hasPrefix(">") { value = value.dropFirst() }
        guard !key.isEmpty else {
            report(number, "'\(text)' has no key before '='; the line is ignored")
            return
        }
        guard !sections.isEmpty else {
            // fs_cli writes such a line before its first profile (out of bounds); we refuse it.
            report(number, "'\(key)' comes before any [profile] line; the line is ignored")
            return
        }
        sections[sections.count - 1].entries.append(Entry(key: String(key), value: String(value.trimmingBlanks), line: number))
    }

    private mutating func report(_ line: Int, _ message: String) {
        problems.append(ConfigProblem(path: path, line: line, message: message))
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs: the only blanks libesl trims.
    var trimmingBlanks: Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return self[first...last]
    }
}
