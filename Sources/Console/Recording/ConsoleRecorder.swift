import ESLClient
import ESLProtocol
import ESLRecording
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The recording of this fscli process (docs/recording.md): the frame tap every connection the
/// console makes carries, writing to the file `--record` or `/record` named, or to nothing.
///
/// One per process, because a recording is per run, not per connection: the connections of a
/// reconnect, and the switches of a console that talks to several, all write into the one file.
final class ConsoleRecorder: ESLFrameTap {
    /// The process's recorder.
    static let shared = ConsoleRecorder()

    private struct State {
        var writer: RecordingWriter?
        /// Told when a recording stops on its own (a write error); stderr until a session listens.
        var onFailure: @Sendable (RecordingError) -> Void = { StandardStreams.error($0.message) }
    }

    private let state = Locked(State())

    /// The file being written, if any.
    var path: String? {
        state.withLock { $0.writer?.path }
    }

    /// Whether a recording is on.
    var isRecording: Bool { path != nil }

    /// Sets who hears of a recording that stopped on its own (the session, to say so and update
    /// the status line).
    func onFailure(_ report: @escaping @Sendable (RecordingError) -> Void) {
        state.withLock { $0.onFailure = report }
    }

    /// Starts recording to `path`, replacing that file; a recording already on is closed first
    /// (everything it received is written). Throws when the file cannot be created. A leading `~/`
    /// is the home directory, as in a shell: `/record` paths are typed at the console's prompt,
    /// where no shell expands them. Returns the path opened.
    @discardableResult
    func start(path typed: String) async throws(RecordingError) -> String {
        let path = Self.expandingHome(in: typed, home: getenv("HOME").map { String(cString: $0) })
        let writer = try RecordingWriter.open(path: path) { [weak self] failure in
            self?.failed(failure)
        }
        let previous = state.withLock { state in
            defer { state.writer = writer }
            return state.writer
        }
        await previous?.close()
        return path
    }

    /// `path` with a leading `~` or `~/` replaced by `home`; unchanged without a home, and for
    /// `~user/…`, which names another user's home.
    static func expandingHome(in path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        let rest = path.dropFirst()
        return home.hasSuffix("/") && rest.hasPrefix("/") ? String(home.dropLast()) + rest : home + rest
    }

    /// Stops recording: what was received is written and the file closed. Returns the file and how
    /// many frames it holds, or nil when nothing was recording; a write error says why it failed.
    @discardableResult
    func stop() async -> (path: String, frames: Int, failure: RecordingError?)? {
        guard let writer = state.withLock({ state in
            defer { state.writer = nil }
            return state.writer
        }) else { return nil }
        let failure = await writer.close()
        return (writer.path, writer.recordCount, failure)
    }

    /// ``stop()`` from a signal handler that ends the process next: blocks until the file is closed.
    func stopWaiting() {
        let writer = state.withLock { state in
            defer { state.writer = nil }
            return state.writer
        }
        writer?.closeWaiting()
    }

    /// A writer failed: it is no longer the recording, and whoever listens hears why.
    private func failed(_ failure: RecordingError) {
        let report = state.withLock { state -> (@Sendable (RecordingError) -> Void)? in
            guard state.writer?.failed != nil else { return nil }
            state.writer = nil
            return state.onFailure
        }
        report?(failure)
    }

    /// `configuration` with this recorder as its tap; while a recording is on, the connection also
    /// stops dropping what its reader cannot take (nothing may be lost).
    func tapping(_ configuration: ESLConnection.Configuration) -> ESLConnection.Configuration {
        var configuration = configuration
        configuration.frameTap = self
        if isRecording { configuration.dropsWhenBehind = false }
        return configuration
    }

    // MARK: ESLFrameTap

    func received(_ frame: ESLFrame, from address: String) {
        guard let writer = state.withLock({ $0.writer }) else { return }
        writer.append(time: ArrivalClock.now(), switchName: RecordingFormat.safeName(address), frame: frame)
    }

    func endOfBurst() {
        state.withLock { $0.writer }?.flush()
    }

    func holdsReading(resume: @escaping @Sendable () -> Void) -> Bool {
        guard let writer = state.withLock({ $0.writer }) else { return false }
        return writer.holdsReading(resume: resume)
    }
}
