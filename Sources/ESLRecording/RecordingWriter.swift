import CZlib
import ESLProtocol
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a recording (docs/recording.md) from any thread without ever blocking it or losing a
/// frame: ``append(time:switchName:frame:)`` adds the record to memory and a thread of the writer's
/// own writes it out (gzip-compressed when the name ends in `.gz`). Memory is bounded by asking the
/// socket readers to wait (``holdsReading(resume:)``) while more than ``memoryLimit`` bytes wait.
///
/// A write error (a full disk) ends the recording: what waits is let go, readers are resumed, and
/// `onFailure` hears why, once. ``close()`` writes what waits and closes the file.
public final class RecordingWriter: @unchecked Sendable {
    /// The file written.
    public let path: String
    /// About how many bytes may wait for the disk before readers are held.
    public let memoryLimit: Int

    /// The open file; used only on the writer's thread once opened.
    private let file: gzFile
    private let pool: NIOThreadPool
    private let onFailure: @Sendable (RecordingError) -> Void

    private let lock = NIOLock()
    // Guarded by `lock`:
    private var pending = ByteBuffer()
    /// Bytes appended and not yet written, the batch being written included.
    private var waitingBytes = 0
    private var draining = false
    private var closed = false
    private var failure: RecordingError?
    /// What restarts each reader held back while the writer was behind.
    private var resumes: [@Sendable () -> Void] = []
    /// Records written (appended, for a failed writer).
    private var records = 0

    private init(path: String, file: gzFile, memoryLimit: Int, onFailure: @escaping @Sendable (RecordingError) -> Void) {
        self.path = path
        self.file = file
        self.memoryLimit = memoryLimit
        self.onFailure = onFailure
        self.pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
    }

    /// Creates (or replaces) the file at `path`, readable by its owner only (it holds the switch's
    /// traffic), and writes the first line. Fails with the reason when the file cannot be written.
    public static func open(
        path: String, memoryLimit: Int = 8 << 20, onFailure: @escaping @Sendable (RecordingError) -> Void = { _ in }
    ) throws(RecordingError) -> RecordingWriter {
        guard !path.isEmpty else { throw RecordingError("no file name given for the recording") }
        if let problem = RecordingFile.unusablePath(path, forWriting: true) { throw RecordingError("cannot record to \(path): \(problem)") }
        let descriptor = openReplacing(path)
        guard descriptor >= 0 else { throw RecordingError("cannot record to \(path): \(RecordingFile.errnoText(errno))") }
        let compressed = path.hasSuffix(".gz")
        // "T": zlib writes the bytes as they are, so both kinds go through one interface. Level 1:
        // a flood of 4 KB events is recorded 2.6 times as fast as at zlib's default level 6 (the
        // writer keeps up with about 42,000 a second instead of 16,000), and the text still shrinks
        // about 50 times (Benchmarks/replay.py).
        guard let file = gzdopen(descriptor, compressed ? "wb1" : "wbT") else {
            closeDescriptor(descriptor)
            throw RecordingError("cannot record to \(path): zlib could not set up the file")
        }
        var first = ByteBuffer()
        RecordingFormat.writeFirstLine(into: &first)
        if let problem = write(first, to: file) {
            gzclose(file)
            throw RecordingError("cannot record to \(path): \(problem)")
        }
        return RecordingWriter(path: path, file: file, memoryLimit: memoryLimit, onFailure: onFailure)
    }

    /// Adds one frame's record; returns at once. Ignored once closed or failed. The writer's
    /// thread takes it at the next ``flush()``, or once a batch's worth waits.
    public func append(time: Int64, switchName: String, frame: ESLFrame) {
        lock.lock()
        guard !closed, failure == nil else {
            lock.unlock()
            return
        }
        let before = pending.readableBytes
        RecordingFormat.writeRecord(time: time, switchName: switchName, frame: frame, into: &pending)
        waitingBytes += pending.readableBytes - before
        records += 1
        let start = pending.readableBytes >= Self.batchBytes && !draining
        if start { draining = true }
        lock.unlock()
        if start { pool.submit { _ in self.drain() } }
    }

    /// Hands what was appended to the writer's thread (after a socket read's frames): one
    /// wake-up per burst, not per frame, which on a busy machine cost more than the writing.
    public func flush() {
        lock.lock()
        let start = pending.readableBytes > 0 && !draining
        if start { draining = true }
        lock.unlock()
        if start { pool.submit { _ in self.drain() } }
    }

