import Foundation
import LineEditor
import Testing

/// The fallback over pipes: lines in, events out, queued output interleaved, ends at EOF.
@Suite struct PlainLineReaderTests {
    private func makePipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        return (fds[0], fds[1])
    }

    private func readAll(_ fd: Int32) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func readsLinesWithoutPromptAndEndsAtEOF() {
        let input = makePipe()
        let output = makePipe()
        let text = "status\r\nx\n\nlast-without-newline"
        _ = text.withCString { write(input.write, $0, strlen($0)) }
        close(input.write)
        let reader = PlainLineReader(inputFD: input.read, outputFD: output.write)
        let queue = OutputQueue()
        queue.enqueue("log line")
        var events: [LineEvent] = []
        reader.run(prompt: "fscli> ", queue: queue) { event in
            events.append(event)
            if case .line(let line) = event { reader.printAbove("ran \(line)") }
            return event == .endOfInput ? .stop : .proceed
        }
        close(output.write)
        #expect(events == [.line("status"), .line("x"), .line(""), .line("last-without-newline"), .endOfInput])
        let printed = readAll(output.read)
        #expect(!printed.contains("fscli> "), "no prompt on a pipe: \(printed)")
        #expect(printed.contains("log line\n"))
        #expect(printed.contains("ran status\nran x\nran \nran last-without-newline\n"))
        close(input.read)
        close(output.read)
    }

    @Test func afterEndOfInputQueuedOutputStillPrintsUntilStop() {
        let input = makePipe()
        let output = makePipe()
        _ = "slow command\n".withCString { write(input.write, $0, strlen($0)) }
        close(input.write)
        let reader = PlainLineReader(inputFD: input.read, outputFD: output.write)
        let queue = OutputQueue()
        var events: [LineEvent] = []
        reader.run(prompt: "p> ", queue: queue) { event in
            events.append(event)
            if event == .endOfInput {
                // The command is still running elsewhere; its output arrives after the input ended.
                Thread {
                    queue.enqueue("late reply")
                    queue.requestStop()
                }.start()
            }
            return .proceed
        }
        close(output.write)
        #expect(events == [.line("slow command"), .endOfInput])
        #expect(readAll(output.read) == "late reply\n")
        close(input.read)
        close(output.read)
    }

    @Test func stopFromAnotherThreadEndsTheLoop() {
        let input = makePipe()  // never written: only the queue can end the loop
        let output = makePipe()
        let reader = PlainLineReader(inputFD: input.read, outputFD: output.write, showsPrompt: true)
        let queue = OutputQueue()
        Thread {
            queue.enqueue("from elsewhere")
            queue.requestStop()
        }.start()
        var events: [LineEvent] = []
        reader.run(prompt: "p> ", queue: queue) { events.append($0); return .proceed }
        close(output.write)
        #expect(events.isEmpty)
        let printed = readAll(output.read)
        #expect(printed == "from elsewhere\n", "no prompt: the console never said it was idle")
        for fd in [input.read, input.write, output.read] { close(fd) }
    }

    /// TERM=dumb: one prompt per command, after its output (the prompt waits for the console to be
    /// idle, not for the line to be read).
    @Test func onePromptAfterEachCommandsOutput() {
        let input = makePipe()
        let output = makePipe()
        let reader = PlainLineReader(inputFD: input.read, outputFD: output.write, showsPrompt: true)
        let queue = OutputQueue()
        queue.enqueue("+OK log level debug [7]")
        queue.signalPromptReady()
        _ = Array("echo one\n".utf8).withUnsafeBytes { write(input.write, $0.baseAddress, $0.count) }
        var lines: [String] = []
        reader.run(prompt: "p> ", queue: queue) { event in
            guard case .line(let line) = event else { return .proceed }
            lines.append(line)
            // The reply is queued here, as a switch's would be from another thread; the reader
            // prints nothing of its own between reading the line and draining the queue.
            queue.enqueue(String(line.dropFirst(5)))
            queue.signalPromptReady()
            queue.requestStop()
            return .proceed
        }
        close(output.write)
        #expect(lines == ["echo one"])
        let printed = readAll(output.read)
        #expect(printed == "+OK log level debug [7]\np> one\n", "one prompt, not one before the reply too: \(printed.debugDescription)")
        for fd in [input.read, input.write, output.read] { close(fd) }
    }
}
