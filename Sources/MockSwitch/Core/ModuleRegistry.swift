import NIOConcurrencyHelpers
import SwitchCatalog

/// The loaded modules: the one table behind `help`, `show api/application/interfaces/modules`,
/// `module_exists`, command lookup and tab completion, changed by `load`, `unload` and `reload`.
public final class ModuleRegistry: Sendable {
    private let loaded: NIOLockedValueBox<[SwitchModule]>

    /// A registry holding `modules`.
    public init(_ modules: [SwitchModule]) {
        loaded = NIOLockedValueBox(modules)
    }

    /// Every loaded module, in load order.
    public var modules: [SwitchModule] { loaded.withLockedValue { $0 } }

    /// Every interface of every loaded module.
    public var interfaces: [SwitchInterface] { modules.flatMap(\.interfaces) }

    /// Every loaded API command, sorted by name (bytewise, as the switch's SQL orders them).
    public var apiCommands: [APICommand] {
        modules.flatMap(\.apiCommands).sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }

    /// The loaded command called `name` (any case, as the switch's interface hash looks it up).
    public func command(named name: String) -> APICommand? {
        let key = name.lowercased()
        for module in modules {
            if let found = module.apiCommands.first(where: { $0.name.lowercased() == key }) { return found }
        }
        return nil
    }

    /// Whether a loaded module registers the dialplan application `name` (exact case, as the
    /// switch's application hash is searched).
    public func hasApplication(_ name: String) -> Bool {
        loaded.withLockedValue { modules in
            modules.contains { $0.interfaces.contains { $0.kind == .application && $0.name == name } }
        }
    }

    /// Whether a module called `name` is loaded (`module_exists`).
    public func isLoaded(_ name: String) -> Bool {
        modules.contains { $0.name == name }
    }

    /// Adds a module; `false` when one of that name is loaded already.
    @discardableResult
    public func add(_ module: SwitchModule) -> Bool {
        loaded.withLockedValue { modules in
            guard !modules.contains(where: { $0.name == module.name }) else { return false }
            modules.append(module)
            return true
        }
    }

    /// Removes the module called `name`; returns it, or `nil` when none is loaded.
    @discardableResult
    public func remove(_ name: String) -> SwitchModule? {
        loaded.withLockedValue { modules in
            guard let index = modules.firstIndex(where: { $0.name == name }) else { return nil }
            return modules.remove(at: index)
        }
    }
}
