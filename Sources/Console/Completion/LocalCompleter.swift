import SwitchCatalog
import ESLProtocol

/// Completion the console does itself: slash commands and their arguments (event names, log
/// levels, header names seen in events, channel UUIDs), channel UUIDs after `uuid_*` commands and
/// profile names after `sofia … profile`; and the offline fallback from ``APICommand/standard``.
public struct LocalCompleter: Sendable {
    /// Header names seen in events, for `/filter`.
    public var headerNames: [String]
    /// Channel UUIDs, for `uuid_*` commands, `/uuid` and `/filter Unique-ID`.
    public var channelUUIDs: [String]
    /// SIP profile names, for `sofia … profile <name>`.
    public var profileNames: [String]

    /// Creates a completer over the caller's live lists (deduplicated and sorted).
    public init(headerNames: some Sequence<String> = [String](), channelUUIDs: some Sequence<String> = [String](), profileNames: some Sequence<String> = [String]()) {
        self.headerNames = Set(headerNames).sorted()
        self.channelUUIDs = Set(channelUUIDs).sorted()
        self.profileNames = Set(profileNames).sorted()
    }

    /// Completes `line` at byte offset `cursor` if the console knows the answer: every slash line,
    /// the first argument of `uuid_*` commands, and `sofia … profile <name>`. `nil` means: ask the
    /// switch (`console_complete`), and use ``fallback(line:cursor:)`` if it cannot answer.
    public func complete(line: String, cursor: Int) -> LocalCompletion? {
        let context = CompletionContext(line: line, cursor: cursor)
        let first = context.words.first ?? context.current
        if first.hasPrefix("/") { return slashCompletion(context) }
        let command = first.lowercased()
        let hint = APICommand.standard(named: command)?.usage
        if command.hasPrefix("uuid_"), context.index == 1 {
            return context.completion(among: channelUUIDs, hint: hint)
        }
        if command == "sofia", context.index >= 2, context.words.last?.lowercased() == "profile" {
            return context.completion(among: profileNames, hint: hint)
        }
        return nil
    }

    /// Completion when the switch cannot complete: the console's own cases, else the first word from
    /// the built-in API command list, with the usage of the command under the cursor.
    public func fallback(line: String, cursor: Int) -> LocalCompletion {
        if let local = complete(line: line, cursor: cursor) { return local }
        let context = CompletionContext(line: line, cursor: cursor)
        guard context.index == 0 else {
            let hint = APICommand.standard(named: context.words[0])?.usage
            return LocalCompletion(candidates: [], write: nil, hint: hint)
        }
        var result = context.completion(among: APICommand.standard.map(\.name), hint: nil)
        let named = result.candidates.count == 1 ? result.candidates[0] : context.current
        result.hint = APICommand.standard(named: named)?.usage
        return result
    }

    private func slashCompletion(_ context: CompletionContext) -> LocalCompletion {
        guard context.index > 0 else {
            let completion = context.completion(among: SlashCommandName.allCases.map(\.word), hint: nil)
            let named = completion.candidates.count == 1 ? completion.candidates[0] : context.current
            return LocalCompletion(candidates: completion.candidates, write: completion.write, hint: SlashCommandName(word: named)?.usage)
        }
        guard let name = SlashCommandName(word: context.words[0]) else {
            return LocalCompletion(candidates: [], write: nil, hint: nil)
        }
        let choices: [String]
        switch name {
        case .event:
            choices = context.index == 1 ? Self.eventFormats + Self.eventNames : Self.eventNames
        case .nixevent:
            choices = Self.eventNames
        case .log:
            choices = context.index == 1 ? Self.logLevels : []
        case .filter:
            choices = filterChoices(context)
        case .uuid:
            choices = context.index == 1 ? channelUUIDs : []
        case .view:
            choices = context.index == 1 ? EventView.allCases.map(\.rawValue) : []
        case .record:
            // A file name is the user's to type; the one fixed word is `off`.
            choices = context.index == 1 ? ["off"] : []
        case .help, .exit, .quit, .bye, .noevents, .nolog, .logfilter, .debug, .history, .clear, .reconnect, .subs, .find, .pause, .resume, .use:
            // A fleet completes /use's switch names itself (FleetSession.complete).
            choices = []
        }
        return context.completion(among: choices, hint: name.usage)
    }

    private func filterChoices(_ context: CompletionContext) -> [String] {
        switch context.index {
        case 1:
            return ["delete"] + headerNames
        case 2 where context.words[1].lowercased() == "delete":
            return ["all"] + headerNames
        case 2 where Self.uuidHeaders.contains(context.words[1].lowercased()):
            return channelUUIDs
        case 3 where context.words[1].lowercased() == "delete" && Self.uuidHeaders.contains(context.words[2].lowercased()):
            return channelUUIDs
        default:
            return []
        }
    }

    private static let uuidHeaders: Set<String> = ["unique-id", "channel-call-uuid", "other-leg-unique-id", "job-uuid"]
    static let eventFormats = ["plain", "json", "xml"]
    static let eventNames = ([ESLEventName.allKeyword] + ESLEventName.all).sorted()
    static let logLevels = ESLLogLevel.allCases.filter { $0 != .disable }.map { $0.name.lowercased() }
}
