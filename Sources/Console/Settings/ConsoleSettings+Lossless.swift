extension ConsoleSettings {
    /// Whether this run must lose no log line or event: its output is for a program (a file, a pipe,
    /// `--json`, `--follow`, `--events-json`), which needs every one, not for a person watching a terminal, for whom
    /// a count of what was dropped beats falling ever further behind the switch.
    ///
    /// The one place that decides. When true, the connection stops reading the socket instead of
    /// dropping (``SwitchLink/configuration``), so TCP pushes back on the switch, and the session's
    /// output queue makes the reader wait instead of refusing lines (``ConsoleRunner``). A switch
    /// that then cuts the listener off for falling behind (FreeSWITCH does after 500 lost events)
    /// is said in one line on stderr.
    ///
    /// Every other reason to lose nothing joins this expression, e.g. a recording of the session
    /// (`|| recordPath != nil`), whose file must hold every frame whatever the screen shows.
    public var losesNothing: Bool {
        !stdoutIsTerminal || json || follow || eventsJSON
    }
}
