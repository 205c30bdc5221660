import NIOConcurrencyHelpers
import SwitchCatalog

/// The loaded modules: the one table behind `help`, `show api/application/interfaces/modules`,
/// `module_exists`, command lookup and tab completion, changed by `load`, `unload` and `reload`.
public final class ModuleRegistry: Sendable {
    /// The modules in load order, and the look-ups every API call and dialplan step make, kept
    /// with them rather than searched for each time.
    private struct Table: Sendable {
        var modules: [SwitchModule] {
            didSet { index() }
        }
        /// By lower-cased name; the first module to register a name has it.
        private(set) var commands: [String: APICommand] = [:]
        private(set) var applications: Set<String> = []

        init(_ modules: [SwitchModule]) {
            self.modules = modules
            index()
        }

        private mutating func index() {
            commands = [:]
            for command in modules.flatMap(\.apiCommands) where commands[command.name.lowercased()] == nil {
                commands[command.name.lowercased()] = command
            }
            applications = Set(modules.flatMap(\.interfaces).filter { $0.kind == .application }.map(\.name))
        }
    }

    private let loaded: NIOLockedValueBox<Table>

    /// A registry holding `modules`.
    public init(_ modules: [SwitchModule]) {
        loaded = NIOLockedValueBox(Table(modules))
    }

    /// Every loaded module, in load order.
    public var modules: [SwitchModule] { loaded.withLockedValue { $0.modules } }

    /// Every interface of every loaded module.
    public var interfaces: [SwitchInterface] { modules.flatMap(\.interfaces) }

    /// Every loaded API command, sorted by name (bytewise, as the switch's SQL orders them).
    public var apiCommands: [APICommand] {
        modules.flatMap(\.apiCommands).sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }

    /// The loaded command called `name` (any case, as the switch's interface hash looks it up).
    public func command(named name: String) -> APICommand? {
        loaded.withLockedValue { $0.commands[name.lowercased()] }
    }

    /// Whether a loaded module registers the dialplan application `name` (exact case, as the
    /// switch's application hash is searched).
    public func hasApplication(_ name: String) -> Bool {
        loaded.withLockedValue { $0.applications.contains(name) }
    }

    /// Whether a module called `name` is loaded (`module_exists`).
    public func isLoaded(_ name: String) -> Bool {
        modules.contains { $0.name == name }
    }

    /// Adds a module; `false` when one of that name is loaded already.
    @discardableResult
    public func add(_ module: SwitchModule) -> Bool {
        loaded.withLockedValue { table in
            guard !table.modules.contains(where: { $0.name == module.name }) else { return false }
            table.modules.append(module)
            return true
        }
    }

    /// Removes the module called `name`; returns it, or `nil` when none is loaded.
    @discardableResult
    public func remove(_ name: String) -> SwitchModule? {
        loaded.withLockedValue { table in
            guard let index = table.modules.firstIndex(where: { $0.name == name }) else { return nil }
            return table.modules.remove(at: index)
        }
    }
}
