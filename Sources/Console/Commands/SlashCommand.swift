import ESLProtocol

/// A parsed slash command (docs/fs_cli-differences.md, "Typed lines and slash commands", plus fscli's own /history,
/// /clear, /reconnect, /subs).
public enum SlashCommand: Sendable, Hashable {
    /// `/help`: list the slash commands; `/help <command>`: that command's usage and summary.
    case help(SlashCommandName?)
    /// `/exit`, `/quit`, `/bye`, `...`, `/...`: leave, even with -R; nothing is sent (fs_cli just closes).
    case exit
    /// `/event <arguments>`: sent verbatim as `event <arguments>`.
    case event(String)
    /// `/noevents`: sent as `noevents`.
    case noevents
    /// `/nixevent <names>`: sent verbatim as `nixevent <names>`.
    case nixevent(String)
    /// `/filter <arguments>`: sent verbatim as `filter <arguments>`.
    case filter(String)
    /// `/log [<level>]`: sent as `log <level>` (or `log`, which the switch takes as debug).
    case log(String?)
    /// `/nolog`: sent as `nolog`.
    case nolog
    /// `/uuid <uuid or prefix>`: a local display filter on the log lines' channel; `nil` clears it.
    case uuid(String?)
    /// `/logfilter <text or /regex/>`: a local display filter on log text; `nil` clears it.
    case logfilter(LogFilterPattern?)
    /// `/debug <0-7>`: the ESL library's debug level; `nil` shows it.
    case debug(Int?)
    /// `/view [compact|full|raw|json]`: how events are shown; `nil` shows the current view.
    case view(EventView?)
    /// `/history`: show the line history.
    case history
    /// `/clear`: clear the screen.
    case clear
    /// `/reconnect`: drop the connection and connect again.
    case reconnect
    /// `/subs`: show the session's subscriptions, event format, filters and log level.
    case subs
    /// `/find <text>`: page the pane back to the newest line containing `text` (again: the one
    /// before it); `nil` ends the search.
    case find(String?)
    /// `/pause`: hold the pane still; what arrives is kept and counted.
    case pause
    /// `/resume`: show what arrived while paused and follow the output again.
    case resume
    /// `/use <switch>` or `/use all`: where a fleet's commands go; `nil` lists the switches.
    case use(String?)
    /// `/record FILE` starts recording every frame received to FILE (docs/recording.md), `/record off`
    /// stops; `nil` says where it records, or that it does not.
    case record(Recording?)

    /// What `/record` was asked to do.
    public enum Recording: Sendable, Hashable {
        /// Record to this file (replacing it, and any recording already on).
        case file(String)
        /// Stop recording.
        case off
    }

    /// The ESL command the switch receives, exactly as fs_cli sends it (the text after the `/`);
    /// `nil` for commands the console handles itself.
    public var serverCommand: ESLCommand? {
        switch self {
        case .event(let arguments): ESLCommand(line: "event \(arguments)")
        case .noevents: ESLCommand(line: "noevents")
        case .nixevent(let arguments): ESLCommand(line: "nixevent \(arguments)")
        case .filter(let arguments): ESLCommand(line: "filter \(arguments)")
        case .log(let level): ESLCommand(line: level.map { "log \($0)" } ?? "log")
        case .nolog: ESLCommand(line: "nolog")
        case .help, .exit, .uuid, .logfilter, .debug, .view, .history, .clear, .reconnect, .subs, .find, .pause, .resume, .use, .record: nil
        }
    }
}
