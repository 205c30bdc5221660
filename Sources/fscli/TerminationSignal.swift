import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// Waits for SIGINT or SIGTERM, so a foreground server can stop cleanly instead of dying mid-write.
enum TerminationSignal {
    static func wait() async {
        await withCheckedContinuation { continuation in
            let resumed = ResumeOnce(continuation)
            onSignal { resumed.resume() }
        }
    }

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

/// Resumes a continuation at most once, whichever comes first.
final class ResumeOnce: @unchecked Sendable {
    private let lock = NIOLock()
    private var continuation: CheckedContinuation<Void, Never>?

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func resume() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}
