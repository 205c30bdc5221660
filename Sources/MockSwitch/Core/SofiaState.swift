import NIOConcurrencyHelpers

/// mod_sofia's state in the mock: its profiles, the directory users' simulated phones that have
/// still to register (they register at the scheduler's first pass after start-up, as phones do
/// once the profile listens), and the registrations.
public final class SofiaState: Sendable {
    struct State: Sendable {
        var pending: [String] = []
        var registrations: [SofiaRegistration] = []
        var stopped: Set<String> = []
        var traceLevel = "DEBUG"
        var debug = (presence: false, sla: false)
        var logLevels: [String: Int] = [:]
    }

    let identity: SwitchIdentity
    let profiles: [SofiaProfile]
    private let state = NIOLockedValueBox(State())

    init(identity: SwitchIdentity) {
        self.identity = identity
        self.profiles = SofiaProfile.vanilla(ip: identity.ipv4)
    }

    /// Queues every directory user's phone to register.
    func start() {
        state.withLockedValue { $0.pending = SwitchDirectory.userIDs }
    }

    /// Forgets every registration and pending phone (mod_sofia unloaded).
    func stop() {
        state.withLockedValue { $0 = State() }
    }

    /// The current registrations, in the order they registered.
    public var registrations: [SofiaRegistration] { state.withLockedValue { $0.registrations } }

    /// The registrations on the profile called `profile` (the phones all use `internal`).
    func registrations(on profile: String) -> [SofiaRegistration] {
        profile == "internal" ? registrations : []
    }

    /// The profiles not stopped with `sofia profile NAME stop`, in the order the profile hash
    /// walks them.
    var runningProfiles: [SofiaProfile] {
        let stopped = state.withLockedValue { $0.stopped }
        return profiles.filter { !stopped.contains($0.name) }
    }

    /// Stops the profile called `name` (it leaves `sofia status`).
    func stop(profile name: String) {
        _ = state.withLockedValue { $0.stopped.insert(name) }
    }

    /// What `sofia global debug` turned on.
    var debug: (presence: Bool, sla: Bool) {
        get { state.withLockedValue { $0.debug } }
        set { state.withLockedValue { $0.debug = newValue } }
    }

    /// The sofia-sip log level of `component` (0 until set).
    func logLevel(_ component: String) -> Int {
        state.withLockedValue { $0.logLevels[component] ?? 0 }
    }

    /// Sets `component`'s log level; `all` sets every component's.
    func setLogLevel(_ component: String, _ level: Int) {
        state.withLockedValue { state in
            for name in component == "all" ? SofiaCommand.components : [component] { state.logLevels[name] = level }
        }
    }

    /// `sofia tracelevel [LEVEL]`: sets the level when one is given; the level's name.
    func setTraceLevel(_ level: String?) -> String {
        state.withLockedValue { state in
            if let level {
                let names = ["console", "alert", "crit", "err", "warning", "notice", "info", "debug"]
                state.traceLevel = names.contains(level.lowercased()) ? level.uppercased() : "INVALID"
            }
            return state.traceLevel
        }
    }

    /// The profile called `name`, or the one `name` is an alias of (the switch's domain is an
    /// alias of `internal`); names are matched in any case, as the profile hash is.
    func profile(named name: String, domain: String) -> SofiaProfile? {
        let key = name.lowercased()
        let running = runningProfiles
        if key == domain.lowercased() { return running.first { $0.name == "internal" } }
        return running.first { $0.name == key }
    }

    /// Registers the pending phones; returns them.
    func registerPending(now: Int64, domain: String) -> [SofiaRegistration] {
        state.withLockedValue { state in
            let added = state.pending.enumerated().map { index, user in
                SofiaRegistration(
                    user: user, host: domain, callID: Self.callID(user: user, core: identity.coreUUID),
                    contact: "\"\(user)\" <sip:\(user)@\(identity.ipv4):\(Self.phonePort(index))>",
                    userAgent: "Linphone/5.2.5 (belle-sip/5.2.5)", networkIP: identity.ipv4, networkPort: Self.phonePort(index),
                    expires: now + SofiaRegistration.requestedSeconds + SofiaRegistration.lateMargin)
            }
            state.pending = []
            state.registrations += added
            return added
        }
    }

    /// Removes the registrations on `profile` matching `key` (a Call-ID or `[user]@host`), or
    /// all of them.
    func flush(_ key: String?, on profile: String) -> [SofiaRegistration] {
        guard profile == "internal" else { return [] }
        return state.withLockedValue { state in
            let matches: (SofiaRegistration) -> Bool = { reg in
                guard let key else { return true }
                if reg.callID == key { return true }
                guard let at = key.firstIndex(of: "@") else { return false }
                let user = key[..<at], host = key[key.index(after: at)...]
                return (user.isEmpty || reg.user == user) && reg.host == host
            }
            let removed = state.registrations.filter(matches)
            state.registrations.removeAll(where: matches)
            return removed
        }
    }

    /// Each simulated phone listens on its own port on the switch's address.
    static func phonePort(_ index: Int) -> Int { 5100 + index * 2 }

    /// A stable, phone-like Call-ID for `user` on this switch.
    static func callID(user: String, core: String) -> String {
        let hex = core.filter(\.isHexDigit)
        return "\(hex.prefix(8))-\(user)-\(hex.suffix(12))"
    }
}
