extension SwitchCore {
    /// Every live channel, oldest first (the order of `show channels`).
    public var channels: [SwitchChannel] {
        state.withLockedValue { Array($0.channels.values) }.sorted {
            ($0.createdAt, $0.sequence, $0.uuid) < ($1.createdAt, $1.sequence, $1.uuid)
        }
    }

    /// Whether a channel with this UUID is up.
    public func channelExists(_ uuid: String) -> Bool {
        state.withLockedValue { $0.channels[uuid] != nil }
    }

    /// A channel variable, or `nil` when the channel or the variable does not exist.
    public func channelVariable(_ uuid: String, _ name: String) -> String? {
        state.withLockedValue { $0.channels[uuid]?.variables[name] }
    }

    /// The channel with this UUID.
    public func channel(_ uuid: String) -> SwitchChannel? {
        state.withLockedValue { $0.channels[uuid] }
    }

    /// Adds (or replaces) a channel and counts the session.
    public func addChannel(_ channel: SwitchChannel) {
        if storeChannel(channel) { _ = countSession() }
    }

    /// Adds (or replaces) a channel whose session is counted already (the call engine counts
    /// when it creates the session, whose id is the count); `true` when it is new.
    @discardableResult
    func storeChannel(_ channel: SwitchChannel) -> Bool {
        state.withLockedValue { state in
            let isNew = state.channels.updateValue(channel, forKey: channel.uuid) == nil
            guard isNew else { return false }
            state.statistics.channelAdded(up: state.channels.count)
            return true
        }
    }

    /// Counts a new session; returns the count, which is the session's id (`Session 21`,
    /// `variable_session_id`, the `Tot` of a state change), as `switch_core_session_request` numbers them.
    func countSession() -> Int {
        let second = clock.now().floorDiv(1_000_000)
        return state.withLockedValue { state in
            state.statistics.sessionCounted(at: second)
            return state.statistics.sessionsSinceStartup
        }
    }

    /// Removes a channel; returns it, or `nil` if there was none.
    @discardableResult
    public func removeChannel(_ uuid: String) -> SwitchChannel? {
        state.withLockedValue { state in
            let removed = state.channels.removeValue(forKey: uuid)
            state.statistics.sessionCount = state.channels.count
            return removed
        }
    }

    /// Sets (or with `nil` clears) a channel variable; `false` when the channel does not exist.
    @discardableResult
    public func setChannelVariable(_ uuid: String, _ name: String, _ value: String?) -> Bool {
        state.withLockedValue { state in
            guard state.channels[uuid] != nil else { return false }
            state.channels[uuid]!.variables[name] = value
            return true
        }
    }

    /// A global variable (`global_getvar`), or `nil`.
    public func globalVariable(_ name: String) -> String? {
        state.withLockedValue { $0.globals[name] }
    }

    /// Sets (or with `nil` clears) a global variable.
    public func setGlobalVariable(_ name: String, _ value: String?) {
        state.withLockedValue { $0.globals[name] = value }
    }

    /// Every global variable, sorted by name.
    public var globalVariables: [(name: String, value: String)] {
        state.withLockedValue { $0.globals }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
