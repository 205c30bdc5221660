import ESLClient
import ESLProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the console reaches the switch: the connection settings, the attempts (`-r`), and the
/// start-up exchange fs_cli performs (docs/fs_cli-differences.md, "Start-up").
struct SwitchLink: Sendable {
    /// What the switch said about itself at start-up.
    struct Identity: Sendable, Equatable {
        /// `api switchname` (the prompt's `%s`); the profile name if the switch would not say.
        var switchName: String
        /// `api hostname` (the prompt's `%H`).
        var hostname: String
    }

    let settings: ConsoleSettings

    /// "127.0.0.1:8021", as the messages name the switch.
    var address: String {
        settings.host.contains(":") ? "[\(settings.host)]:\(settings.port)" : "\(settings.host):\(settings.port)"
    }

    /// The client's timeouts from the settings; "no connect timeout" (`-T 0`) is a year.
    var configuration: ESLConnection.Configuration {
        var configuration = ESLConnection.Configuration()
        let bound = settings.connectTimeout ?? .seconds(365 * 86_400)
        configuration.connectTimeout = bound
        configuration.handshakeTimeout = bound
        configuration.requestTimeout = settings.requestTimeout
        // A console shows a stream as it comes; a deep backlog would only delay it and cost memory.
        // 8 MB holds about 20,000 log lines or 2,000 4 KB events; falling further behind is
        // counted and shown.
        configuration.notificationBufferSize = 20_000
        configuration.notificationBufferBytes = 8 << 20
        // Events are decoded on the socket's thread, so a flood's work is shared by two cores. With
        // frames handed over undecoded (`decodesEvents = false`) the socket's thread read events
        // faster than the console could render them and dropped 40% (Benchmarks/drain.py).
        configuration.decodesEvents = true
        if settings.losesNothing {
            // Output for a program (`--follow`, `--json`, a pipe or a file) loses nothing: when its
            // reader is behind, the connection stops reading and TCP pushes back on the switch. A
            // deep queue would then only cost memory.
            configuration.dropsWhenBehind = false
            configuration.notificationBufferSize = 1_000
            configuration.notificationBufferBytes = 1 << 20
        }
        return configuration
    }

    /// One attempt: connect and authenticate.
    func connectOnce() async throws(ESLClientError) -> ESLConnection {
        try await ESLConnection.connect(
            host: settings.host, port: settings.port, password: settings.password, user: settings.user,
            configuration: ConsoleRecorder.shared.tapping(configuration))
    }

    /// Up to `connectAttempts` attempts, 1 s apart (fs_cli's `-r`). A wrong password or an ACL
    /// rejection is not retried: the answer would be the same.
    func connect(onRetry: @Sendable (ESLClientError, Int) -> Void = { _, _ in }) async throws(ESLClientError) -> ESLConnection {
        var attempt = 1
        while true {
            do {
                return try await connectOnce()
            } catch {
                let permanent = error.code == .authenticationFailed || error.code == .aclRejected
                guard attempt < settings.connectAttempts, !permanent else { throw error }
                onRetry(error, attempt)
                do {
                    try await Task.sleep(for: .seconds(1))
                } catch {
                    throw ESLClientError(.cancelled, "connecting to \(address) was cancelled")
                }
                attempt += 1
            }
        }
    }

    /// ``connect(onRetry:)`` with the blocking client (`-x`): the same attempts, timeouts and errors.
    func connectBlocking(onRetry: (ESLClientError, Int) -> Void) throws(ESLClientError) -> ESLBlockingConnection {
        var attempt = 1
        while true {
            do {
                return try ESLBlockingConnection.connect(
                    host: settings.host, port: settings.port, password: settings.password, user: settings.user,
                    connectTimeout: configuration.connectTimeout, handshakeTimeout: configuration.handshakeTimeout)
            } catch {
                let permanent = error.code == .authenticationFailed || error.code == .aclRejected
                guard attempt < settings.connectAttempts, !permanent else { throw error }
                onRetry(error, attempt)
                usleep(1_000_000)
                attempt += 1
            }
        }
    }

    /// ``connect(onRetry:)`` for a run that has no screen yet: each retry and the final failure are
    /// written to stderr; nil when it could not connect (exit status 255).
    func connectReportingToStderr() async -> ESLConnection? {
        do {
            return try await connect { error, attempt in
                StandardStreams.error("\(error.message); retrying (\(attempt + 1) of \(settings.connectAttempts))")
            }
        } catch {
            StandardStreams.error(error.message)
            return nil
        }
    }

    /// fs_cli's start-up: `api switchname`, `api hostname`. (The `log` command is sent by the caller,
    /// which prints its reply.)
    func identify(_ connection: ESLConnection) async throws(ESLClientError) -> Identity {
        let name = try await connection.api("switchname")
        let host = try await connection.api("hostname")
        func value(_ response: ESLAPIResponse, fallback: String) -> String {
            let text = response.text.trimmingBlanks
            return response.isError || text.isEmpty ? fallback : text
        }
        return Identity(
            switchName: value(name, fallback: settings.profileName),
            hostname: value(host, fallback: settings.host))
    }

    /// The `log` command start-up sends, or nil when quiet: `log <level>`, with `debug` when no level
    /// is configured (fs_cli sends a bare `log`, which the switch also takes as debug).
    var startupLogCommand: ESLCommand? {
        guard !settings.quiet else { return nil }
        guard let level = settings.logLevel, !level.isEmpty else { return ESLCommand(line: "log debug") }
        return ESLCommand(line: "log \(level)")
    }
}

extension String {
    /// Without leading and trailing spaces, tabs, CR and LF.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var slice = Substring(self)
        while let first = slice.first, blank(first) { slice.removeFirst() }
        while let last = slice.last, blank(last) { slice.removeLast() }
        return String(slice)
    }
}
