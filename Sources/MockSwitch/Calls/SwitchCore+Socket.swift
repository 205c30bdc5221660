import ESLProtocol
import NIOCore

/// What the server tells the core about a `socket` application's connection, and the outbound
/// `connect` reply it asks the core for.
extension SwitchCore {
    /// The connection could not be made (nothing listens there).
    public func socketFailed(_ request: OutboundSocketRequest) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        withCalls { $0.socketFailed(request.channel) }
    }

    /// The outbound `connect` reply (docs/protocol.md, "Outbound mode"): the channel's CHANNEL_DATA event with the
    /// caller profile also under the prefix `Channel`, then the reply headers; `nil` when the channel is gone. An
    /// `async` channel parks on its next tick.
    public func socketHandshake(_ uuid: String, socketMode: String, control: String) -> ESLEvent? {
        var data: ESLEvent?
        let result = withCalls { script in
            guard let leg = script.book.legs[uuid] else { return }
            data = events.channelEvent("CHANNEL_DATA", leg, source: .socketConnect, time: script.now, .init(
                leading: leg.profile?.headers(prefix: "Channel") ?? [],
                trailing: [("Content-Type", ESLContentType.commandReply), ("Reply-Text", "+OK\n"),
                           ("Socket-Mode", socketMode), ("Control", control)]))
            script.socketHandshake(uuid)
        }
        calls.publish(result)
        if let tick = calls.socketParkTick {
            calls.later(tick) { self.withCalls { $0.parkSocket(uuid) } }
        }
        return data
    }

    /// The core timer's tick for every `async` socket channel that answered `connect`: they park.
    public func parkConnectedSockets() -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        withCalls { script in
            for uuid in script.book.legs.keys.sorted() where script.book.legs[uuid]?.socket?.phase == .connected {
                script.parkSocket(uuid)
            }
        }
    }

    /// The connection closed: the application returns (the dialplan goes on, or a hung-up channel
    /// finishes its teardown).
    public func socketClosed(_ uuid: String) -> (events: [ESLEvent], logLines: [ESLLogLine]) {
        withCalls { $0.socketClosed(uuid) }
    }

    /// Whether the channel has hung up (or is gone).
    func channelIsDown(_ uuid: String) -> Bool {
        leg(uuid).map { $0.hangupCause != nil } ?? true
    }
}
