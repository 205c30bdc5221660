import SwitchCatalog

/// What the non-call API commands remember between calls: mod_hash's table, the console aliases,
/// the core settings `fsctl` reads and writes, and the scheduler's tasks.
struct CommandState: Sendable {
    /// mod_hash: `realm` → `key` → value.
    var hash: [String: [String: String]] = [:]
    /// `alias add|stickyadd`, in the order they were added.
    var aliases: [Alias] = []
    /// The settings `fsctl` changes.
    var settings = CoreSettings()
    /// Scheduled tasks (`sched_api`, `sched_broadcast`), by id.
    var tasks: [ScheduledTask] = []
    /// The next task id (the core's own tasks hold the first few).
    var nextTaskID = 5
    /// `getcputime reset`: the CPU times counted from.
    var cpuTimeReset = (user: 0, kernel: 0)
    /// `sndfile_debug on|off`.
    var sndfileDebug = false
    /// mod_hash's limit backend: `realm_resource` → usage.
    var limits: [String: LimitUsage] = [:]
    /// mod_console's settings (`console loglevel|colorize|uuid|json`), a stock console.conf's.
    var console = ConsoleSettings()
    /// mod_db's `db_data`: `realm` → `key` → value (kept across an unload, as its database is).
    var database: [String: [String: String]] = [:]
    /// mod_db's `group_data`: group name → URLs in insertion order.
    var groups: [String: [String]] = [:]
    /// mod_fifo's `fifo debug` level.
    var fifoDebug = 0
    /// The console's completion table (`complete add|del`, `show complete`, tab completion).
    var completionRows: [[String]] = CompletionRows.standard

    struct Alias: Sendable {
        var sticky: Bool
        var name: String
        var command: String
    }
}

/// The core settings behind `fsctl` (switch_core_session_ctl), with a stock switch's defaults.
struct CoreSettings: Sendable {
    var logLevel = 7
    var minDTMFDuration = 400
    var maxDTMFDuration = 192_000
    var defaultDTMFDuration = 2000
    var debugLevel = 0
    var verboseEvents = false
    var apiExpansion = true
    var uuidVersion = 4
    var debugSQL = false
    /// `fsctl pause [inbound|outbound]`: no new sessions that way until `fsctl resume`.
    var pausedInbound = false
    var pausedOutbound = false
}

/// One scheduler task (`show tasks`).
struct ScheduledTask: Sendable {
    var id: Int
    var description: String
    var group: String
    var runtime: Int64
    /// Seconds between runs of a recurring task (`sched_api @N`); 0 runs once.
    var interval: Int64 = 0
    /// The API command line it runs when due; `nil` for a module's own housekeeping.
    var command: String?
    /// Deleted (`sched_del`, `unsched_api`, a module unload) or run: the scheduler's thread
    /// removes it, with its DEL_SCHEDULE, on its next pass.
    var destroyed = false
}

/// One resource of the `hash` limit backend.
struct LimitUsage: Sendable {
    var total = 0
    var rate = 0
    /// When the rate's interval last started (epoch seconds).
    var lastCheck: Int64 = 0
}

/// mod_console's switches.
struct ConsoleSettings: Sendable {
    var logLevel = 7
    var colorize = true
    var uuid = false
    var json = false
}
