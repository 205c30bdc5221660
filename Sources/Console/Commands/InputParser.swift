/// Turns a line typed at the prompt into a ``ConsoleInput``
/// (docs/fs_cli-differences.md, "Typed lines and slash commands").
///
/// Unlike fs_cli, slash commands are matched as whole words (docs/architecture.md, "Whole-word slash commands"):
/// `/eventfoo` is not `/event`, and `/log` is not `/logfilter`; an unknown word gets a suggestion by edit distance.
public enum InputParser {
    /// Parses one line (without its line end).
    public static func parse(_ line: String) -> ConsoleInput {
        let text = trimmingLeadingBlanks(line.filter { $0 != "\r" && $0 != "\n" })
        guard !text.allSatisfy(isBlank) else { return .empty }
        let (word, rest) = splitFirstWord(text)
        if word.hasPrefix("/") || word.hasPrefix("...") {
            return parseSlash(word: word, arguments: trimmingTrailingBlanks(trimmingLeadingBlanks(rest)))
        }
        let lowered = word.lowercased()
        if lowered == "bgapi" {
            let command = trimmingTrailingBlanks(trimmingLeadingBlanks(rest))
            return command.isEmpty ? .error("usage: bgapi <command> [<arguments>]") : .bgapi(command)
        }
        if lowered == "console" {
            let (second, level) = splitFirstWord(trimmingLeadingBlanks(rest))
            let levelWord = trimmingTrailingBlanks(trimmingLeadingBlanks(level))
            if second.lowercased() == "loglevel", !levelWord.isEmpty {
                return .consoleLogLevel(level: levelWord, line: text)
            }
        }
        return .api(text)
    }

    private static func parseSlash(word: String, arguments: String) -> ConsoleInput {
        if word == "..." || word == "/..." {
            return arguments.isEmpty ? .slash(.exit) : .error("\(word) takes no arguments")
        }
        guard let name = SlashCommandName(word: word) else {
            return .error(unknownCommandMessage(word))
        }
        let argument: String? = arguments.isEmpty ? nil : arguments
        func noArguments(_ command: SlashCommand) -> ConsoleInput {
            argument == nil ? .slash(command) : .error("\(name.word) takes no arguments")
        }
        func required(_ make: (String) -> SlashCommand) -> ConsoleInput {
            argument.map { .slash(make($0)) } ?? .error("usage: \(name.usage)")
        }
        switch name {
        case .help:
            guard let argument else { return .slash(.help(nil)) }
            guard let topic = SlashCommandName(word: argument) else { return .error(unknownCommandMessage(argument.hasPrefix("/") ? argument : "/" + argument)) }
            return .slash(.help(topic))
        case .exit, .quit, .bye: return .slash(.exit)
        case .event:
            guard let argument else { return .error("usage: \(name.usage)") }
            if let problem = EventNameCheck.problem(inEventArguments: argument) { return .error("/event: " + problem) }
            return .slash(.event(argument))
        case .noevents: return noArguments(.noevents)
        case .nixevent: return required(SlashCommand.nixevent)
        case .filter: return required(SlashCommand.filter)
        case .log: return .slash(.log(argument))
        case .nolog: return noArguments(.nolog)
        case .uuid: return .slash(.uuid(argument))
        case .logfilter:
            guard let argument else { return .slash(.logfilter(nil)) }
            do {
                return .slash(.logfilter(try LogFilterPattern(argument: argument)))
            } catch {
                return .error("/logfilter: invalid regular expression \(argument): \(error)")
            }
        case .debug:
            guard let argument else { return .slash(.debug(nil)) }
            guard let level = Int(argument), (0...7).contains(level) else {
                return .error("/debug: the level must be 0 - 7")
            }
            return .slash(.debug(level))
        case .view:
            guard let argument else { return .slash(.view(nil)) }
            guard let view = EventView(rawValue: argument.lowercased()) else {
                return .error("/view: the view must be one of \(EventView.choices)")
            }
            return .slash(.view(view))
        case .history: return noArguments(.history)
        case .clear: return noArguments(.clear)
        case .reconnect: return noArguments(.reconnect)
        case .subs: return noArguments(.subs)
        case .find: return .slash(.find(argument))
        case .pause: return noArguments(.pause)
        case .resume: return noArguments(.resume)
        case .use: return .slash(.use(argument))
        case .record:
            guard let argument else { return .slash(.record(nil)) }
            // A file named `off` is `./off`.
            return .slash(.record(argument.lowercased() == "off" ? .off : .file(argument)))
        }
    }

    /// "unknown command /evnt; did you mean /event?" (or a pointer to /help).
    static func unknownCommandMessage(_ word: String) -> String {
        if let suggestion = suggestion(for: word) {
            return "unknown command \(word); did you mean \(suggestion.word)?"
        }
        return "unknown command \(word); type /help for the list"
    }

    /// The slash command a mistyped word most likely meant: the closest name by edit distance
    /// (at most 2), or a name the word starts with or that starts with the word.
    static func suggestion(for word: String) -> SlashCommandName? {
        let typed = (word.hasPrefix("/") ? String(word.dropFirst()) : word).lowercased()
        guard !typed.isEmpty else { return nil }
        var best: (name: SlashCommandName, distance: Int)?
        for name in SlashCommandName.allCases {
            let distance = editDistance(typed, name.rawValue)
            let related = typed.hasPrefix(name.rawValue) || name.rawValue.hasPrefix(typed)
            guard distance <= 2 || related else { continue }
            if best == nil || distance < best!.distance { best = (name, distance) }
        }
        return best?.name
    }

    static func isBlank(_ character: Character) -> Bool { character == " " || character == "\t" }

    static func trimmingLeadingBlanks(_ text: String) -> String {
        String(text.drop(while: isBlank))
    }

    static func trimmingTrailingBlanks(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, isBlank(last) { text = text.dropLast() }
        return String(text)
    }

    /// The first word and everything after it (starting at the separating blank).
    static func splitFirstWord(_ text: String) -> (word: String, rest: String) {
        let word = text.prefix { !isBlank($0) }
        return (String(word), String(text[word.endIndex...]))
    }
}
