/// The command line as given, before any file is read: nil (or false, or empty) means "not given".
///
/// Independent of ArgumentParser so the console and its tests see plain values. Spellings follow
/// fs_cli (`-H/--host`, `-P/--port`, …); the `fscli` executable fills this in.
public struct ConsoleOptions: Sendable, Equatable {
    /// Positional profile name.
    public var profile: String?
    /// `-H/--host`.
    public var host: String?
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
    /// `-x/--execute`, repeatable: API commands run in order, then exit.
    public var execute: [String] = []
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
    /// `--json`: one JSON object a line on stdout for each command (`-x`, batch).
    public var json: Bool = false

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
        if let mockTraffic, !(mockTraffic > 0 && mockTraffic <= 10_000) {
            throw SettingsError(.usage, "--mock-traffic must be more than 0 and at most 10000 calls a second, not \(mockTraffic)")
        }
    }
}
