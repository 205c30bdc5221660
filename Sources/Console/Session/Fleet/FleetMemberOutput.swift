import LineEditor

/// One fleet switch's ``SessionOutput``: logs and events go straight to the terminal's queue,
/// tagged with the switch's name; everything else (replies, messages, idle, state) goes to the
/// fleet's mailbox, in order, so the fleet can hold a reply until every switch has answered.
///
/// It never takes a lock of the fleet's: it is called with the switch's session locked, and the
/// fleet calls into that session from its mailbox task.
final class FleetMemberOutput: SessionOutput {
    let index: Int
    let tags: FleetTags
    let queue: OutputQueue
    let mailbox: AsyncStream<FleetStateMachine.Input>.Continuation
    /// Whether logs and events are tagged; `--events-json` records name their switch instead, so
    /// that each line stays one JSON object.
    let tagsStream: Bool

    init(index: Int, tags: FleetTags, queue: OutputQueue, mailbox: AsyncStream<FleetStateMachine.Input>.Continuation, tagsStream: Bool = true) {
        self.tagsStream = tagsStream
        self.index = index
        self.tags = tags
        self.queue = queue
        self.mailbox = mailbox
    }

    func enqueue(_ text: String, droppable: Bool, lines: Int) {
        if droppable {
            queue.enqueue(tagsStream ? tags.tagged(index, text) : text, droppable: true, lines: lines)
        } else {
            mailbox.yield(.output(index, text))
        }
    }

    func enqueueStreamed(_ text: String, lines: Int) async {
        await queue.enqueueStreamed(tagsStream ? tags.tagged(index, text) : text, lines: lines)
    }

    func sessionIdle(linesSubmitted: Int, lineStatus: ExitStatus) {
        mailbox.yield(.idle(index, submitted: linesSubmitted, lineStatus: lineStatus))
    }

    func sessionStatus(_ text: String?, link: ConsoleStateMachine.Link, eventsPerSecond: Int) {
        mailbox.yield(.memberStatus(index, link: link, eventsPerSecond: eventsPerSecond))
    }

    func setPrompt(_ prompt: String) {
        mailbox.yield(.promptChanged(index))
    }

    func requestStop() {
        mailbox.yield(.memberStopped(index))
    }

    func pane(_ command: PaneCommand) {
        queue.pane(command)
    }

    // The fleet draws its own status line and prompt readiness from the inputs above.
    func setStatus(_ status: String) {}
    func signalPromptReady() {}

    var droppedTotal: Int { queue.droppedTotal }
}
