import Foundation

/// Runs blocking work (waiting for a process, reading its pipes) on a thread of its own and awaits
/// the result, so a test never ties up one of the few threads of Swift's cooperative pool (two on
/// this machine) while other tests' async work waits for them.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            continuation.resume(with: Result { try body() })
        }.start()
    }
}
