import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore
import SwitchCatalog

/// The simulated FreeSWITCH core: identity, clock, event sequence, channels, global variables and
/// the API command table. The server calls it from any event-loop thread; mutable state sits
/// behind one lock, and every call returns values (reply text, events, log lines) for the server
/// to deliver rather than delivering anything itself.
public final class SwitchCore: Sendable {
    /// Who this switch is.
    public let identity: SwitchIdentity
    /// Where every date comes from.
    public let clock: SwitchClock
    /// Makes this switch's events (one sequence for all of them).
    public let events: EventFactory
    /// Makes this switch's log lines.
    public let logLines: LogLineFactory
    /// The log levels listeners take, so lines nobody reads are never made.
    public let logAudience = LogAudience()
    /// The loaded modules and the API commands, applications and other interfaces they register.
    public let modules: ModuleRegistry
    /// What the non-call commands remember (hash, aliases, fsctl settings, scheduled tasks).
    let commandState: NIOLockedValueBox<CommandState>
    /// Seconds between HEARTBEAT events (`event-heartbeat-interval`, default 20).
    public let heartbeatInterval: Int64
    /// The simulated calls.
    public let calls = CallEngine()
    /// The listeners event_sink made over HTTP (mod_event_socket's stateful listeners).
    public let eventSinkListeners = EventSinkListeners()
    /// Whether reading the XML logs the stock `vars.xml`'s failing STUN lookups (a switch with
    /// no route to its STUN server, as in capture 72).
    public let stunSetFails: Bool
    /// Whether mod_commands has the commands 1.11 dropped (`fscli mock --legacy-commands`).
    public let legacyCommands: Bool
    /// Whether `system` and `bg_system` run commands on this host (`--allow-system-commands`).
    public let hostCommands: Bool
    /// The event socket logins (`fscli mock --user`): directory users too.
    public let logins: [MockSwitchConfiguration.User]
    /// The optional modules this switch has on disk (`fscli mock --module`): loaded at start,
    /// and `load`/`unload` can bring them back or take them away.
    public let optionalModules: [SwitchModule]
    /// mod_sofia's profiles and registrations (empty while mod_sofia is not loaded).
    public let sofia: SofiaState

    struct State: Sendable {
        var statistics = SwitchStatistics()
        var channels: [String: SwitchChannel] = [:]
        var globals: [String: String] = [:]
    }

    let state: NIOLockedValueBox<State>

    /// A core with `identity`, reading `clock`.
    /// With `legacyCommands`, mod_commands also has the older releases' commands
    /// (`APICommand.legacy`); with `hostCommands`, `system` and `bg_system` run shell commands
    /// on this host; `optionalModules` (`SwitchModule.sofia`) are loaded after the
    /// standard ones.
    public init(identity: SwitchIdentity, clock: SwitchClock = .system, modules: [SwitchModule]? = nil,
                firstSequence: UInt64 = 400, heartbeatInterval: Int64 = 20, stunSetFails: Bool = false,
                legacyCommands: Bool = false, hostCommands: Bool = false, logins: [MockSwitchConfiguration.User] = [],
                optionalModules: [SwitchModule] = []) {
        self.legacyCommands = legacyCommands
        self.hostCommands = hostCommands
        self.logins = logins
        self.optionalModules = optionalModules
        let modules = (modules ?? SwitchModule.standard(legacy: legacyCommands)) + optionalModules
        self.identity = identity
        self.clock = clock
        self.events = EventFactory(identity: identity, clock: clock, firstSequence: firstSequence)
        self.logLines = LogLineFactory(clock: clock)
        self.modules = ModuleRegistry(modules)
        var commands = CommandState()
        if legacyCommands { commands.completionRows = (commands.completionRows + CompletionRows.legacy).sorted(by: CompletionRows.precedes) }
        for module in optionalModules {
            commands.completionRows = (commands.completionRows + module.completionRows).sorted(by: CompletionRows.precedes)
        }
        (commands.tasks, commands.nextTaskID) = Self.startupTasks(self.modules, startSeconds: clock.now() / 1_000_000)
        self.commandState = NIOLockedValueBox(commands)
        self.heartbeatInterval = heartbeatInterval
        self.stunSetFails = stunSetFails
        var initial = State()
        initial.globals = GlobalVariables.defaults(identity: identity)
        self.state = NIOLockedValueBox(initial)
        // A login is a user who can be dialled too (`user/<name>`), as the stock ones.
        calls.registeredUsers.formUnion(logins.map(\.name))
        self.sofia = SofiaState(identity: identity)
        if optionalModules.contains(where: { $0.name == SwitchModule.sofia.name }) {
            sofia.start()
        }
    }

    /// A core for this machine (its host name and addresses), started now.
    public convenience init(clock: SwitchClock = .system) {
        self.init(identity: .local(clock: clock), clock: clock)
    }

    // MARK: - Statistics

    /// The current session and CPU figures.
    public var statistics: SwitchStatistics {
        let second = clock.now().floorDiv(1_000_000)
        return state.withLockedValue { state in
            state.statistics.advance(to: second)
            return state.statistics
        }
    }

    /// Changes the figures (simulated load, tests).
    public func updateStatistics(_ change: @Sendable (inout SwitchStatistics) -> Void) {
        state.withLockedValue { change(&$0.statistics) }
    }

    /// Microseconds since start-up.
    public var uptimeMicroseconds: Int64 { max(clock.now() - identity.startTime, 0) }

    // MARK: - Periodic events

    /// The events of one heartbeat tick (docs/events.md, "Core events", captures 13–15): HEARTBEAT, the scheduler's
    /// RE_SCHEDULE of the heartbeat task, and every 60 s the RE_SCHEDULE of `check_ip`. Call it
    /// every ``heartbeatInterval`` seconds.
    public func heartbeat() -> [ESLEvent] {
        let now = clock.now()
        let seconds = now.floorDiv(1_000_000)
        var result = [
            events.heartbeat(statistics: statistics, time: now),
            events.reschedule(taskID: 1, description: "heartbeat", group: "core", runtime: seconds + heartbeatInterval, time: now),
        ]
        let uptimeSeconds = (now - identity.startTime) / 1_000_000
        if uptimeSeconds >= 60, (uptimeSeconds + heartbeatInterval / 2) % 60 < heartbeatInterval {
            result.append(events.reschedule(taskID: 2, description: "check_ip", group: "core", runtime: seconds + 60, time: now))
        }
        return result
    }

    // MARK: - Log lines

    /// A log line stamped now with the current idle CPU.
    public func log(level: Int, _ message: String, source: SourceLocation, channel: LogLineFactory.Channel = .log,
                    userData: String = "") -> ESLLogLine {
        logLines.line(level: level, message, source: source, channel: channel, userData: userData,
                      idleCPU: statistics.idleCPU)
    }

    // MARK: - sendevent

    /// The event and reply uuid of `sendevent` (docs/protocol.md, "sendevent", capture 20); see
    /// ``EventFactory/sendEvent(name:clientHeaders:body:time:)``.
    public func sendEvent(name: String?, clientHeaders: [(name: String, value: String)], body: ByteBuffer?)
        -> (uuid: String, event: ESLEvent)
    {
        events.sendEvent(name: name, clientHeaders: clientHeaders, body: body)
    }
}
