import ArgumentParser
import Console
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MockSwitch

/// `fscli`: the FreeSWITCH event socket console.
///
/// Options keep fs_cli's short and long spellings (docs/fs_cli-differences.md, "Options") so muscle memory and
/// scripts carry over.
struct FscliCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fscli",
        abstract: "A console for FreeSWITCH's event socket (mod_event_socket).",
        // The console needs no subcommand; `mock` is the one there is.
        usage: """
            fscli [<options>] [<profile>]
            fscli -x <command> [-X <command> ...] [--json] [<options>] [<profile>]
            fscli --follow [-l <loglevel>] [--events <names>] [--json] [--record <file>] [<options>] [<profile>]
            fscli mock [<mock options>]
            """,
        discussion: """
            Settings come from the command line, then the chosen profile, then [default], then built-ins. \
            Files: ~/.fs_cli_conf (else /etc/fs_cli.conf), then $XDG_CONFIG_HOME/fscli/fscli.conf, whose keys win \
            for a profile in both. Password: -p or --password-file, else FSCLI_PASSWORD, else the profile.

            Exit status: 0 success; 1 a command answered -ERR or failed; 2 usage error; \
            255 could not connect or authenticate, or lost the connection; 254 a request or a job timed out \
            (255 and 254 as fs_cli).
            """,
        version: FscliVersion.current,
        subcommands: [MockCommand.self]
    )

    @Argument(help: "Profile from the configuration files (default: [default], else the first).")
    var profile: String?

    @Option(name: [.customShort("H"), .customLong("host")], help: ArgumentHelp(
        "Switch address (default 127.0.0.1); repeat for a fleet of switches, each named NAME or as written.",
        valueName: "[name=]host[:port]"))
    var host: [String] = []

    @Option(name: [.customShort("P"), .customLong("port")], help: "Event socket port, 1-65535 (default 8021).")
    var port: Int?

    @Option(name: [.customShort("u"), .customLong("user")], help: ArgumentHelp("Log in with userauth as this user.", valueName: "user@domain"))
    var user: String?

    @Option(name: [.customShort("p"), .customLong("password")], help: "Password (visible in ps; prefer --password-file or FSCLI_PASSWORD).")
    var password: String?

    @Option(name: .customLong("password-file"), help: ArgumentHelp("Read the password from the first line of FILE.", valueName: "FILE"))
    var passwordFile: String?

    @Flag(name: [.customShort("i"), .customLong("interrupt")], help: "Let Ctrl-C exit.")
    var interrupt = false

    @Option(name: [.customShort("x"), .customLong("execute")], help: ArgumentHelp("Run an API command and exit (repeatable, run in order).", valueName: "command"))
    var execute: [String] = []

    @Option(name: [.customShort("X"), .customLong("bgapi")], help: ArgumentHelp("Run an API command as a background job, print its output when the job reports, and exit (repeatable, run in order with -x).", valueName: "command"))
    var background: [String] = []

    @Option(name: .customLong("job-timeout"), help: ArgumentHelp("Bound the wait for each background job's result (-X, bgapi); expiry exits 254.", valueName: "ms"))
    var jobTimeout: Int?

    @Option(name: [.customShort("l"), .customLong("loglevel")], help: "Log level to subscribe to.")
    var loglevel: String?

    @Flag(name: [.customShort("U"), .customLong("log-uuid")], help: "Prefix log lines with their call UUID.")
    var logUUID = false

    @Flag(name: [.customShort("S"), .customLong("log-uuid-short")], help: "Prefix log lines with the UUID's first 8 characters.")
    var logUUIDShort = false

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Do not subscribe to logs.")
    var quiet = false

    @Flag(name: [.customShort("r"), .customLong("retry")], help: "Retry connecting 120 times, 1 s apart (repeatable).")
    var retry: Int

    @Flag(name: [.customShort("R"), .customLong("reconnect")], help: "Reconnect when the connection is lost.")
    var reconnect = false

    @Option(name: [.customShort("d"), .customLong("debug")], help: "Client debug level, 0-7.")
    var debug: Int?

    @Flag(name: [.customShort("b"), .customLong("batchmode")], help: "Read commands as plain lines: no editing, no colour.")
    var batchmode = false

    @Option(name: [.customShort("t"), .customLong("timeout")], help: ArgumentHelp("Bound every request (0: none).", valueName: "ms"))
    var timeout: Int?

    @Option(name: [.customShort("T"), .customLong("connect-timeout")], help: ArgumentHelp("Bound connecting and logging in (0: none; default 5000).", valueName: "ms"))
    var connectTimeout: Int?

    @Flag(name: [.customShort("n"), .customLong("no-color")], help: "No colour (same as --color never).")
    var noColor = false

    @Option(name: .customLong("color"), help: ArgumentHelp("When to colour output.", valueName: "auto|always|never"))
    var color: ColorMode?

    @Option(name: [.customShort("s"), .customLong("set-log-uuid")], help: ArgumentHelp("Show only logs for this call.", valueName: "uuid"))
    var setLogUUID: String?

    @Flag(name: [.customShort("Q"), .customLong("no-history-file")], help: "Neither load nor save command history.")
    var noHistoryFile = false

    @Flag(name: .customLong("no-pane"), help: "Print inline: no split screen with a log pane and status line.")
    var noPane = false

    @Flag(name: .customLong("mock"), help: "Talk to a built-in simulated switch.")
    var mock = false

    @Option(name: .customLong("mock-traffic"), help: ArgumentHelp("With --mock (implied): simulated calls to start each second on the built-in switch.", valueName: "N"))
    var mockTraffic: Double?

    @Flag(name: .customLong("json"), help: "With -x, -b or --follow: print one JSON object a line for each command, log line or event.")
    var json = false

    @Flag(name: .customLong("follow"), help: "Stream log lines and events to stdout until SIGINT or SIGTERM (no prompt, stdin unread).")
    var follow = false

    @Option(name: .customLong("events"), help: ArgumentHelp("With --follow: the events to stream, comma-separated (e.g. CHANNEL_CREATE,CHANNEL_HANGUP or ALL).", valueName: "NAMES"))
    var events: String?

    @Flag(name: .customLong("events-json"), help: "In batch mode: print events and log lines as JSON objects, one a line, whatever /view says; other output goes to stderr.")
    var eventsJSON = false
    @Option(name: .customLong("record"), help: ArgumentHelp("Write every frame received, with its arrival time, to FILE (gzip if it ends in .gz); fscli mock --replay plays it back.", valueName: "FILE"))
    var record: String?

    @Flag(name: .customLong("list-profiles"), help: "List the configured profiles and the files they come from, then exit.")
    var listProfiles = false

    /// The parsed values as the console sees them.
    var options: ConsoleOptions {
        var options = ConsoleOptions()
        options.profile = profile
        options.hosts = host
        options.port = port
        options.user = user
        options.password = password
        options.passwordFile = passwordFile
        options.interrupt = interrupt
        options.execute = ConsoleOptions.inTypedOrder(Self.typedArguments, execute: execute, background: background)
        options.jobTimeout = jobTimeout
        options.logLevel = loglevel
        options.logUUID = logUUID
        options.logUUIDShort = logUUIDShort
        options.quiet = quiet
        options.retry = retry
        options.reconnect = reconnect
        options.debug = debug
        options.batchMode = batchmode
        options.timeout = timeout
        options.connectTimeout = connectTimeout
        options.noColor = noColor
        options.color = color
        options.setLogUUID = setLogUUID
        options.noHistoryFile = noHistoryFile
        options.noPane = noPane
        options.mock = mock
        options.mockTraffic = mockTraffic
        options.json = json
        options.follow = follow
        options.events = events
        options.eventsJSON = eventsJSON
        options.record = record
        return options
    }

    /// The arguments as typed, which ``options`` reads the order of `-x` and `-X` from; set by
    /// `main()` before parsing (empty in tests that parse on their own: `-x` commands first).
    nonisolated(unsafe) static var typedArguments: [String] = []

    func validate() throws {
        if background.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("-X/--bgapi needs a command")
        }
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let environment = SettingsEnvironment.process
        let resolver = SettingsResolver(environment: environment)
        if listProfiles {
            let catalog = resolver.catalog()
            report(catalog.problems)
            if catalog.profiles.isEmpty {
                Self.printError("no profiles; looked for \(catalog.searchedPaths.joined(separator: ", "))")
            }
            for line in catalog.listing { print(line) }
            return
        }
        let status = await Self.runConsole(options)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// The runner for `options`, its settings resolved (problems printed), or the exit status of a
    /// resolution that failed.
    static func consoleRunner(_ options: ConsoleOptions) -> Result<ConsoleRunner, ExitStatusFailure> {
        let environment = SettingsEnvironment.process
        let resolved: ResolvedSettings
        do {
            resolved = try SettingsResolver(environment: environment).resolve(options)
        } catch {
            printError(error.message)
            return .failure(ExitStatusFailure(status: error.exitStatus))
        }
        for problem in resolved.problems { printError("\(problem)") }
        return .success(ConsoleRunner(settings: resolved.settings, environment: environment.variables,
                                      warnings: resolved.problems.map { "\($0)" }))
    }

    /// Resolves the settings for `options` and runs the console (with the embedded switch for
    /// `--mock`); shared by `run()` and the quick `-x` path of `main()`.
    static func runConsole(_ options: ConsoleOptions) async -> ExitStatus {
        switch consoleRunner(options) {
        case .success(let runner): await runConsole(runner)
        case .failure(let failure): failure.status
        }
    }

    /// Runs the console with resolved settings (and the embedded switch for `--mock`).
    static func runConsole(_ runner: ConsoleRunner) async -> ExitStatus {
        var settings = runner.settings
        var mock: EmbeddedMock?
        if settings.useMock {
            do {
                mock = try await EmbeddedMock.start(into: &settings)
            } catch {
                printError("cannot start the built-in switch: \(error)")
                return .connectionFailed
            }
        }
        let status = await ConsoleRunner(settings: settings, environment: runner.environment, warnings: runner.warnings).run()
        await mock?.stop()
        return status
    }

    private func report(_ problems: [ConfigProblem]) {
        for problem in problems { Self.printError("\(problem)") }
    }

    static func printError(_ line: String) {
        let text = Array("fscli: \(line)\n".utf8)
        _ = text.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

extension ColorMode: ExpressibleByArgument {}

/// A settings resolution that failed, as the exit status it ends the process with.
struct ExitStatusFailure: Error {
    let status: ExitStatus
}
