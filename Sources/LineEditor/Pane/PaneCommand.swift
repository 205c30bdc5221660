/// What the console asks of the pane's scroll-back, through ``OutputQueue/pane(_:)``.
public enum PaneCommand: Sendable, Equatable {
    /// Page back to the newest line containing the text, or, repeated with the same text, to the
    /// match before the one shown; nil ends the search and returns to the newest output.
    case find(String?)
    /// Hold the view still: new lines are kept and counted, not drawn.
    case pause
    /// Draw what arrived while paused and follow the output again.
    case resume
}
