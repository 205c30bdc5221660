/// The words that name slash commands (without the `/`), with their usage and a one-line summary
/// for `/help` and completion. Matched as whole words, any case (docs/architecture.md, "Whole-word slash commands").
public enum SlashCommandName: String, Sendable, Hashable, CaseIterable {
    case help, exit, quit, bye
    case event, noevents, nixevent, filter, log, nolog
    case uuid, logfilter, debug, view
    case history, clear, reconnect, subs
    case find, pause, resume
    case use
    case record

    /// The word as typed: `/event`.
    public var word: String { "/" + rawValue }

    /// The arguments, as shown by `/help` (empty when there are none).
    public var arguments: String {
        switch self {
        case .exit, .quit, .bye, .noevents, .nolog, .history, .clear, .reconnect, .subs, .pause, .resume: ""
        case .help: "[<command>]"
        case .find: "[<text>]"
        case .use: "[<switch> | all]"
        case .event: "[plain|json|xml] <event names…>"
        case .nixevent: "<event names…>"
        case .filter: "<header> <value> | delete <header> [<value>] | delete all"
        case .log: "[<level>]"
        case .uuid: "[<uuid or prefix>]"
        case .logfilter: "[<text> | /<regex>/]"
        case .debug: "[0-7]"
        case .view: "[\(EventView.choices)]"
        case .record: "[<file> | off]"
        }
    }

    /// What the command does, in one line.
    public var summary: String {
        switch self {
        case .help: "show this list, or one command's usage"
        case .exit, .quit, .bye: "leave the console (also with -R)"
        case .event: "subscribe to events"
        case .noevents: "stop all event subscriptions"
        case .nixevent: "unsubscribe from events"
        case .filter: "add or delete an event filter"
        case .log: "receive logs at this level (default debug)"
        case .nolog: "stop receiving logs"
        case .uuid: "show only log lines of this channel; alone: show all"
        case .logfilter: "show only log lines containing the text or matching the regex; alone: show all"
        case .debug: "set the ESL library debug level"
        case .view: "show events as one line each, every header, or the wire text"
        case .history: "show the command history"
        case .clear: "clear the screen"
        case .reconnect: "drop the connection and connect again"
        case .subs: "show this session's subscriptions, event format, filters and log level"
        case .find: "page back to the newest line containing the text; again: the one before; alone: stop"
        case .pause: "hold the output still (nothing is lost: it is kept and counted)"
        case .resume: "show what arrived while paused and follow the output again"
        case .use: "with several switches: send commands to one of them, or to all; alone: list them"
        case .record: "record every frame received to a file (.gz: compressed); off: stop; alone: where"
        }
    }

    /// The usage line: `/filter <header> <value> | …`.
    public var usage: String {
        arguments.isEmpty ? word : "\(word) \(arguments)"
    }

    /// The name typed as `word` (with or without `/`, any case), matched as a whole word; `nil` otherwise.
    public init?(word: String) {
        let bare = word.hasPrefix("/") ? String(word.dropFirst()) : word
        guard let name = SlashCommandName(rawValue: bare.lowercased()) else { return nil }
        self = name
    }
}
