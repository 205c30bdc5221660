/// One API command as `help` lists it (spec §5.6): `<name>,<syntax>,<description>,<module>`.
public struct APICommandInfo: Sendable, Hashable {
    /// The command word, e.g. `show`.
    public var name: String
    /// The usage text, e.g. `[short]`; may be empty.
    public var syntax: String
    /// The one-line description.
    public var description: String
    /// The module that registered it, e.g. `mod_commands`.
    public var module: String

    /// A command description.
    public init(name: String, syntax: String, description: String, module: String) {
        self.name = name
        self.syntax = syntax
        self.description = description
        self.module = module
    }
}
