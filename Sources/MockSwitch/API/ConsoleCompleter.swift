import SwitchCatalog

/// Tab completion as `console_complete` / `console_complete_xml` answer it (docs/api-output.md, "console_complete";
/// `switch_console_complete` + `comp_callback`; captures 09, 10, 43). Candidates come from the API
/// table and ``CompletionRows``; the quirks of the original (a LIKE prefix on every earlier word,
/// a common prefix that only shrinks at differing bytes) are kept on purpose.
struct ConsoleCompleter {
    let core: SwitchCore

    /// The candidates, the length of the text being completed, and what fs_cli should insert.
    struct Completion: Equatable {
        var matches: [String] = []
        var length = 0
        /// The last candidate (`h.last`).
        var last = ""
        /// The running common prefix (`h.partial`).
        var partial = ""
    }

    /// The `console_complete` body.
    func plain(_ argument: String) -> String {
        let completion = complete(argument)
        return CompletionReply.body(candidates: completion.matches, write: write(completion, singleSpace: true))
    }

    /// The `console_complete_xml` body.
    func xml(_ argument: String) -> String {
        let completion = complete(argument)
        return CompletionReply.xmlBody(candidates: completion.matches, write: write(completion, singleSpace: false), length: completion.length)
    }

    /// One match: it (and a space in the plain form); several: their running common prefix.
    private func write(_ completion: Completion, singleSpace: Bool) -> CompletionWrite? {
        if completion.matches.count == 1, !completion.last.isEmpty {
            return CompletionWrite(length: completion.length, text: completion.last + (singleSpace ? " " : ""))
        }
        if completion.matches.count > 1, !completion.partial.isEmpty {
            return CompletionWrite(length: completion.length, text: completion.partial)
        }
        return nil
    }

    /// Runs the algorithm on the API argument (`[c=<cursor>;]<line>`).
    func complete(_ argument: String) -> Completion {
        var line = Array((argument.isEmpty ? " " : argument).utf8)
        var cursor: Int?
        if let marker = find(Array("c=".utf8), in: line) {
            let digits = line[(marker + 2)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
            if let semicolon = line[(marker + 2)...].firstIndex(of: UInt8(ascii: ";")) {
                cursor = Int(String(decoding: digits, as: UTF8.self)) ?? 0
                line = Array(line[(semicolon + 1)...])
            }
        }
        if let cursor, cursor > 0, cursor < line.count { line = Array(line[..<cursor]) }
        if let end = line.firstIndex(of: 0x0D) ?? line.firstIndex(of: 0x0A) { line = Array(line[..<end]) }
        let leading = line.prefix { $0 == 0x20 }.count
        var trailing = 0
        while trailing < line.count - leading, line[line.count - 1 - trailing] == 0x20 { trailing += 1 }
        if trailing > 1 { line.removeLast(trailing - 1) }
        let dup = line
        let buf = Array(line[leading...])

        var words = 0
        var lastSpace: Int?
        var index = 0
        while index < buf.count {
            if buf[index] == 0x20 {
                lastSpace = index
                words += 1
                while index < buf.count, buf[index] == 0x20 { index += 1 }
                if index >= buf.count { break }
            }
            index += 1
        }
        let text = lastSpace.map { Array(buf[($0 + 1)...]) } ?? buf
        let cur: String? = lastSpace.map { position in
            let rest = buf[position...].drop { $0 == 0x20 }
            return rest.isEmpty ? nil : String(decoding: rest, as: UTF8.self)
        } ?? nil

        var completion = Completion(length: text.count)
        let prefix = String(decoding: text, as: UTF8.self)
        let apiNames = core.modules.apiCommands.map(\.name)
        if words == 0 {
            for name in Self.sortedDistinct(apiNames.filter { LikePattern.matches($0, prefix + "%") }) {
                add(name, to: &completion, cur: nil)
            }
        }
        let argv = String(decoding: dup, as: UTF8.self).words.prefix(10)
        let column = words
        var candidates: [String] = []
        for entry in core.completionRows {
            let cell = { (position: Int) in position < entry.count ? entry[position] : "" }
            if words == 0, apiNames.contains(cell(0)) { continue }
            let fits = argv.indices.allSatisfy { position in
                let value = cell(position)
                if value.hasPrefix("::") || value.isEmpty { return true }
                return words + 1 > argv.count ? value == argv[position] : LikePattern.matches(value, argv[position] + "%")
            }
            if fits { candidates.append(cell(column)) }
        }
        for target in Self.sortedDistinct(candidates) {
            add(target, to: &completion, cur: words == 0 ? nil : cur)
        }
        return completion
    }

    /// `comp_callback` for one value of the selected column.
    private func add(_ target: String, to completion: inout Completion, cur: String?) {
        if target.hasPrefix("::[") {
            for choice in target.dropFirst(3).split(separator: ":").map(String.init) where cur.map({ choice.hasPrefix($0) }) ?? true {
                add(choice, to: &completion, cur: nil)
            }
            return
        }
        if target.hasPrefix("::") {
            for value in expand(target, cur: cur) where cur.map({ value.hasPrefix($0) }) ?? true {
                add(value, to: &completion, cur: nil)
            }
            return
        }
        guard !target.isEmpty else { return }
        completion.matches.append(target)
        completion.last = target
        if completion.matches.count == 1 {
            completion.partial = target
        } else {
            let last = Array(target.utf8), partial = Array(completion.partial.utf8)
            if let differ = zip(last, partial).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                completion.partial = String(decoding: partial[..<differ], as: UTF8.self)
            }
        }
    }

    /// The live lists behind `::console::…` words.
    private func expand(_ function: String, cur: String?) -> [String] {
        switch function {
        case "::console::list_uuid":
            return core.channels.map(\.uuid).filter { cur.map($0.hasPrefix) ?? true }.sorted()
        case "::console::list_loaded_modules":
            return core.modules.modules.map(\.name).filter { $0.hasPrefix("mod_") }.sorted()
        case "::console::list_available_modules":
            return (SwitchModule.availableNames + core.optionalModules.map(\.name)).sorted()
        case "::sofia::list_profiles":
            // Every running profile's name and alias, as the profile hash holds them.
            let profiles = core.sofia.runningProfiles.map(\.name)
            let aliases = profiles.contains("internal") ? [APICommands.directory(core).domain] : []
            return (profiles + aliases).filter { cur.map($0.hasPrefix) ?? true }.sorted()
        default:
            return []
        }
    }

    private static func sortedDistinct(_ values: [String]) -> [String] {
        Array(Set(values)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
