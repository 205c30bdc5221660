import Dispatch
import ESLRecording
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--record FILE` around a whole run: the file is created before the first connection, so the
/// recording starts with the switch's greeting, and closed after the last, however the run ends.
struct RecordingRun: Sendable {
    /// The file, or nil when the run does not record from the start.
    let path: String?

    /// Starts the recording `settings` ask for; nil (after saying why on stderr) when the file
    /// cannot be written, which ends the run with status 2, as any unusable file named on the
    /// command line does.
    static func start(_ settings: ConsoleSettings) async -> RecordingRun? {
        guard let path = settings.recordPath else { return RecordingRun(path: nil) }
        do {
            try await ConsoleRecorder.shared.start(path: path)
        } catch {
            StandardStreams.error(error.message)
            return nil
        }
        // `-x` and `--json` runs take no signals of their own (the console's line editor and
        // `--follow` do, and close the recording themselves): a signal closes the file, then
        // ends the process as it would have.
        if !settings.follow, !settings.commands.isEmpty || settings.json {
            closeOnSignal()
        }
        return RecordingRun(path: path)
    }

    /// Closes the recording (also one `/record` started); a failure to write it is said on stderr.
    func finish() async {
        guard let stopped = await ConsoleRecorder.shared.stop(), let failure = stopped.failure else { return }
        StandardStreams.error(failure.message)
    }

    /// SIGINT and SIGTERM close the recording first, then do what they did before: end the process.
    private static func closeOnSignal() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                ConsoleRecorder.shared.stopWaiting()
                signal(number, SIG_DFL)
                raise(number)
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }

    /// Kept alive for the life of the process.
    private static let sources = Locked<[any DispatchSourceSignal]>([])
}
