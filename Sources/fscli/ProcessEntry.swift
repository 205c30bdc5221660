import Dispatch

/// The process's entry point, synchronous: fscli's async work runs in a task while the main thread
/// waits for it.
///
/// An `async` main would park the main thread in `dispatch_main()`, which ends it with
/// `pthread_exit`. That unwinds the thread, and in a statically linked executable the unwinder's
/// first search sorts every frame description entry in the binary: about 270 million instructions
/// (tens of milliseconds) on every start, far more than the rest of an `fscli -x` run.
@main
enum ProcessEntry {
    static func main() {
        let finished = DispatchSemaphore(value: 0)
        // Detached: a plain Task would inherit the main actor, whose queue the waiting main thread
        // never drains.
        Task.detached {
            await FscliCommand.dispatch()
            finished.signal()
        }
        finished.wait()
    }
}
