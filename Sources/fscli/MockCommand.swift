import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ESLRecording
import Logging
import MockSwitch

/// `fscli mock`: the embedded FreeSWITCH event socket in the foreground.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a simulated FreeSWITCH event socket (mod_event_socket) in the foreground.",
        // Named in full: as a subcommand's own help it would read `mock [...]`; the options are listed below it.
        usage: "fscli mock [<options>]",
        discussion: """
            Real fs_cli and ESL libraries can connect to it as to FreeSWITCH 1.11; with --http-port, web \
            dashboards and HTTP scripts can use its mod_xml_rpc API (/api/..., event_sink) too. It logs what \
            it does to stderr and stops on SIGINT or SIGTERM, sending every client the shutdown notice.
            """)

    @Option(help: "Address to listen on.")
    var listenIP: String?

    @Option(help: "Port to listen on (0 picks a free one).")
    var listenPort: Int?

    @Option(help: "Password clients must send with auth.")
    var password: String?

    @Option(name: .customLong("acl"), help: ArgumentHelp("Network allowed to connect, e.g. 10.0.0.0/8 or loopback.auto (repeatable; default: loopback only).", valueName: "CIDR"))
    var acl: [String] = []

    @Option(help: ArgumentHelp("Seconds between HEARTBEAT events.", valueName: "SECONDS"))
    var heartbeat: Int = 20

    @Option(help: "The switch's name (default: the host name).")
    var switchname: String?

    @Option(help: "The switch's host name (default: this host's name).")
    var hostname: String?

    @Option(help: ArgumentHelp("FreeSWITCH's event_socket.conf.xml to read listen-ip, listen-port, password and apply-inbound-acl from; options given here win.", valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("user"), help: ArgumentHelp("A userauth login: NAME@DOMAIN:PASSWORD[:EVENTS[:API[:LOG]]], lists comma-separated or 'all', LOG true|false (repeatable).", valueName: "SPEC"))
    var users: [String] = []

    @Option(name: .customLong("extension"), help: ArgumentHelp("A dialplan extension in context default: NUMBER=APP[:ARGS],APP[:ARGS]... (repeatable; replaces a stock one with the same number).", valueName: "SPEC"))
    var extensions: [String] = []

    @Option(name: .customLong("calls-per-second"), help: ArgumentHelp("Simulated calls to start each second (ring, answer, talk, hang up).", valueName: "N"))
    var callsPerSecond: Double?

    @Option(name: .customLong("call-seconds"), help: ArgumentHelp("How long a simulated call talks, in seconds (default 10-60).", valueName: "MIN-MAX"))
    var callSeconds: String?

    @Option(name: .customLong("max-calls"), help: ArgumentHelp("At most this many simulated calls up at once.", valueName: "K"))
    var maxCalls: Int?

    @Flag(name: .customLong("legacy-commands"), help: "Also offer the commands FreeSWITCH 1.11 dropped (min/max/default_dtmf_duration, uuid_debug_audio).")
    var legacyCommands = false

    @Option(name: .customLong("module"), help: ArgumentHelp("Also load a simulated module the captured switch lacks: sofia (mod_sofia: profiles internal and external, the directory users registered; repeatable).", valueName: "NAME"))
    var modules: [String] = []

    @Flag(name: .customLong("allow-system-commands"), help: "Let system, bg_system and the spawn commands run shell commands on this host (off: they answer -ERR).")
    var allowSystemCommands = false
    @Option(name: .customLong("http-port"), help: ArgumentHelp("Also serve mod_xml_rpc's HTTP API (/api/..., event_sink) on this port (0 picks a free one; default: off).", valueName: "PORT"))
    var httpPort: Int?

    @Option(name: .customLong("http-user"), help: ArgumentHelp("The HTTP API's Basic auth user (default freeswitch).", valueName: "USER"))
    var httpUser: String?

    @Option(name: .customLong("http-password"), help: ArgumentHelp("The HTTP API's Basic auth password (default works).", valueName: "PASSWORD"))
    var httpPassword: String?

    @Option(name: .customLong("event-sink-compat"), help: ArgumentHelp("Whether event_sink listeners get events and log lines: legacy (as before 1.10.12, what the web portal expects) or current (none, as 1.10.12 and later).", valueName: "MODE"))
    var eventSinkCompat: String?

    @Option(name: .customLong("replay"), help: ArgumentHelp("Play a recording's events and log lines (fscli --record) to the listeners at their original pace.", valueName: "FILE"))
    var replay: String?

    @Option(name: .customLong("speed"), help: ArgumentHelp("With --replay: play this many times faster (0.5 is half as fast; default 1).", valueName: "X"))
    var speed: Double?

    @Flag(name: .customLong("loop"), help: "With --replay: start again from the first frame once the last is out.")
    var loop = false

    /// `--call-seconds MIN-MAX` (or one number), or `nil` if it does not parse.
    static func secondsRange(_ text: String) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "-", maxSplits: 1).map { Int($0.filter { $0 != " " && $0 != "\t" }) }
        guard let low = bounds.first ?? nil, low >= 0 else { return nil }
        let high = bounds.count > 1 ? bounds[1] : low
        guard let high, high >= low else { return nil }
        return low...high
    }

    func validate() throws {
        for spec in extensions where Dialplan.parseExtension(spec) == nil {
            throw ValidationError("--extension \(spec) is not NUMBER=APP[:ARGS],APP[:ARGS]...")
        }
        if let callsPerSecond, !(callsPerSecond > 0 && callsPerSecond <= 100_000) {
            throw ValidationError("--calls-per-second must be more than 0 and at most 100000")
        }
        if let callSeconds, Self.secondsRange(callSeconds) == nil {
            throw ValidationError("--call-seconds must be MIN-MAX seconds, such as 10-60, not \(callSeconds)")
        }
        if let maxCalls, maxCalls < 1 { throw ValidationError("--max-calls must be at least 1") }
        if callsPerSecond == nil, callSeconds != nil || maxCalls != nil {
            throw ValidationError("--call-seconds and --max-calls shape the traffic of --calls-per-second; give it too")
        }
        if let listenPort, !(0...65535).contains(listenPort) {
            throw ValidationError("--listen-port must be 0-65535, not \(listenPort)")
        }
        if let httpPort, !(0...65535).contains(httpPort) {
            throw ValidationError("--http-port must be 0-65535, not \(httpPort)")
        }
        if httpPort == nil, httpUser != nil || httpPassword != nil || eventSinkCompat != nil {
            throw ValidationError("--http-user, --http-password and --event-sink-compat shape the HTTP API of --http-port; give it too")
        }
        if let eventSinkCompat, EventSinkCompatibility(rawValue: eventSinkCompat) == nil {
            throw ValidationError("--event-sink-compat must be legacy or current, not \(eventSinkCompat)")
        }
        for module in modules where !MockSwitchConfiguration.simulatedModules.contains("mod_\(module)") {
            throw ValidationError("--module \(module) is not a module the mock can simulate (sofia)")
        }
        if replay == nil, speed != nil || loop {
            throw ValidationError("--speed and --loop shape the playback of --replay; give it too")
        }
        if let speed, !(speed > 0 && speed <= 1_000_000) {
            throw ValidationError("--speed must be more than 0 and at most 1000000, not \(speed)")
        }
        guard heartbeat > 0 else { throw ValidationError("--heartbeat must be at least 1 second") }
        for network in acl where MockSwitchConfiguration.networks(forACL: network) == nil {
            throw ValidationError("--acl \(network) is neither a network (10.0.0.0/8, ::1) nor loopback.auto, localnet.auto, any_v4.auto, any_v6.auto")
        }
        for user in users where MockSwitchConfiguration.User(specification: user) == nil {
            throw ValidationError("--user \(user.split(separator: ":").first ?? "") is not NAME@DOMAIN:PASSWORD[:EVENTS[:API[:LOG]]]")
        }
    }

    func settings() throws -> MockSwitchConfiguration {
        var settings = MockSwitchConfiguration()
        if let config {
            guard let xml = try? String(contentsOfFile: config, encoding: .utf8) else {
                throw ValidationError("cannot read --config \(config)")
            }
            for problem in settings.apply(eventSocketConf: xml) {
                FscliCommand.printError("mock: \(config): \(problem)")
            }
        }
        if let listenIP { settings.listenIP = listenIP }
        if let listenPort { settings.listenPort = listenPort }
        if let password { settings.password = password }
        if !acl.isEmpty { settings.accessList = AccessList(acl.flatMap { MockSwitchConfiguration.networks(forACL: $0) ?? [] }) }
        settings.heartbeatInterval = .seconds(heartbeat)
        settings.hostname = hostname
        settings.switchname = switchname
        settings.users = users.compactMap(MockSwitchConfiguration.User.init(specification:))
        settings.legacyCommands = legacyCommands
        settings.allowsSystemCommands = allowSystemCommands
        settings.optionalModules = modules.map { "mod_\($0)" }
        settings.httpPort = httpPort
        if let httpUser { settings.httpUser = httpUser }
        if let httpPassword { settings.httpPassword = httpPassword }
        if let mode = eventSinkCompat.flatMap(EventSinkCompatibility.init(rawValue:)) { settings.eventSinkCompatibility = mode }
        return settings
    }

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let settings = try settings()
        // Read before listening: a file that does not parse is refused with the place at fault.
        var replay: RecordingReplay?
        if let path = self.replay {
            do throws(RecordingError) {
                replay = try RecordingReplay(RecordingFile.read(path: path), source: path)
            } catch {
                // Not a usage error: no pointer to --help, but the same status.
                FscliCommand.printError("mock: --replay: \(error.message)")
                throw ExitCode(2)
            }
        }
        // Until SIGINT/SIGTERM, or until `shutdown` (api or fsctl) stops the switch: the process
        // then ends with status 0, as FreeSWITCH's does. The signals are caught before the switch
        // listens, so one sent as soon as the log says "listening" still stops it cleanly.
        let (stopRequests, requestStop) = AsyncStream<Void>.makeStream()
        TerminationSignal.onSignal { requestStop.yield() }
        let server: MockSwitchServer
        do {
            server = try await MockSwitchServer.start(settings)
        } catch {
            throw ValidationError("cannot listen on \(settings.listenIP):\(settings.listenPort)\(settings.httpPort.map { " (HTTP \($0))" } ?? ""): \(error)")
        }
        for spec in extensions {
            if let (number, steps) = Dialplan.parseExtension(spec) { server.core.calls.dialplan.extensions[number] = steps }
        }
        var traffic: CallTraffic?
        if let callsPerSecond {
            let seconds = callSeconds.flatMap(Self.secondsRange) ?? 10...60
            traffic = CallTraffic.start(core: server.core,
                                        settings: .init(callsPerSecond: callsPerSecond, callSeconds: seconds, maxCalls: maxCalls))
        }
        let playing = replay.map { play($0, on: server) }
        server.onStop { requestStop.yield() }
        var stops = stopRequests.makeAsyncIterator()
        _ = await stops.next()
        traffic?.stop()
        playing?.cancel()
        await server.stop()
        if server.restartRequested { try Self.runAgain() }
    }

    /// Starts playing the recording `--replay` named, saying on stderr what it plays and when each
    /// pass ends.
    private func play(_ replay: RecordingReplay, on server: MockSwitchServer) -> Task<Void, Never> {
        let logger = Logger(label: "fscli.mock")
        let (path, speed) = (self.replay ?? "", self.speed ?? 1)
        logger.info("replay: \(replay.eventCount) events and \(replay.logLineCount) log lines from \(path) (\(replay.skippedCount) other frames skipped), \(replay.duration(speed: speed)) a pass at speed \(speed)\(loop ? ", looping" : "")")
        return replay.start(on: server, speed: speed, loop: loop) { pass in
            logger.info("replay: pass \(pass) of \(path) finished")
        }
    }

    /// `fsctl shutdown restart`: FreeSWITCH executes itself anew, and so does the mock, with the
    /// same options (a fresh switch: new Core-UUID, uptime from zero). Returns only on failure.
    static func runAgain() throws {
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        throw ValidationError("cannot restart: \(String(cString: strerror(errno)))")
    }
}
