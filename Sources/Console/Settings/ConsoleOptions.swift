/// The command line as given, before any file is read: nil (or false, or empty) means "not given".
///
/// Independent of ArgumentParser so the console and its tests see plain values. Spellings follow
/// fs_cli (`-H/--host`, `-P/--port`, …); the `fscli` executable fills this in.
public struct ConsoleOptions: Sendable, Equatable {
    /// Positional profile name.
    public var profile: String?
    /// `-H/--host`, repeatable: `[NAME=]HOST[:PORT]`; more than one makes a fleet.
    public var hosts: [String] = []
    /// `-P/--port`, 1–65535.
    public var port: Int?
    /// `-u/--user`: `user@domain`, which switches authentication to `userauth`.
    public var user: String?
    /// `-p/--password`: visible in `ps`, so `--password-file` or `FSCLI_PASSWORD` are better.
    public var password: String?
    /// `--password-file FILE`: the password is the file's first line.
    public var passwordFile: String?
    /// `-i/--interrupt`: Ctrl-C exits instead of printing a hint.
    public var interrupt: Bool = false
    /// `-x/--execute` and `-X/--bgapi`, repeatable: commands run in the order typed, then exit. A
    /// `-X` command is held as `bgapi <command>`, which runs as a background job, as a typed
    /// `bgapi` line does (``inTypedOrder(_:execute:background:)``).
    public var execute: [String] = []
    /// `--job-timeout`, milliseconds: bounds the wait for each background job's result.
    public var jobTimeout: Int?
    /// `-l/--loglevel`: sent as `log <level>`; also overrides a configured `quiet` (as fs_cli).
    public var logLevel: String?
    /// `-U/--log-uuid`.
    public var logUUID: Bool = false
    /// `-S/--log-uuid-short`.
    public var logUUIDShort: Bool = false
    /// `-q/--quiet`: no log stream.
    public var quiet: Bool = false
    /// `-r/--retry`: how many times it was given; each adds 120 connection attempts, 1 s apart.
    public var retry: Int = 0
    /// `-R/--reconnect`.
    public var reconnect: Bool = false
    /// `-d/--debug`: 0–7.
    public var debug: Int?
    /// `-b/--batchmode`.
    public var batchMode: Bool = false
    /// `-t/--timeout`, milliseconds; bounds every request (0: no bound).
    public var timeout: Int?
    /// `-T/--connect-timeout`, milliseconds (0: no bound).
    public var connectTimeout: Int?
    /// `-n/--no-color`: the same as `--color never`.
    public var noColor: Bool = false
    /// `--color auto|always|never`; wins over `-n` when both are given.
    public var color: ColorMode?
    /// `-s/--set-log-uuid`: start with this `/uuid` log filter.
    public var setLogUUID: String?
    /// `-Q/--no-history-file`.
    public var noHistoryFile: Bool = false
    /// `--no-pane`: print inline, without the split screen and its status line.
    public var noPane: Bool = false
    /// `--mock`: talk to a built-in simulated switch instead of connecting.
    public var mock: Bool = false
    /// `--mock-traffic N`: the built-in switch starts N simulated calls a second (implies `--mock`).
    public var mockTraffic: Double?
    /// `--json`: one JSON object a line on stdout for each command (`-x`, batch), log line and event (`--follow`).
    public var json: Bool = false
    /// `--follow`: stream log lines and events to stdout until SIGINT or SIGTERM.
    public var follow: Bool = false
    /// `--events NAMES`: with `--follow`, the events to stream (comma- or space-separated).
    public var events: String?
    /// `--events-json`: a batch session prints events and log lines as JSON records, nothing else, on stdout.
    public var eventsJSON: Bool = false
    /// `--record FILE`: write every frame received, with its arrival time, to FILE (docs/recording.md).
    public var record: String?

    /// Nothing given.
    public init() {}

    /// Checks ranges the argument parser cannot; each message is one line naming the option.
    public func validate() throws(SettingsError) {
        if let port, !(1...65535).contains(port) {
            throw SettingsError(.usage, "-P/--port must be 1-65535, not \(port)")
        }
        if let debug, !(0...7).contains(debug) {
            throw SettingsError(.usage, "-d/--debug must be 0-7, not \(debug)")
        }
        if let timeout, timeout < 0 {
            throw SettingsError(.usage, "-t/--timeout must be 0 or more milliseconds, not \(timeout)")
        }
        if let connectTimeout, connectTimeout < 0 {
            throw SettingsError(.usage, "-T/--connect-timeout must be 0 or more milliseconds, not \(connectTimeout)")
        }
        if password != nil, passwordFile != nil {
            throw SettingsError(.usage, "-p/--password and --password-file cannot both be given")
        }
        if let jobTimeout, jobTimeout < 1 {
            throw SettingsError(.usage, "--job-timeout must be 1 or more milliseconds, not \(jobTimeout)")
        }
        if follow, !execute.isEmpty {
            throw SettingsError(.usage, "--follow streams until stopped; it cannot be combined with -x")
        }
        if events != nil, !follow {
            throw SettingsError(.usage, "--events names the events --follow streams; give --follow too")
        }
        if let events, Self.eventNames(events).isEmpty {
            throw SettingsError(.usage, "--events needs at least one event name")
        }
        if eventsJSON, follow || json || !execute.isEmpty {
            throw SettingsError(.usage, "--events-json is for batch mode; -x and --json print no events, and --follow takes --json")
        }
        if let record, record.isEmpty {
            throw SettingsError(.usage, "--record needs a file name")
        }
        if let mockTraffic, !(mockTraffic > 0 && mockTraffic <= 10_000) {
            throw SettingsError(.usage, "--mock-traffic must be more than 0 and at most 10000 calls a second, not \(mockTraffic)")
        }
    }

    /// The names in an `--events` value: separated by commas or blanks.
    static func eventNames(_ value: String) -> [String] {
        value.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
    }

    /// The `-x` and `-X` commands in the order they were typed, `-X` ones as `bgapi <command>`.
    ///
    /// ArgumentParser keeps each option's values in order but not the order between two options,
    /// so the typed order is read back from the arguments: each `-x`, `--execute`, `-X` and
    /// `--bgapi` (also `--execute=…`, `--bgapi=…`) in turn, up to `--`. A spelling this scan does
    /// not follow (combined short options such as `-qx`) makes the counts disagree; then the `-x`
    /// commands come first, as the only order that can still be known.
    public static func inTypedOrder(_ arguments: [String], execute: [String], background: [String]) -> [String] {
        let jobs = background.map { "bgapi " + $0 }
        var isJob: [Bool] = []
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let word = arguments[index]
            index += 1
            switch word {
            case "-x", "--execute": isJob.append(false); index += 1
            case "-X", "--bgapi": isJob.append(true); index += 1
            default:
                if word.hasPrefix("--execute=") { isJob.append(false) }
                if word.hasPrefix("--bgapi=") { isJob.append(true) }
            }
        }
        guard isJob.filter({ !$0 }).count == execute.count, isJob.filter({ $0 }).count == jobs.count else {
            return execute + jobs
        }
        var nextCommand = execute.makeIterator()
        var nextJob = jobs.makeIterator()
        return isJob.compactMap { $0 ? nextJob.next() : nextCommand.next() }
    }
}
