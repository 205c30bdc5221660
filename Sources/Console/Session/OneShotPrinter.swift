import ESLClient

/// How `-x` (and `--json` batch) shows each outcome and keeps the exit status: replies as the
/// console prints them, failures on stderr; with `--json`, one ``CommandRecord`` line each on
/// stdout (failures still also on stderr, for a person reading the log).
struct OneShotPrinter: Sendable {
    let json: Bool
    let palette: Palette
    /// The address connected to, as the records name it.
    let host: String
    /// Where the text goes (held, for one switch of a fleet).
    let output: OneShotOutput
    /// The switch's name in a fleet (`-H NAME=…`, or the entry as given); records carry it as `name`.
    let name: String?
    /// `api switchname`'s answer, once connected (`--json` only).
    var switchName: String?

    init(json: Bool, palette: Palette, host: String, output: OneShotOutput = .immediate, name: String? = nil) {
        self.json = json
        self.palette = palette
        self.host = host
        self.output = output
        self.name = name
    }

    /// Connecting (or logging in) failed: the run ends with status 255.
    func connectionFailed(_ error: ESLClientError) {
        output.error(error.message)
        output.fail(error.code.description)
        if json {
            output.out(CommandRecord(host: host, name: name, ok: false, error: .init(code: error.code.name, message: error.message)).line)
        }
    }

    /// Prints a command's outcome and records it; false when the run must stop (a timeout or a lost
    /// connection; after a `-ERR` or an unsupported line the next command still runs).
    func report(_ outcome: OneShotRun.Outcome, of command: String, since started: ContinuousClock.Instant,
                into status: inout ExitStatusTracker) -> Bool {
        let milliseconds = Self.milliseconds(ContinuousClock.now - started)
        var record = CommandRecord(host: host, name: name, switch: switchName, command: command, ok: false, ms: milliseconds)
        let goesOn: Bool
        switch outcome {
        case .reply(let reply, let job):
            if json {
                record.ok = !reply.isError
                record.body = reply.text
                record.job = job
            } else {
                output.out(ReplyText.terminated(reply.isError ? palette.error(reply.text) : palette.output(reply.text)))
            }
            if reply.isError {
                status.record(.commandFailed)
                output.fail("`\(command)` answered \(reply.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "-ERR")")
            }
            goesOn = true
        case .unsupported(let message):
            output.error(message)
            output.fail("`\(command)` is not a switch command")
            record.error = .init(code: Self.unsupportedCode, message: message)
            status.record(.commandFailed)
            goesOn = true
        case .failure(let error) where error.code == .commandFailed:
            // bgapi refused by the switch: a failed command, not a broken connection.
            output.error(error.message)
            output.fail(error.code.description + " on `\(command)`")
            record.error = .init(code: error.code.name, message: error.message)
            status.record(.commandFailed)
            goesOn = true
        case .failure(let error) where error.code == .requestTimeout:
            // The message names the command already ("no reply from … to api status in time").
            output.error(error.message)
            output.fail(error.code.description + " on `\(command)`")
            record.error = .init(code: error.code.name, message: error.message)
            status.record(.timedOut)
            goesOn = false
        case .failure(let error):
            let message = "\(error.message) (`\(command)` did not finish)"
            output.error(message)
            output.fail(error.code.description + " on `\(command)`")
            record.error = .init(code: error.code.name, message: message)
            status.record(.connectionFailed)
            goesOn = false
        }
        if json { output.out(record.line) }
        return goesOn
    }

    /// The `error.code` of a batch line `--json` does not run (a slash command): fscli's own, next
    /// to the client's (``ESLClientError/Code/name``).
    static let unsupportedCode = "unsupportedInput"

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
