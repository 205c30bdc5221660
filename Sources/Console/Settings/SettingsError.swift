/// Why settings could not be resolved. The message says what happened and what to do.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; extensible, so switch with a default.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The command line is invalid (a bad value, conflicting options).
        public static let usage = Code(name: "usage")
        /// The profile named on the command line is in no configuration file.
        public static let unknownProfile = Code(name: "unknownProfile")
        /// `--password-file` could not be read or is empty.
        public static let passwordFile = Code(name: "passwordFile")

        /// A short name for logs and tests.
        public let name: String
        /// The name.
        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// One line, for the user.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// Every settings error is the user's to fix before fscli can start.
    public var exitStatus: ExitStatus { .usage }
}
