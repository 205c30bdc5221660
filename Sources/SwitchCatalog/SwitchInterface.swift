/// One interface a module registers (`show interfaces`): an API command, a dialplan application,
/// a codec, an endpoint, a file format, …
public struct SwitchInterface: Sendable, Hashable {
    /// The kind of interface, as the `type` column of `show interfaces` names it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case api, application, chat, codec, dialplan, endpoint, file, generic, limit, management, say, timer
        case jsonAPI = "json_api"
    }

    /// What kind of interface it is.
    public var kind: Kind
    /// Its name, e.g. `playback` or `G.711 ulaw`.
    public var name: String
    /// The module that registers it (`ikey`), e.g. `mod_dptools` or `CORE_PCM_MODULE`.
    public var module: String
    /// The description (API commands and applications only).
    public var description: String
    /// The argument syntax (API commands and applications only).
    public var syntax: String

    /// An interface.
    public init(_ kind: Kind, _ name: String, _ module: String, description: String = "", syntax: String = "") {
        self.kind = kind
        self.name = name
        self.module = module
        self.description = description
        self.syntax = syntax
    }

    /// A dialplan application.
    public static func application(_ name: String, _ module: String, description: String, syntax: String) -> SwitchInterface {
        SwitchInterface(.application, name, module, description: description, syntax: syntax)
    }

    /// The interface of an API command.
    public init(_ command: APICommand) {
        self.init(.api, command.name, command.module, description: command.description, syntax: command.syntax)
    }

    /// The API command this interface is, if it is one.
    public var apiCommand: APICommand? {
        kind == .api ? APICommand(name: name, syntax: syntax, description: description, module: module) : nil
    }
}
