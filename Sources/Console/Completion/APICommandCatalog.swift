/// One API command of the switch, as its `help` lists it: the name and the syntax of its arguments.
public struct APICommandSummary: Sendable, Hashable {
    /// The command word, e.g. `uuid_kill`.
    public var name: String
    /// The argument syntax, e.g. `<uuid> [cause]`; empty when the command takes none.
    public var syntax: String

    /// Creates a summary.
    public init(name: String, syntax: String) {
        self.name = name
        self.syntax = syntax
    }

    /// The one-line usage hint shown while typing the command: `<name> <syntax>`, or the name alone.
    public var usage: String {
        syntax.isEmpty ? name : "\(name) \(syntax)"
    }
}

/// The built-in list of FreeSWITCH API commands, for completing the first word when the switch
/// cannot (no `console_complete`, a userauth login without that API, a timeout).
public enum APICommandCatalog {
    private static let byName: [String: APICommandSummary] = Dictionary(
        commands.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The command named `name` (any case), or `nil`.
    public static func command(named name: String) -> APICommandSummary? {
        byName[name.lowercased()]
    }
}
