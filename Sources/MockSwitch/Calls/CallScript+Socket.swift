#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `socket` application (mod_event_socket's `socket_function`, captures 27–28a, 73, 74): the
/// channel connects out to an event socket application and stays in the application while the
/// connection lives; when it closes with the channel up, the dialplan goes on (with or without
/// `resume`, capture 74).
extension CallScript {
    /// Starts `socket <host>[:<port>][/<path>] [async] [full]` (port 8084 by default).
    mutating func startSocket(_ uuid: String, _ data: String, rest: [Dialplan.Step], hangUpAtEnd: Bool) {
        let words = data.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let target = words.first else {
            log(3, "Parse Error!\n", .socketFunction, uuid)
            return socketReturned(uuid, rest: rest, hangUpAtEnd: hangUpAtEnd)
        }
        // As `socket_function` cuts it: the port after the last colon (atoi), a path after the
        // first slash of the port (or of the host when there is no port).
        var host = Substring(target), port = 8084, path: Substring?
        if let colon = host.lastIndex(of: ":") {
            let portText = host[host.index(after: colon)...]
            port = Int(atoi(String(portText)))
            host = host[..<colon]
            path = portText.firstIndex(of: "/").map { portText[portText.index(after: $0)...] }
        } else if let slash = host.firstIndex(of: "/") {
            path = host[host.index(after: slash)...]
            host = host[..<slash]
        }
        if let path { self[uuid].variables.set("socket_path", String(path)) }
        guard !host.isEmpty else {
            log(3, "Missing Host!\n", .socketFunction, uuid)
            return socketReturned(uuid, rest: rest, hangUpAtEnd: hangUpAtEnd)
        }
        self[uuid].variables.set("socket_host", String(host))
        let flags = words.dropFirst().map { $0.lowercased() }
        let async = flags.contains("async")
        self[uuid].socket = SocketApplication(async: async, rest: rest, hangUpAtEnd: hangUpAtEnd)
        socketRequests.append(OutboundSocketRequest(channel: uuid, host: String(host), port: port, async: async, full: flags.contains("full")))
    }

    /// The connection could not be made: the switch logs it and the application returns.
    mutating func socketFailed(_ uuid: String) {
        guard book.legs[uuid]?.socket != nil else { return }
        log(3, "Socket Error!\n", .socketFunction, uuid)
        socketReturned(uuid)
    }

    /// The application answered `connect` (the listener's `LFLAG_CONNECTED`).
    mutating func socketHandshake(_ uuid: String) {
        guard book.legs[uuid]?.socket?.phase == .connecting else { return }
        self[uuid].socket?.phase = .connected
    }

    /// An `async` channel's timer tick after `connect`: it parks (also when it hung up meanwhile:
    /// the switch parks and leaves at once, capture 28).
    mutating func parkSocket(_ uuid: String) {
        guard let socket = book.legs[uuid]?.socket, socket.async, socket.phase == .connected else { return }
        self[uuid].socket?.phase = .parked
        self[uuid].parked = true
        fire("CHANNEL_PARK", uuid, .park)
        if self[uuid].hangupCause != nil { socketReturned(uuid) }
    }

    /// The connection closed: the park ends (the channel is no longer controlled) or the static
    /// listener returns, and so does the application.
    mutating func socketClosed(_ uuid: String) {
        guard let socket = book.legs[uuid]?.socket else { return }
        if socket.async, socket.phase == .connected {
            // The channel parks on its tick and finds itself no longer controlled.
            self[uuid].parked = true
            fire("CHANNEL_PARK", uuid, .park)
        }
        socketReturned(uuid)
    }

    /// The application returned: a hung-up channel finishes its teardown, a live one leaves park
    /// and goes on with the dialplan.
    private mutating func socketReturned(_ uuid: String, rest: [Dialplan.Step]? = nil, hangUpAtEnd: Bool? = nil) {
        guard book.legs[uuid] != nil else { return }
        let socket = self[uuid].socket
        self[uuid].socket = nil
        if self[uuid].hangupCause != nil { return finishHangup(uuid) }
        if self[uuid].parked {
            self[uuid].parked = false
            fire("CHANNEL_UNPARK", uuid, .unpark)
        }
        completeExecute(uuid)
        runSteps(uuid, rest ?? socket?.rest ?? [], hangUpAtEnd: hangUpAtEnd ?? socket?.hangUpAtEnd ?? true)
    }
}

extension SourceLocation {
    /// mod_event_socket's `socket_function` (its log lines; line unverified).
    static let socketFunction = SourceLocation(file: "mod_event_socket.c", function: "socket_function", line: 2639)
    /// `parse_command`'s `connect` (CHANNEL_DATA, capture 27).
    static let socketConnect = SourceLocation(file: "mod_event_socket.c", function: "parse_command", line: 2018)
}
