import ESLClient
import ESLProtocol
import Foundation
import NIOCore
import LineEditor
import Testing
@testable import Console

/// The interpreter over a stand-in connection: what the machine decides reaches the connection and
/// the output queue, in order.
@Suite(.timeLimit(.minutes(3))) struct ConsoleSessionTests {
    /// A switch that answers from a script and whose stream the test ends.
    final class FakeSwitch: SwitchConnection, @unchecked Sendable {
        func setDropsWhenBehind(_ drops: Bool) {}
        private let lock = NSLock()
        private var sentLines: [String] = []
        private var pending: [[ESLNotification]] = []
        private var ended = false
        private var reader: CheckedContinuation<[ESLNotification]?, Never>?
        let answer: @Sendable (String) -> String

        init(answer: @escaping @Sendable (String) -> String) {
            self.answer = answer
        }

        var sent: [String] { lock.withLock { sentLines } }

        func reply(to command: ESLCommand) async throws(ESLClientError) -> ReplyText {
            lock.withLock { sentLines.append(command.line) }
            let text = answer(command.line)
            return ReplyText(text: ReplyText.terminated(text), isError: text.hasPrefix("-ERR"))
        }

        func backgroundJob(_ line: String, accepted: @escaping @Sendable (String) -> Void) async throws(ESLClientError) -> ESLBackgroundJob {
            lock.withLock { sentLines.append("bgapi " + line) }
            accepted("+OK Job-UUID: job-1")
            let event = ESLEvent(headers: [(name: "Event-Name", value: "BACKGROUND_JOB"), (name: "Job-UUID", value: "job-1")], body: ByteBuffer(string: answer("api " + line)))
            return ESLBackgroundJob(jobUUID: "job-1", event: event)
        }

        func nextNotifications() async -> [ESLNotification]? {
            await withCheckedContinuation { continuation in
                lock.withLock {
                    if !pending.isEmpty {
                        continuation.resume(returning: pending.removeFirst())
                    } else if ended {
                        continuation.resume(returning: nil)
                    } else {
                        reader = continuation
                    }
                }
            }
        }

        /// What the client's buffer dropped (set by a test).
        var drops = 0
        var droppedCount: Int { lock.withLock { drops } }

        func close() async { end(with: nil) }

        func disconnect(_ error: ESLClientError) { end(with: [.disconnected(error)]) }

        private func end(with last: [ESLNotification]?) {
            lock.withLock {
                guard !ended else { return }
                ended = true
                if let last { pending.append(last) }
                if let reader {
                    self.reader = nil
                    reader.resume(returning: pending.isEmpty ? nil : pending.removeFirst())
                }
            }
        }
    }

    static func session(_ fake: FakeSwitch, queue: OutputQueue, interactive: Bool) -> ConsoleSession {
        var settings = ConsoleSettings(profileName: "test")
        settings.requestTimeout = nil
        return ConsoleSession(
            settings: settings, queue: queue, palette: Palette(isEnabled: false), connection: fake,
            identity: .init(switchName: "pbx", hostname: "pbx"), history: [], interactive: interactive, showsStatus: false)
    }

    /// What the queue hands over until `done` holds, as the terminal thread would take it: woken by
    /// its descriptor, on a thread of its own (the session's tasks need the cooperative pool), bounded.
    static func output(of queue: OutputQueue, until done: @escaping @Sendable (String, OutputQueue.Batch) -> Bool) async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                var text = ""
                // Generous: a full parallel run on two cores has starved these sessions for over 20 s.
                let deadline = Date().addingTimeInterval(120)
                while Date() < deadline {
                    var ready = pollfd(fd: queue.wakeFD, events: Int16(POLLIN), revents: 0)
                    _ = poll(&ready, 1, 1_000)
                    let batch = queue.drain()
                    text += batch.texts.map(ReplyText.terminated).joined()
                    if done(text, batch) { break }
                }
                continuation.resume(returning: text)
            }.start()
        }
    }

    @Test func linesRunInOrderAndTheirRepliesComeInOrder() async {
        let fake = FakeSwitch { line in line.hasPrefix("api echo ") ? String(line.dropFirst(9)) : "-ERR \(line.dropFirst(4)) Command not found!" }
        let queue = OutputQueue()
        let session = Self.session(fake, queue: queue, interactive: false)
        session.start(logCommand: nil)
        for line in ["echo one", "nosuch", "echo two", "bgapi echo job"] { session.submit(line, typed: false) }
        session.feed(.endOfInput)
        let text = await Self.output(of: queue) { _, batch in batch.stopRequested }
        #expect(fake.sent == ["api echo one", "api nosuch", "api echo two", "bgapi echo job"])
        #expect(text == "one\n-ERR nosuch Command not found!\ntwo\n+OK Job-UUID: job-1\nBACKGROUND_JOB job-1 (echo job):\njob\n")
        #expect(session.exitStatus(interactive: false) == .commandFailed)
        await session.finish()
    }

    @Test func aLostConnectionEndsTheSessionWithStatus255() async {
        let fake = FakeSwitch { _ in "+OK" }
        let queue = OutputQueue()
        let session = Self.session(fake, queue: queue, interactive: true)
        session.start(logCommand: nil)
        fake.disconnect(ESLClientError(.disconnected, "the switch disconnected: shutting down"))
        let text = await Self.output(of: queue) { _, batch in batch.stopRequested }
        #expect(text == "disconnected: the switch disconnected: shutting down\n")
        #expect(session.exitStatus(interactive: true) == .connectionFailed)
        await session.finish()
    }

    /// The status line's dropped count covers the session: a connection that ended (before a
    /// reconnect) keeps its drops counted.
    @Test func dropsOfAConnectionThatEndedStayCounted() async {
        let fake = FakeSwitch { _ in "+OK" }
        fake.drops = 7
        let queue = OutputQueue()
        let session = Self.session(fake, queue: queue, interactive: true)
        session.start(logCommand: nil)
        #expect(session.connectionDrops == 7)
        fake.disconnect(ESLClientError(.disconnected, "the switch disconnected: shutting down"))
        _ = await Self.output(of: queue) { _, batch in batch.stopRequested }
        #expect(session.connectionDrops == 7, "the ended connection's drops")
        await session.finish()
    }
}
