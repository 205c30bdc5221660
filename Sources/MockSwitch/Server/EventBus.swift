import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore

/// Fans events and log lines out to every listener. Each published event is serialized at most
/// once per format, and each event loop gets one task per publication that offers it to all of its
/// listeners, so the cost per delivery is a filter check and a buffer write.
final class EventBus: Sendable {
    /// A log line on its way to listeners: its level and its encoded frame.
    struct PublishedLogLine: Sendable {
        let level: Int
        let frame: ByteBuffer
    }

    private struct Member: Sendable {
        let id: UInt64
        let handler: NIOLoopBound<ListenerHandler>
    }

    private struct Registry: Sendable {
        var nextID: UInt64 = 0
        var byLoop: [ObjectIdentifier: (loop: any EventLoop, members: [UInt64: Member])] = [:]
        /// Rebuilt on every change so publishing reads one array.
        var snapshot: [(loop: any EventLoop, members: [Member])] = []

        mutating func rebuild() {
            snapshot = byLoop.values.map { ($0.loop, Array($0.members.values)) }.filter { !$0.members.isEmpty }
        }
    }

    private let registry = NIOLockedValueBox(Registry())
    /// The listeners that have no connection (event_sink's): offered everything first, in the
    /// publisher's thread, so what a request fired is queued before its response is written. They
    /// return log lines of their own (expiry notices) that everyone then gets too.
    private let socketless: @Sendable (_ events: [ESLEvent], _ logLines: [ESLLogLine]) -> [ESLLogLine]

    init(socketless: @escaping @Sendable (_ events: [ESLEvent], _ logLines: [ESLLogLine]) -> [ESLLogLine] = { _, _ in [] }) {
        self.socketless = socketless
    }

    /// Adds a listener; returns its id for ``leave(_:on:)``.
    func join(_ handler: NIOLoopBound<ListenerHandler>) -> UInt64 {
        registry.withLockedValue { registry in
            let id = registry.nextID
            registry.nextID += 1
            let key = ObjectIdentifier(handler.eventLoop)
            var entry = registry.byLoop[key] ?? (handler.eventLoop, [:])
            entry.members[id] = Member(id: id, handler: handler)
            registry.byLoop[key] = entry
            registry.rebuild()
            return id
        }
    }

    /// Removes a listener.
    func leave(_ id: UInt64, on loop: any EventLoop) {
        registry.withLockedValue { registry in
            registry.byLoop[ObjectIdentifier(loop)]?.members.removeValue(forKey: id)
            registry.rebuild()
        }
    }

    /// The number of listeners.
    var count: Int {
        registry.withLockedValue { $0.snapshot.reduce(0) { $0 + $1.members.count } }
    }

    /// Offers events and log lines, in order, to every listener.
    func publish(events: [ESLEvent] = [], logLines: [ESLLogLine] = []) {
        guard !events.isEmpty || !logLines.isEmpty else { return }
        var logLines = logLines
        let notices = socketless(events, logLines)
        if !notices.isEmpty {
            _ = socketless([], notices)
            logLines += notices
        }
        let published = events.map(PublishedEvent.init)
        let lines = logLines.map { PublishedLogLine(level: $0.level, frame: $0.frame.encoded) }
        for (loop, members) in registry.withLockedValue({ $0.snapshot }) {
            loop.execute {
                for member in members {
                    member.handler.value.offer(published, lines)
                }
            }
        }
    }

    /// Runs `body` on every listener, on its own event loop; completes when all have run.
    func forEachListener(_ body: @escaping @Sendable (ListenerHandler) -> Void) -> [EventLoopFuture<Void>] {
        registry.withLockedValue { $0.snapshot }.map { loop, members in
            loop.submit {
                for member in members { body(member.handler.value) }
            }
        }
    }
}
