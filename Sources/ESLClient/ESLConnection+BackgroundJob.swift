import ESLProtocol
import Foundation
import NIOCore

extension ESLConnection {
    /// Runs `bgapi <command> [<arguments>]` and returns when the job's BACKGROUND_JOB event arrives.
    ///
    /// If this connection is not subscribed to BACKGROUND_JOB, it subscribes for the duration of
    /// the job (in the current event format) and unsubscribes afterwards; if the connection has
    /// filters, a `Job-UUID` filter lets the job's event through and is removed afterwards. The
    /// caller's own subscriptions and filters are otherwise untouched, and the job's event reaches
    /// ``notifications`` only if the caller subscribed to BACKGROUND_JOB.
    ///
    /// Throws ``ESLClientError/Code/commandFailed`` if the switch refuses the bgapi itself, and
    /// ``ESLClientError/Code/requestTimeout`` if reply and event together take longer than `timeout`.
    /// `accepted`, if given, is called with the switch's `+OK Job-UUID` reply as soon as it is read
    /// (on the connection's event loop, before any later frame), so a caller can show that the job
    /// started while it runs.
    public func bgapi(
        _ command: String, _ arguments: String? = nil, jobUUID: String? = nil, timeout: Duration? = nil,
        accepted: (@Sendable (ESLCommandReply) -> Void)? = nil
    ) async throws(ESLClientError) -> ESLBackgroundJob {
        let jobUUID = jobUUID ?? UUID().uuidString.lowercased()
        let timeout = timeout ?? configuration.requestTimeout
        let deadline = timeout.map { ContinuousClock.now + $0 }
        let eventLoop = channel.eventLoop
        let jobPromise = eventLoop.makePromise(of: ESLEvent.self)
        let replyPromise = eventLoop.makePromise(of: ESLClientStateMachine.Reply.self)
        let bgapi = ESLCommand.bgapi(command, arguments, jobUUID: jobUUID)
        let handler = self.handler
        if let accepted {
            // Called on the event loop as the reply is read, so it comes before anything the switch
            // sends after it (the job's own BACKGROUND_JOB event included).
            replyPromise.futureResult.whenSuccess { reply in
                if case .command(let commandReply) = reply, !commandReply.isError { accepted(commandReply) }
            }
        }

        // Everything is queued in one event-loop turn so that the subscription and filter commands
        // reach the switch before the bgapi, and no concurrent bgapi can interleave.
        let planned = eventLoop.submit { () -> JobPlan in
            let handler = handler.value
            handler.registerJob(jobUUID, promise: jobPromise)
            var plan = JobPlan()
            let subscriptions = handler.subscriptions
            if !subscriptions.isSubscribed(to: "BACKGROUND_JOB") {
                plan.quiet = true
                if handler.beginQuietJobSubscription() {
                    handler.send(.event(subscriptions.format, ["BACKGROUND_JOB"]), mirror: false, promise: eventLoop.makePromise())
                }
            }
            if !subscriptions.filters.isEmpty {
                plan.filtered = true
                handler.send(.filter("Job-UUID", jobUUID), mirror: false, promise: eventLoop.makePromise())
            }
            handler.send(bgapi, mirror: false, promise: replyPromise)
            return plan
        }
        let plan: JobPlan
        do {
            plan = try await planned.get()
        } catch {
            throw ESLClientError(.connectionClosed, "the connection to \(address) is closed", address: address)
        }
        defer {
            eventLoop.execute {
                let handler = handler.value
                handler.forgetJob(jobUUID)
                if plan.filtered {
                    handler.send(.filterDelete("Job-UUID", jobUUID), mirror: false, promise: eventLoop.makePromise())
                }
                if plan.quiet && handler.endQuietJobSubscription() {
                    handler.send(.nixevent(["BACKGROUND_JOB"]), mirror: false, promise: eventLoop.makePromise())
                }
            }
        }

        let reply = try await wait(for: replyPromise, timeout: Self.remaining(until: deadline), what: bgapi.description)
        if case .command(let commandReply) = reply, commandReply.isError {
            jobPromise.fail(ESLClientError(.commandFailed, "bgapi \(command) was refused: \(commandReply.text)", address: address, serverText: commandReply.text))
        }
        let event = try await wait(for: jobPromise, timeout: Self.remaining(until: deadline), what: "the result of \(bgapi.description)")
        return ESLBackgroundJob(jobUUID: jobUUID, event: event)
    }

    private static func remaining(until deadline: ContinuousClock.Instant?) -> Duration? {
        guard let deadline else { return nil }
        return max(.zero, deadline - ContinuousClock.now)
    }
}

/// What a bgapi call set up for itself and must undo.
struct JobPlan: Sendable {
    var quiet = false
    var filtered = false
}
