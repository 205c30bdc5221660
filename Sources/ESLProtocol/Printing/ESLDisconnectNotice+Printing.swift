extension ESLDisconnectNotice: CustomStringConvertible, CustomDebugStringConvertible {
    /// `disconnect: Disconnected, goodbye. (+1 line)`, or for the linger notice
    /// `linger: <channel name> (10 s)` (`until the client leaves` for -1).
    public var description: String {
        guard isLinger else { return "disconnect: \(PrintedText.firstLine(message))" }
        let time = lingerTime.map { $0 < 0 ? "until the client leaves" : "\($0) s" }
        return "linger: \(channelName ?? controlledSessionUUID ?? "")" + (time.map { " (\($0))" } ?? "")
    }

    /// Every header of the notice, then its text.
    public var debugDescription: String {
        frame.debugDescription
    }
}
