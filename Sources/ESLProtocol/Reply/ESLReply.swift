/// The switch's answer to one command, of whichever kind the command gets: what
/// ``ESLClientStateMachine`` hands to the command's waiter, and what a client's `send` returns.
public enum ESLReply: Sendable, Hashable {
    /// A `command/reply`: every command but `api` and the outbound `connect`, and also those two
    /// when the switch refuses them (`-ERR command not found`).
    case command(ESLCommandReply)
    /// An `api/response`: the output of `api`.
    case api(ESLAPIResponse)
    /// The outbound `connect` reply: the CHANNEL_DATA header block of the call.
    case channelData(ESLFrame)

    /// The reply as text: the `Reply-Text` of a `command/reply` or of the channel data, the output
    /// of an `api/response` as sent (it may lack a final line end).
    public var text: String {
        switch self {
        case .command(let reply): reply.text
        case .api(let response): response.text
        case .channelData(let frame): ESLCommandReply(headers: frame.headers).text
        }
    }

    /// Whether the switch reported a failure: a `-ERR` reply text or `api` output starting `-ERR`.
    /// A `-USAGE` line is not counted (see ``ESLAPIResponse/isUsage``); channel data never is.
    public var isError: Bool {
        switch self {
        case .command(let reply): reply.isError
        case .api(let response): response.isError
        case .channelData: false
        }
    }
}
