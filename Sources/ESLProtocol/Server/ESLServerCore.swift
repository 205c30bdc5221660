/// What a server session asks the simulated switch while it decides a command's reply
/// (docs/protocol.md, "Command table"). Everything here is a question with an immediate answer; anything that
/// takes time (running an API command, executing a message) is returned as an
/// ``ESLServerSession/Action`` instead, so the session itself stays free of I/O, clocks and randomness.
public protocol ESLServerCore {
    /// A fresh lower-case `8-4-4-4-12` UUID (for `sendevent` and for `bgapi` without `Job-UUID`).
    func newUUID() -> String
    /// Whether a channel with this UUID exists (`switch_core_session_locate`).
    func channelExists(_ uuid: String) -> Bool
    /// A channel variable, or `nil` when the channel or the variable does not exist.
    func channelVariable(_ uuid: String, _ name: String) -> String?
    /// The directory entry used by `userauth <user>@<domain>:<password>`, or `nil` for an unknown user.
    func user(_ name: String, domain: String) -> ESLServerUser?
}

/// The `esl-*` parameters of a directory user (domain, group and user params merged, later wins),
/// as `userauth` reads them (docs/protocol.md, "Authentication").
public struct ESLServerUser: Sendable, Hashable {
    /// `esl-password`; a user without one can never log in.
    public var password: String?
    /// `esl-allowed-events`, raw (comma- or space-separated); `nil` means every event.
    public var allowedEvents: String?
    /// `esl-allowed-api`, raw (comma- or space-separated); `nil` means every command.
    public var allowedAPI: String?
    /// `esl-allowed-log` (default true).
    public var allowedLog: Bool

    /// Creates a directory entry.
    public init(password: String?, allowedEvents: String? = nil, allowedAPI: String? = nil, allowedLog: Bool = true) {
        self.password = password
        self.allowedEvents = allowedEvents
        self.allowedAPI = allowedAPI
        self.allowedLog = allowedLog
    }
}
