#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread of its own, for a body that blocks (the line editor waits in poll(2)) and so must
/// not tie up one of Swift concurrency's few threads. Foundation's `Thread` does the same, but
/// importing Foundation links ICU's data into the binary.
enum DedicatedThread {
    /// Starts `body` on a new detached thread; `name` names it on Darwin (glibc's module map does not
    /// export `pthread_setname_np`) and in the failure message.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Context(name: name, body: body)).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue().run()
            return nil
        }, context)
        #else
        var thread: pthread_t?
        let result = pthread_create(&thread, nil, { raw in
            Unmanaged<Context>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, context)
        #endif
        precondition(result == 0, "cannot start the \(name) thread: pthread_create returned \(result)")
        #if os(Linux)
        pthread_detach(thread)
        #else
        pthread_detach(thread!)
        #endif
    }

    private final class Context {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            (self.name, self.body) = (name, body)
        }

        func run() {
            #if canImport(Darwin)
            _ = pthread_setname_np(name)
            #endif
            body()
        }
    }
}
