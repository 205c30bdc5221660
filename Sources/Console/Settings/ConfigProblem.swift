/// Something wrong with one line of a configuration file: reported to the user, never fatal.
///
/// fs_cli silently skips lines it cannot parse; fscli names the file and line so a typo is
/// found without reading libesl's source.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file the line is in, as it was opened.
    public var path: String
    /// The 1-based line number.
    public var line: Int
    /// One sentence saying what is wrong and what fscli did about it.
    public var message: String

    /// Creates a problem report.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(path):\(line): \(message)" }
}
