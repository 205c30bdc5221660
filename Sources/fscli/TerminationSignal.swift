import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM as events, so a foreground server can stop cleanly instead of dying mid-write.
enum TerminationSignal {
    /// Runs `handler` on the first SIGINT or SIGTERM (and on each after it).
    static func onSignal(_ handler: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "fscli.signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
