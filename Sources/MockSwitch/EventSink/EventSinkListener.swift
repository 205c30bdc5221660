import ESLProtocol
import NIOCore

/// One event_sink listener: a mod_event_socket listener with no socket, reached by its id over HTTP
/// (docs/http-face.md, "event_sink"). Subscriptions, filters and log level follow the same rules as
/// an ESL connection's, so they are kept in an ``ESLSubscriptions``.
struct EventSinkListener: Sendable {
    /// `MAX_QUEUE_LEN`: a full queue drops what comes next.
    static let queueLimit = 100_000
    /// The idle time, in whole seconds, after which a listener expires; no parameter changes it.
    static let timeoutSeconds: Int64 = 60

    let id: UInt32
    /// Fixed at creation: the shape of check-listener's answer.
    let format: ESLEventFormat
    var subscriptions = ESLSubscriptions()
    var events: [ESLEvent] = []
    var logLines: [ESLLogLine] = []
    /// When create-listener or check-listener last touched it (microseconds).
    var lastFlush: Int64
    /// filter, set-loglevel, stop-logging and destroy-listener take a read lock they never give back;
    /// such a listener still expires, but without the CRIT line.
    var lockLeaked = false

    var isLogging: Bool { subscriptions.logLevel != nil }

    /// Whether it has been idle for more than the timeout (`now - last_flush > 60` in seconds).
    func isIdle(now: Int64) -> Bool {
        now.floorDiv(1_000_000) - lastFlush.floorDiv(1_000_000) > Self.timeoutSeconds
    }

    /// Queues what passes its subscriptions, filters and log level, dropping past the limit.
    mutating func offer(_ offered: [ESLEvent], _ lines: [ESLLogLine]) {
        for event in offered where events.count < Self.queueLimit
            && subscriptions.passesSubscription(event) && subscriptions.passesFilters(event) {
            events.append(event)
        }
        if let level = subscriptions.logLevel {
            for line in lines where logLines.count < Self.queueLimit && line.level <= level {
                logLines.append(line)
            }
        }
    }

    // MARK: Texts

    /// The listener block of the XML replies, one space deeper than `<data>`.
    var xmlBlock: String {
        " <listener>\n  <listen-id>\(id)</listen-id>\n  <format>\(format.rawValue)</format>\n  <timeout>\(Self.timeoutSeconds)</timeout>\n </listener>\n"
    }

    /// The `listener` object of the JSON replies.
    var jsonObject: CJSON {
        .object([("listen-id", .number(Double(id))), ("format", .string(format.rawValue)), ("timeout", .number(Double(Self.timeoutSeconds)))])
    }
}
