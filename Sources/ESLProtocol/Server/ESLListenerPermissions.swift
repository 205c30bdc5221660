/// What a listener may ask for after `userauth` (docs/protocol.md, "Authentication"); `auth` with the
/// listener password leaves everything allowed.
public struct ESLListenerPermissions: Sendable, Hashable {
    /// Event types the user may subscribe to (canonical names), or `nil` without
    /// `esl-allowed-events` (every type allowed).
    public var eventTypes: Set<String>?
    /// Whether `esl-allowed-events` contained `ALL`.
    public var allEventTypes: Bool
    /// CUSTOM subclasses the user may subscribe to, or `nil` without `esl-allowed-events`.
    /// The switch checks subclasses against this set even when `ALL` is allowed.
    public var customSubclasses: Set<String>?
    /// API command words the user may run, or `nil` without `esl-allowed-api`. Compared exactly
    /// (so an `esl-allowed-api` of `all` allows only a command called `all`, as on the switch).
    public var apiCommands: Set<String>?
    /// Whether `log` is allowed.
    public var log: Bool

    /// Everything allowed.
    public static let unrestricted = ESLListenerPermissions(eventTypes: nil, allEventTypes: false, customSubclasses: nil, apiCommands: nil, log: true)

    /// Creates a permission set.
    public init(eventTypes: Set<String>?, allEventTypes: Bool, customSubclasses: Set<String>?, apiCommands: Set<String>?, log: Bool) {
        self.eventTypes = eventTypes
        self.allEventTypes = allEventTypes
        self.customSubclasses = customSubclasses
        self.apiCommands = apiCommands
        self.log = log
    }

    /// Reads a directory user's `esl-allowed-*` params the way `userauth` does.
    public init(user: ESLServerUser) {
        self = .unrestricted
        log = user.allowedLog
        if let events = user.allowedEvents {
            var types: Set<String> = []
            var subclasses: Set<String> = []
            var custom = false
            for word in Self.words(events) {
                if custom {
                    subclasses.insert(word)
                } else if let name = ESLEventName.resolve(word) {
                    if name == ESLEventName.allKeyword {
                        allEventTypes = true
                        types.formUnion(ESLEventName.all)
                    }
                    types.insert(name)
                    if name == "CUSTOM" { custom = true }
                }
            }
            eventTypes = types
            customSubclasses = subclasses
        }
        if let api = user.allowedAPI {
            apiCommands = Set(Self.words(api))
        }
    }

    /// Splits an `esl-allowed-*` list: on spaces when it has any, else on commas.
    static func words(_ list: String) -> [String] {
        let delimiter: Character = list.contains(" ") ? " " : ","
        return list.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
    }

    /// Whether subscribing to `type` (canonical name) is allowed.
    public func allowsEventType(_ type: String) -> Bool {
        guard let eventTypes, !allEventTypes else { return true }
        return eventTypes.contains(type)
    }

    /// Whether subscribing to the CUSTOM subclass `subclass` is allowed.
    public func allowsSubclass(_ subclass: String) -> Bool {
        customSubclasses?.contains(subclass) ?? true
    }

    /// Whether `command` with `arguments` may run (`auth_api_command`): the command word must be
    /// allowed, and for the wrappers `bgapi`, `sched_api`, `eval`, `expand`, `xml_wrap` so must
    /// the command they wrap, to any depth.
    public func allowsAPI(command: String, arguments: String?) -> Bool {
        guard let apiCommands else { return true }
        let wrappers: Set<String> = ["bgapi", "sched_api", "eval", "expand", "xml_wrap"]
        var remaining = (arguments ?? "").split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if arguments == nil { remaining = [] }
        var current = command
        while true {
            guard apiCommands.contains(current) else { return false }
            guard wrappers.contains(current.lowercased()), !remaining.isEmpty else { return true }
            current = remaining.removeFirst()
        }
    }
}
