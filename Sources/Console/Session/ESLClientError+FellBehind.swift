import ESLClient
import ESLProtocol

extension ESLClientError {
    /// Whether the switch cut this listener off because its queue for it overflowed: FreeSWITCH's
    /// notices for more than 500 events or log lines it could not queue (docs/protocol.md,
    /// "Disconnect notices"). A run that loses nothing makes this likely when its output is slow.
    var isCutForFallingBehind: Bool {
        guard code == .disconnected, let text = serverText?.trimmingBlanks else { return false }
        return text == ESLDisconnectNotice.lostEvents.trimmingBlanks || text == ESLDisconnectNotice.lostLogLines.trimmingBlanks
    }

    /// The message, with what it means when the switch cut the listener off for falling behind.
    var messageSayingWhy: String {
        isCutForFallingBehind ? "\(message): the switch cut this listener off because it fell behind" : message
    }
}
