import SwitchCatalog
import ESLClient
import Dispatch
import ESLProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

extension ConsoleSession {
    /// The longest Tab may wait for the switch: a slow switch never freezes the prompt for more.
    static let completionTimeout: Duration = .seconds(1)

    /// Tab (called on the terminal thread): the console's own completion for slash commands and
    /// the arguments it knows, else the switch's `console_complete`, else the built-in command list
    /// with a usage hint.
    func complete(_ request: LineEditor.CompletionRequest) -> CompletionResult {
        let line = request.line
        let cursor = request.cursorUTF8Offset
        let (connection, local, cannot) = core.withLock { core in
            (core.connection,
             LocalCompleter(headerNames: core.knowledge.headerNames, channelUUIDs: core.knowledge.channelUUIDs, profileNames: core.knowledge.profileNames),
             core.knowledge.switchCannotComplete)
        }
        if let completion = local.complete(line: line, cursor: cursor) {
            return Self.result(completion, beforeCursor: request.beforeCursor)
        }
        if let connection, !cannot, let reply = askSwitch(connection, line: line, cursor: cursor) {
            if let write = reply.write {
                return CompletionResult(
                    candidates: reply.candidates.count > 1 ? reply.candidates : [],
                    deleteBeforeCursor: Self.characters(endingBytes: write.length, of: request.beforeCursor),
                    insert: write.text)
            }
            if !reply.candidates.isEmpty { return CompletionResult(candidates: reply.candidates) }
        }
        return Self.result(local.fallback(line: line, cursor: cursor), beforeCursor: request.beforeCursor)
    }

    /// `api console_complete …`, waited for at most ``completionTimeout``; nil when the switch did not
    /// answer in time or cannot complete (then local completion is used from now on).
    private func askSwitch(_ connection: any SwitchConnection, line: String, cursor: Int) -> CompletionReply? {
        let answer = Locked<ReplyText?>(nil)
        let done = DispatchSemaphore(value: 0)
        let command = Console.CompletionRequest.command(line: line, cursor: cursor)
        let task = Task {
            defer { done.signal() }
            guard let response = try? await connection.reply(to: command) else { return }
            answer.withLock { $0 = response }
        }
        // The task also times out on its own; the extra margin only covers scheduling.
        if done.wait(timeout: .now() + .milliseconds(1_100)) == .timedOut {
            task.cancel()
            return nil
        }
        guard let response = answer.current else { return nil }
        if response.isError {
            core.withLock { $0.knowledge.switchCannotComplete = true }
            return nil
        }
        return CompletionReply(body: response.text)
    }

    static func result(_ completion: LocalCompletion, beforeCursor: String) -> CompletionResult {
        let edit = completion.write
        let listed = completion.candidates.count > 1 ? completion.candidates : []
        let hint = completion.candidates.count <= 1 ? completion.hint.map { "usage: \($0)" } : nil
        return CompletionResult(
            candidates: listed,
            deleteBeforeCursor: edit.map { characters(endingBytes: $0.length, of: beforeCursor) } ?? 0,
            insert: edit?.text ?? "",
            message: hint)
    }

    /// How many characters at the end of `text` make up its last `bytes` UTF-8 bytes.
    static func characters(endingBytes bytes: Int, of text: String) -> Int {
        var count = 0
        var total = 0
        for character in text.reversed() {
            guard total < bytes else { break }
            total += character.utf8.count
            count += 1
        }
        return count
    }
}
