/// Every setting the console runs with, after merging command line, profile, `[default]` and built-ins.
///
/// The initial values are the built-ins: fs_cli's defaults, except where fs_cli's were defects
/// (no connect timeout, colour only on the banner).
public struct ConsoleSettings: Sendable, Equatable {
    /// fscli's connect timeout when none is configured; fs_cli has none and hangs on a silent server.
    public static let defaultConnectTimeout: Duration = .seconds(5)

    /// The chosen profile's name (the prompt's `%p`).
    public var profileName: String
    /// Switch address (`host`, `-H`).
    public var host = "127.0.0.1"
    /// Event socket port (`port`, `-P`); also the port of a fleet's switches that name none.
    public var port = 8021
    /// The switches of a fleet (`-H` more than once, `hosts =` with more than one entry), in the
    /// order given; empty for one switch, which is ``host`` and ``port``.
    public var fleet: [SwitchTarget] = []
    /// `user@domain` for `userauth`; nil uses plain `auth` (`user`, `-u`).
    public var user: String?
    /// The event socket password (`password`, `-p`, `--password-file`, `FSCLI_PASSWORD`).
    public var password = "ClueCon"
    /// Client debug output level, 0–7 (`debug`, `-d`).
    public var debugLevel = 0
    /// Level sent as `log <level>` on connect; nil sends fs_cli's bare `log` (`loglevel`, `-l`).
    public var logLevel: String?
    /// Do not subscribe to logs (`quiet`, `-q`).
    public var quiet = false
    /// Prefix log lines with their call UUID (`log-uuid`, `-U`).
    public var logUUID = false
    /// Prefix with the first 8 characters of the UUID (`log-uuid-short`, `-S`).
    public var logUUIDShort = false
    /// With a prefix on, its length, 0 meaning all (`log-uuid-length`, config only).
    public var logUUIDLength: Int?
    /// A `/uuid` log filter to start with (`-s`).
    public var initialUUIDFilter: String?
    /// Prompt template with fs_cli's `%` escapes; nil for `freeswitch@<switchname>` (`prompt-string`).
    public var promptString: String?
    /// Colour of the prompt (`prompt-color`); nil is the terminal's default.
    public var promptColor: TerminalColor?
    /// Colour of typed text (`input-text-color`).
    public var inputTextColor: TerminalColor?
    /// Colour of command output (`output-text-color`).
    public var outputTextColor: TerminalColor?
    /// F1–F12 macros (`key_F1`…, `key_toggle_F1`…).
    public var functionKeys = FunctionKeys()
    /// Bound on connecting and authenticating; nil waits forever (`connect-timeout`, `-T`; 0 means nil).
    public var connectTimeout: Duration? = ConsoleSettings.defaultConnectTimeout
    /// Bound on every request; nil waits forever (`timeout`, `-t`; 0 means nil).
    public var requestTimeout: Duration?
    /// Neither load nor save history (`no-history-file`, `-Q`).
    public var noHistoryFile = false
    /// Inline printing instead of the split screen (log pane, status line, input line) (`no-pane`, `--no-pane`).
    public var noPane = false
    /// Plain line reading, no editing or colour (`batchmode`, `-b`).
    public var batchMode = false
    /// Connection attempts in all, 1 s apart: 1, plus 120 per `-r` (`retry` in config counts as one `-r`).
    public var connectAttempts = 1
    /// Reconnect when the switch goes away (`reconnect`, `-R`).
    public var reconnect = false
    /// Ctrl-C exits (`interrupt`, `-i`).
    public var interruptExits = false
    /// When to colour output (`color`, `--color`, `-n`, `no-color`).
    public var colorMode = ColorMode.auto
    /// API commands to run, in order, then exit (`-x`); empty for a session.
    public var commands: [String] = []
    /// Print one JSON object a line for each command (`--json`); batch lines then run as `-x` commands do.
    public var json = false
    /// Bound on each background job's wait for its result (`--job-timeout`); nil: the request bound.
    public var jobTimeout: Duration?
    /// Stream log lines and events to stdout until a signal (`--follow`).
    public var follow = false
    /// The events `--follow` subscribes to (`--events`); none when empty.
    public var followEvents: [String] = []
    /// Events and log lines as ``FollowRecord`` JSON lines on stdout, whatever `/view` says, and the
    /// session's other output (replies, messages) on stderr (`--events-json`; batch mode only).
    public var eventsJSON = false
    /// Whether standard output is a terminal: not a setting anyone configures, but a fact the runner
    /// fills in (``ConsoleRunner``), so that what follows from it (``losesNothing``) is decided from
    /// settings alone.
    public var stdoutIsTerminal = true
    /// Record every frame received to this file (`--record`); nil: no recording at start.
    public var recordPath: String?
    /// Talk to the built-in simulated switch (`--mock`).
    public var useMock = false
    /// Simulated calls a second on the built-in switch (`--mock-traffic`, `mock-traffic`); nil: none.
    public var mockTraffic: Double?
    /// Extensions the built-in switch adds to its dialplan (`mock-extension`, repeatable):
    /// `NUMBER=APP[:ARGS],APP[:ARGS]…`, as `fscli mock --extension`.
    public var mockExtensions: [String] = []

    /// The built-ins, for a profile of this name.
    public init(profileName: String) {
        self.profileName = profileName
    }

    /// Whether the console talks to several switches at once.
    public var isFleet: Bool { fleet.count > 1 }

    /// Every switch to talk to, each with its port: the fleet, else the one switch (named by its host).
    public var switches: [SwitchTarget] {
        guard isFleet else { return [SwitchTarget(name: host, host: host, port: port)] }
        return fleet.map { SwitchTarget(name: $0.name, host: $0.host, port: $0.port ?? port) }
    }

    /// These settings narrowed to one switch of the fleet: its host and port, every other setting
    /// (login, timeouts, reconnect, …) shared.
    public func single(_ target: SwitchTarget) -> ConsoleSettings {
        var settings = self
        settings.host = target.host
        settings.port = target.port ?? port
        settings.fleet = []
        return settings
    }

    /// Sets the switches from a list of entries: one entry is the single switch (``host``, and
    /// ``port`` when it names one), more make a fleet.
    mutating func setSwitches(_ targets: [SwitchTarget]) {
        if targets.count == 1, let target = targets.first {
            host = target.host
            if let port = target.port { self.port = port }
            fleet = []
        } else {
            fleet = targets
        }
    }

    /// How many characters of the UUID to prefix log lines with: nil for none, 0 for all of it.
    ///
    /// An explicit `log-uuid-length` beats `-S`'s 8, which beats `-U`'s whole UUID (fs_cli's order).
    public var logUUIDPrefixLength: Int? {
        guard logUUID || logUUIDShort else { return nil }
        if let logUUIDLength { return logUUIDLength }
        return logUUIDShort ? 8 : 0
    }
}
