/// The loaded API commands (``APICommandInfo/loaded``) and the mock's implementation of each.
/// Lookup ignores case, as FreeSWITCH's interface hash does (`API STATUS` works, capture 11).
public struct APICommandTable: Sendable {
    /// Every command in `help` order.
    public let commands: [APICommandInfo]
    private let index: [String: Int]
    private let implementations: [String: APIImplementation]

    /// The table of the captured switch.
    public static let standard = APICommandTable(commands: APICommandInfo.loaded)

    /// A table of `commands`; those without an implementation answer with ``fallback(_:)``.
    public init(commands: [APICommandInfo]) {
        self.commands = commands
        var index: [String: Int] = [:]
        for (position, command) in commands.enumerated() { index[command.name.lowercased()] = position }
        self.index = index
        self.implementations = APICommands.implementations
    }

    /// The command called `name` (any case), or `nil`.
    public func info(named name: String) -> APICommandInfo? {
        index[name.lowercased()].map { commands[$0] }
    }

    /// The modules that registered commands, for `module_exists`.
    public var modules: Set<String> { Set(commands.map(\.module)) }

    /// The implementation of a known command.
    func implementation(for info: APICommandInfo) -> APIImplementation {
        implementations[info.name] ?? { argument, core in APICommands.fallback(info, argument, core) }
    }
}
