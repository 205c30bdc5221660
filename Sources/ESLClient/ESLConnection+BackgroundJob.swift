import ESLProtocol
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore

extension ESLConnection {
    /// Runs `bgapi <command> [<arguments>]` and returns when the job's BACKGROUND_JOB event arrives.
    ///
    /// If this connection is not subscribed to BACKGROUND_JOB, it subscribes for the duration of
    /// the job (in the current event format; once for any number of concurrent jobs) and
    /// unsubscribes afterwards; if the connection has filters, a `Job-UUID` filter lets the job's
    /// event through and is removed afterwards. These commands reach the switch before the bgapi.
    /// The caller's own subscriptions and filters are otherwise untouched, and an event reaches
    /// ``notifications`` only if they let it through: what was let in only for a job is not
    /// delivered.
    ///
    /// - Parameters:
    ///   - command: the API command's name, e.g. `originate`.
    ///   - arguments: the rest of its line, if any, e.g. `loopback/7000 &park()`.
    ///   - jobUUID: the `Job-UUID` to send (default: a new random one); must not be that of a job
    ///     still running on this connection.
    ///   - deliversEvent: whether the job's own event may also reach ``notifications``. With
    ///     `false` the job's result is only returned here, even if the caller is subscribed to
    ///     BACKGROUND_JOB (for a caller that shows the result once, as the job's).
    ///   - timeout: for reply and event together (default: the configuration's request timeout).
    ///   - accepted: called with the switch's `+OK Job-UUID` reply as soon as it is read (on the
    ///     connection's event loop, before any later frame), so a caller can show that the job
    ///     started while it runs.
    /// - Throws: ``ESLClientError/Code/commandFailed`` if the switch refuses the bgapi itself, and
    ///   ``ESLClientError/Code/requestTimeout`` if reply and event together take longer than `timeout`.
    public func bgapi(
        _ command: String, _ arguments: String? = nil, jobUUID: String? = nil, deliversEvent: Bool = true,
        timeout: Duration? = nil, accepted: (@Sendable (ESLCommandReply) -> Void)? = nil
    ) async throws(ESLClientError) -> ESLBackgroundJob {
        let jobUUID = jobUUID ?? UUID().uuidString.lowercased()
        let timeout = timeout ?? configuration.requestTimeout
        let deadline = timeout.map { ContinuousClock.now + $0 }
        let eventLoop = channel.eventLoop
        let eventPromise = eventLoop.makePromise(of: ESLEvent.self)
        let replyPromise = eventLoop.makePromise(of: ESLReply.self)
        let handler = self.handler
        if let accepted {
            // Called on the event loop as the reply is read, so it comes before anything the switch
            // sends after it (the job's own BACKGROUND_JOB event included).
            replyPromise.futureResult.whenSuccess { reply in
                if case .command(let commandReply) = reply, !commandReply.isError { accepted(commandReply) }
            }
        }

        // One event-loop turn, so that the job's subscription and filter commands reach the switch
        // before the bgapi, and no concurrent bgapi can interleave.
        let started = eventLoop.submit {
            handler.value.startJob(command, arguments, jobUUID: jobUUID, deliversEvent: deliversEvent, reply: replyPromise, event: eventPromise)
        }
        let id: ESLClientStateMachine.RequestID?
        do {
            id = try await started.get()
        } catch {
            throw ESLClientError(.connectionClosed, "the connection to \(address) is closed", address: address)
        }
        defer {
            if let id { eventLoop.execute { handler.value.finishJob(id) } }
        }

        let what = ESLCommand.bgapi(command, arguments).description
        let reply = try await wait(for: replyPromise, timeout: Self.remaining(until: deadline), what: what)
        if case .command(let commandReply) = reply, commandReply.isError {
            throw ESLClientError(.commandFailed, "bgapi \(command) was refused: \(commandReply.text)", address: address, serverText: commandReply.text)
        }
        let event = try await wait(for: eventPromise, timeout: Self.remaining(until: deadline), what: "the result of \(what)")
        return ESLBackgroundJob(jobUUID: jobUUID, event: event)
    }

    private static func remaining(until deadline: ContinuousClock.Instant?) -> Duration? {
        guard let deadline else { return nil }
        return max(.zero, deadline - ContinuousClock.now)
    }
}
