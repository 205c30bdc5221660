import LineEditor

/// Where a ``ConsoleSession`` sends what it shows: the terminal's ``OutputQueue`` for one switch,
/// or, in a fleet, a ``FleetMemberOutput`` that tags each line with the switch's name and holds a
/// command's reply until every switch has answered. The requirements are the queue's own methods,
/// so the session reads the same either way.
protocol SessionOutput: AnyObject, Sendable {
    /// Text above the prompt; `droppable` for logs and events (``OutputQueue/enqueue(_:droppable:lines:)``).
    func enqueue(_ text: String, droppable: Bool, lines: Int)
    /// Logs and events as they stream in: dropped and counted when the terminal is behind, or, when
    /// nothing may be lost, waited for (``OutputQueue/enqueueStreamed(_:lines:)``).
    func enqueueStreamed(_ text: String, lines: Int) async
    /// The status line's text.
    func setStatus(_ status: String)
    /// The prompt changed.
    func setPrompt(_ prompt: String)
    /// The session is idle: its last line is done.
    func signalPromptReady()
    /// Scroll-back search, pause or resume.
    func pane(_ command: PaneCommand)
    /// The session is over.
    func requestStop()
    /// Logs and events the terminal could not keep up with, so far.
    var droppedTotal: Int { get }
    /// See the extension's default.
    func sessionIdle(linesSubmitted: Int, lineStatus: ExitStatus)
    /// See the extension's default.
    func sessionStatus(_ text: String?, link: ConsoleStateMachine.Link, eventsPerSecond: Int)
}

extension SessionOutput {
    /// Text that is never dropped (replies, messages).
    func enqueue(_ text: String) {
        enqueue(text, droppable: false, lines: 1)
    }

    /// The session is idle after `linesSubmitted` lines, the last of which ended as `lineStatus`.
    /// The terminal only needs to know it may show a prompt; a fleet also matches it to the line it
    /// handed over and heads the reply with the status.
    func sessionIdle(linesSubmitted: Int, lineStatus: ExitStatus) {
        signalPromptReady()
    }

    /// The machine's state after an input: `text` for the status line when the pane draws one, and
    /// what a fleet's own status line is made of.
    func sessionStatus(_ text: String?, link: ConsoleStateMachine.Link, eventsPerSecond: Int) {
        if let text { setStatus(text) }
    }
}

extension OutputQueue: SessionOutput {}
