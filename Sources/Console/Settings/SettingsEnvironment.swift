/// What settings resolution reads from the outside world, injected so tests use fixtures.
public struct SettingsEnvironment: Sendable {
    /// Environment variables (`HOME`, `XDG_CONFIG_HOME`, `FSCLI_PASSWORD`, …).
    public var variables: [String: String]
    /// This machine's host name: the name of the built-in profile when no file has one (as fs_cli).
    public var hostname: String
    /// Reads a whole file as UTF-8; throws if it cannot be opened or read.
    public var readFile: @Sendable (String) throws -> String
    /// A file's permission bits (`st_mode & 0o777`), or nil when they cannot be read.
    public var fileMode: @Sendable (String) -> UInt16?

    /// Creates an environment from its parts.
    public init(variables: [String: String], hostname: String, readFile: @escaping @Sendable (String) throws -> String,
                fileMode: @escaping @Sendable (String) -> UInt16? = { _ in nil }) {
        self.variables = variables
        self.hostname = hostname
        self.readFile = readFile
        self.fileMode = fileMode
    }
}
