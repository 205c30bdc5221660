// Drives LineEditor the way the console will, for the real-terminal test in LineEditorTests:
// lines written to the FIFO given as the first argument are printed from a background thread through
// the OutputQueue ("bg: <line>") while the operator types. Entered lines echo as "got: <line>".
import Foundation
import LineEditor

let queue = OutputQueue()
if CommandLine.arguments.count > 1 {
    let fifo = CommandLine.arguments[1]
    let reader = Thread {
        guard let handle = FileHandle(forReadingAtPath: fifo) else { return }
        var pending = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                queue.enqueue("bg: \(line)")
            }
        }
    }
    reader.start()
}

let environment = ProcessInfo.processInfo.environment
let history = HistoryFile.defaultPath(environment: environment).map { HistoryFile(path: $0) }
_ = try? history?.load()

let interactive = isatty(STDIN_FILENO) == 1 && environment["TERM"] != "dumb"
let editor: any LineEditing = interactive ? ReadlineEditor(history: history) : PlainLineReader()
editor.completer = { request in
    let word = request.beforeCursor.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    let matches = ["sofia", "show", "shutdown", "status"].filter { $0.hasPrefix(word) }
    if matches.count == 1 { return CompletionResult(deleteBeforeCursor: word.count, insert: matches[0] + " ") }
    return CompletionResult(candidates: matches)
}

editor.run(prompt: "demo> ", queue: queue) { event in
    switch event {
    case .line(let line):
        editor.printAbove("got: \(line)")
        return line == "/quit" ? .stop : .proceed
    case .endOfInput:
        editor.printAbove("bye")
        return .stop
    case .interrupt:
        editor.printAbove("interrupted")
        return .proceed
    case .terminated:
        return .stop
    case .functionKey(let number):
        editor.clearLine()
        editor.printAbove("fkey: F\(number)")
        return .proceed
    }
}
exit(0)
