/// One API command as `help` lists it: `<name>,<syntax>,<description>,<module>`. The console shows
/// `usage` while a command is typed; the mock answers `help`, `show api` and `-USAGE:` from it.
public struct APICommand: Sendable, Hashable {
    /// The command word, e.g. `show`.
    public var name: String
    /// The argument syntax the module registered, e.g. `[short]`; may be empty.
    public var syntax: String
    /// The one-line description; empty for a few commands, which `show api` then leaves out.
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

    /// The one-line usage hint: `<name> <syntax>`, or the name alone.
    public var usage: String {
        syntax.isEmpty ? name : "\(name) \(syntax)"
    }

    /// The standard command called `name` (any case, as the switch's interface hash looks it up).
    public static func standard(named name: String) -> APICommand? {
        standardByName[name.lowercased()]
    }

    private static let standardByName: [String: APICommand] = Dictionary(
        standard.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
}
