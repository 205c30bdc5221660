import Console
import Dispatch

/// The process's entry point, synchronous.
///
/// `fscli -x` without `bgapi` (what scripts call in loops) runs right here on the main thread with
/// the blocking client: no task, no thread to hand over to and back, which on a loaded machine cost
/// a scheduling delay each. Everything else runs in a detached task while the main thread waits.
///
/// An `async` main would park the main thread in `dispatch_main()`, which ends it with
/// `pthread_exit`. That unwinds the thread, and in a statically linked executable the unwinder's
/// first search sorts every frame description entry in the binary: about 270 million instructions
/// (tens of milliseconds) on every start, far more than the rest of an `fscli -x` run.
@main
enum ProcessEntry {
    static func main() {
        if let options = ConsoleOptions.quickParse(Array(CommandLine.arguments.dropFirst())) {
            switch FscliCommand.consoleRunner(options) {
            case .failure(let failure):
                processExit(failure.status.rawValue)
            case .success(let runner):
                if !runner.settings.useMock, let status = runner.runBlockingIfPossible() {
                    processExit(status.rawValue)
                }
                wait { processExit(await FscliCommand.runConsole(runner).rawValue) }
            }
        }
        wait { await FscliCommand.dispatch() }
    }

    /// Runs `work` in a detached task (a plain one would inherit the main actor, whose queue the
    /// waiting main thread never drains) and waits for it to finish.
    private static func wait(_ work: @escaping @Sendable () async -> Void) {
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await work()
            finished.signal()
        }
        finished.wait()
    }
}
