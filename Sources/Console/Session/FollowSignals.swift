import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `--follow` ends: SIGINT or SIGTERM, with status 0.
enum FollowSignals {
    /// From now on, SIGINT and SIGTERM end the process with status 0. Everything shown so far went
    /// out with write(2), unbuffered, so there is nothing to flush; `_exit` does not run exit-time
    /// destructors while the reader's threads are still running.
    static func endProcessOnSignal() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // A recording (`--record`) is written out and closed first.
                ConsoleRecorder.shared.stopWaiting()
                _exit(ExitStatus.success.rawValue)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
