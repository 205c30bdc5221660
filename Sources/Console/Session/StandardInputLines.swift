/// The lines of standard input as an async stream, read on a thread of their own so that a pipe
/// that waits for its writer never holds one of the few threads async tasks share.
enum StandardInputLines {
    /// Each line without its line end, then the end of the stream at end of input.
    static func stream() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .unbounded)
        DedicatedThread.start(name: "fscli stdin") {
            while let line = readLine(strippingNewline: true) { continuation.yield(line) }
            continuation.finish()
        }
        return stream
    }
}
