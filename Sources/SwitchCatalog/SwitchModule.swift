/// A loadable module and everything it registers: the unit `load`, `unload` and `reload` add and
/// remove, and the one table behind `help`, `show api/application/interfaces/modules`,
/// `module_exists` and tab completion.
public struct SwitchModule: Sendable, Hashable {
    /// The module name, e.g. `mod_hash`; built-in core parts are named like `CORE_PCM_MODULE`.
    public var name: String
    /// The shared object it was loaded from; empty for the core's built-in modules.
    public var filename: String
    /// Every interface, in registration order.
    public var interfaces: [SwitchInterface]
    /// The console completion rows its load function adds (`switch_console_set_complete`), which
    /// go again when it is unloaded.
    public var completionRows: [[String]]

    /// A module.
    public init(name: String, filename: String, interfaces: [SwitchInterface], completionRows: [[String]] = []) {
        self.name = name
        self.filename = filename
        self.interfaces = interfaces
        self.completionRows = completionRows
    }

    /// Whether the core compiled it in (no file, cannot be unloaded).
    public var isBuiltIn: Bool { filename.isEmpty }

    /// Its API commands.
    public var apiCommands: [APICommand] { interfaces.compactMap(\.apiCommand) }
}