    /// How much waits before ``append(time:switchName:frame:)`` wakes the writer without a flush.
    static let batchBytes = 256 << 10

    /// Reader side, before reading its socket again: true when the writer is behind, and then
    /// `resume` is called once it has caught up (or failed, or closed).
    public func holdsReading(resume: @escaping @Sendable () -> Void) -> Bool {
        lock.lock()
        guard failure == nil, !closed, waitingBytes >= memoryLimit else {
            lock.unlock()
            return false
        }
        resumes.append(resume)
        // Whatever waits must be on its way, or nothing would ever resume the reader.
        let start = pending.readableBytes > 0 && !draining
        if start { draining = true }
        lock.unlock()
        if start { pool.submit { _ in self.drain() } }
        return true
    }

    /// How many records were handed to the writer.
    public var recordCount: Int {
        lock.withLock { records }
    }

    /// Why the recording stopped early, if it did.
    public var failed: RecordingError? {
        lock.withLock { failure }
    }

    /// Writes what waits, closes the file and stops the thread. Returns why the recording failed,
    /// if it did (then or before). Later appends are ignored; calling it again does nothing more.
    @discardableResult
    public func close() async -> RecordingError? {
        guard beginClosing() else { return failed }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            submitFinish { done.resume() }
        }
        try? await pool.shutdownGracefully()
        return failed
    }

    /// ``close()`` for a caller that may block and is not async: a signal handler about to end
    /// the process.
    @discardableResult
    public func closeWaiting() -> RecordingError? {
        guard beginClosing() else { return failed }
        let done = ConditionLock(value: false)
        submitFinish {
            done.lock()
            done.unlock(withValue: true)
        }
        done.lock(whenValue: true)
        done.unlock()
        try? pool.syncShutdownGracefully()
        return failed
    }

    /// Marks the writer closed; false when it already was.
    private func beginClosing() -> Bool {
        lock.withLock {
            defer { closed = true }
            return !closed
        }
    }

    /// Queues the last work: what waits, then the end of the file. The pool has one thread and runs
    /// work in order, so this comes after any drain already queued.
    private func submitFinish(_ then: @escaping @Sendable () -> Void) {
        pool.submit { _ in
            self.drain()
            self.finish()
            then()
        }
    }

    // MARK: The writer's thread

    /// Writes batches until nothing waits.
    private func drain() {
        while true {
            lock.lock()
            guard pending.readableBytes > 0 else {
                draining = false
                lock.unlock()
                return
            }
            let batch = pending
            pending = ByteBuffer()
            let failedAlready = failure != nil
            lock.unlock()
            let problem = failedAlready ? nil : Self.write(batch, to: file)
            lock.lock()
            waitingBytes -= batch.readableBytes
            var report: RecordingError?
            if let problem, failure == nil {
                failure = RecordingError("recording to \(path) stopped: \(problem)")
                report = failure
                waitingBytes -= pending.readableBytes
                pending = ByteBuffer()
            }
            let resumed = waitingBytes < memoryLimit || failure != nil ? resumes : []
            if !resumed.isEmpty { resumes.removeAll() }
            lock.unlock()
            for resume in resumed { resume() }
            if let report { onFailure(report) }
        }
    }

    /// Ends the gzip stream and closes the file; readers still held are let go.
    private func finish() {
        let status = gzclose(file)
        lock.lock()
        var report: RecordingError?
        if status != Z_OK, failure == nil {
            failure = RecordingError("recording to \(path) stopped: closing the file failed: \(status == Z_ERRNO ? RecordingFile.errnoText(errno) : "zlib error \(status)")")
            report = failure
        }
        let resumed = resumes
        resumes.removeAll()
        lock.unlock()
        for resume in resumed { resume() }
        if let report { onFailure(report) }
    }

    /// Writes and flushes `bytes` (so a recording in progress can be read); the reason on failure.
    private static func write(_ bytes: ByteBuffer, to file: gzFile) -> String? {
        let problem: String? = bytes.withUnsafeReadableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let length = min(raw.count - offset, 1 << 20)
                let written = gzwrite(file, raw.baseAddress! + offset, UInt32(length))
                if written <= 0 { return RecordingFile.gzipErrorText(file) }
                offset += Int(written)
            }
            return nil
        }
        if let problem { return problem }
        return gzflush(file, Z_SYNC_FLUSH) == Z_OK ? nil : RecordingFile.gzipErrorText(file)
    }
}

/// Creates or truncates `path` for writing, mode 0600; the descriptor or -1 (errno says why).
private func openReplacing(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
