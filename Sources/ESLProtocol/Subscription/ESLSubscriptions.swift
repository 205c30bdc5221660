/// What one connection has asked the switch for: event types, CUSTOM subclasses, the event
/// format, filters and the log level, updated by the same rules the switch applies to `event`,
/// `nixevent`, `noevents`, `filter`, `log` and `nolog`
/// (docs/protocol.md, "Subscriptions", "Log levels" and "Filters").
///
/// A client keeps one as a mirror of its session (to restore it after a reconnect, or to know
/// whether `BACKGROUND_JOB` is already subscribed); the mock switch keeps one per listener.
public struct ESLSubscriptions: Sendable, Hashable {
    /// One `filter <header> <value>` entry, in insertion order.
    public struct Filter: Sendable, Hashable {
        /// The header name the filter looks at (case-insensitive).
        public var header: String
        /// The value as typed: a `+`/`-` prefix sets polarity, a leading `/` makes a regex.
        public var value: String

        /// Creates a filter entry.
        public init(header: String, value: String) {
            self.header = header
            self.value = value
        }
    }

    /// The format events are sent in.
    public var format: ESLEventFormat = .plain
    /// Subscribed type names (canonical upper case); contains `ALL` after `event … ALL`.
    public internal(set) var types: Set<String> = []
    /// CUSTOM subclasses asked for by name.
    public internal(set) var customSubclasses: Set<String> = []
    /// Filters in insertion order.
    public private(set) var filters: [Filter] = []
    /// The log level asked for with `log`, or `nil` when not logging.
    public var logLevel: Int?

    /// No subscriptions, plain format, no filters, no logging.
    public init() {}

    /// Whether `ALL` is on.
    public var isAllEnabled: Bool { types.contains(ESLEventName.allKeyword) }

    /// Whether any event type is subscribed.
    public var isListening: Bool { !types.isEmpty }

    /// Whether events of type `name` (canonical) pass the subscription test (filters aside).
    public func isSubscribed(to name: String) -> Bool {
        isAllEnabled || types.contains(name)
    }

    /// Applies `event [format] <names…>`; returns the number of recognised type words
    /// (0 means the switch answers `-ERR no keywords supplied`; the format change still applies).
    @discardableResult
    public mutating func applyEvent(_ arguments: String) -> Int {
        var words = arguments.split(separator: " ").map(String.init)
        if let first = words.first, let format = ESLEventFormat(rawValue: first.lowercased()) {
            self.format = format
            words.removeFirst()
        }
        var recognised = 0
        var custom = false
        for word in words {
            if custom {
                customSubclasses.insert(word)
                continue
            }
            guard let name = ESLEventName.resolve(word) else { continue }
            recognised += 1
            if name == ESLEventName.allKeyword {
                types.formUnion(ESLEventName.all)
            }
            types.insert(name)
            if name == "CUSTOM" { custom = true }
        }
        return recognised
    }

    /// Applies `nixevent <names…>`; returns the number of recognised type words.
    @discardableResult
    public mutating func applyNixevent(_ arguments: String) -> Int {
        var recognised = 0
        var custom = false
        for word in arguments.split(separator: " ").map(String.init) {
            if custom {
                customSubclasses.remove(word)
                continue
            }
            guard let name = ESLEventName.resolve(word) else { continue }
            recognised += 1
            if name == "CUSTOM" {
                custom = true
            } else if name == ESLEventName.allKeyword {
                types.removeAll()
            } else {
                // A single type nixed while ALL is on: ALL becomes every individual type first.
                if types.remove(ESLEventName.allKeyword) != nil {
                    types.formUnion(ESLEventName.all)
                }
                types.remove(name)
            }
        }
        return recognised
    }

    /// Applies `noevents`; returns whether anything was subscribed (else the switch answers
    /// `-ERR not listening for events`). Filters are kept.
    @discardableResult
    public mutating func applyNoevents() -> Bool {
        let wasListening = isListening
        types.removeAll()
        customSubclasses.removeAll()
        return wasListening
    }

    /// The outcome of a `filter` command.
    public enum FilterOutcome: Sendable, Hashable {
        /// `+OK filter added. [<header>]=[<value>]`
        case added(Filter)
        /// `+OK filter deleted. [<header>][<value>]` (`all` and empty value for `delete all`).
        case deleted(header: String, value: String)
        /// `-ERR invalid syntax`
        case invalidSyntax

        /// The switch's reply text for this outcome.
        public var replyText: String {
            switch self {
            case .added(let filter): "+OK filter added. [\(filter.header)]=[\(filter.value)]"
            case .deleted(let header, let value): "+OK filter deleted. [\(header)][\(value)]"
            case .invalidSyntax: "-ERR invalid syntax"
            }
        }
    }

    /// Applies `filter …` given the text after `filter` (docs/protocol.md, "Command table").
    @discardableResult
    public mutating func applyFilter(_ arguments: String) -> FilterOutcome {
        var rest = Substring(arguments).drop { $0 == " " }
        let first = rest.prefix { $0 != " " }
        rest = rest.dropFirst(first.count).drop { $0 == " " }
        if first.lowercased() == "delete" {
            let header = rest.prefix { $0 != " " }
            guard !header.isEmpty else { return .invalidSyntax }
            let value = String(rest.dropFirst(header.count).drop { $0 == " " })
            if header.lowercased() == "all" {
                filters.removeAll()
                return .deleted(header: "all", value: "")
            }
            filters.removeAll { $0.header.lowercased() == header.lowercased() && (value.isEmpty || $0.value == value) }
            return .deleted(header: String(header), value: value)
        }
        var header = first
        if first.lowercased() == "add" {
            header = rest.prefix { $0 != " " }
            rest = rest.dropFirst(header.count).drop { $0 == " " }
        }
        guard !header.isEmpty, !rest.isEmpty else { return .invalidSyntax }
        let filter = Filter(header: String(header), value: String(rest))
        filters.append(filter)
        return .added(filter)
    }

    /// Applies a command line the client sent and the switch accepted, for the commands that change
    /// subscriptions; other commands are ignored.
    public mutating func applyAccepted(commandLine line: String) {
        let verb = line.prefix { $0 != " " }.lowercased()
        let arguments = String(line.dropFirst(verb.count).drop { $0 == " " })
        switch verb {
        case "event", "events": applyEvent(arguments)
        case "nixevent": applyNixevent(arguments)
        case "noevents": applyNoevents()
        case "filter": applyFilter(arguments)
        case "nolog": logLevel = nil
        case "log":
            let word = arguments.prefix { $0 != " " }
            logLevel = word.isEmpty ? ESLLogLevel.debug.rawValue : (ESLLogLevel(word: String(word))?.rawValue ?? logLevel)
        default: break
        }
    }
}
