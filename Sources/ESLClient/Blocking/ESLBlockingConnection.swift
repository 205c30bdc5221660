import ESLProtocol
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connection for one-shot use, such as `fscli -x`: blocking socket calls on the caller's thread,
/// no event loop, no extra threads, so a short-lived process pays for nothing it does not use.
///
/// The protocol rules are `ESLClientStateMachine`'s and the errors ``ESLClientError``'s, as for
/// ``ESLConnection``; events and log lines are not delivered (subscribe with ``ESLConnection``):
/// anything the switch sends unasked goes to ``onUnsolicited``. Not for concurrent use.
public final class ESLBlockingConnection {
    private let socket: BlockingSocket
    private var machine: ESLClientStateMachine
    private var decoder: ESLFrameDecoder
    private var buffer = ByteBuffer()
    /// The switch's address as connected (`127.0.0.1:8021`).
    public let address: String
    /// Called with each message that answers no request (a frame of a type the library does not
    /// know, an event): this connection subscribes to nothing, so its caller may want to say so
    /// rather than let it pass unseen.
    public var onUnsolicited: ((ESLMessage) -> Void)?

    private init(socket: BlockingSocket, mode: ESLClientStateMachine.Mode, address: String, limits: ESLFrameDecoder.Limits) {
        self.socket = socket
        self.machine = ESLClientStateMachine(mode: mode)
        self.decoder = ESLFrameDecoder(limits: limits)
        self.address = address
    }

    deinit {
        socket.close()
    }

    /// Connects and authenticates like ``ESLConnection/connect(host:port:password:user:configuration:group:)``:
    /// each address `host` resolves to is tried in turn within `connectTimeout`; the greeting and
    /// the `auth` (or `userauth`) reply must come within `handshakeTimeout`.
    public static func connect(
        host: String, port: Int = 8021, password: String, user: String? = nil,
        connectTimeout: Duration = .seconds(5), handshakeTimeout: Duration = .seconds(5),
        limits: ESLFrameDecoder.Limits = .init()
    ) throws(ESLClientError) -> ESLBlockingConnection {
        let address = AddressText.format(host: host, port: port)
        let socket = try BlockingSocket.connect(host: host, port: port, timeout: connectTimeout)
        let connection = ESLBlockingConnection(
            socket: socket, mode: .inbound(password: password, user: user), address: address, limits: limits)
        let deadline = ContinuousClock.now + handshakeTimeout
        while !connection.machine.isReady {
            _ = try connection.step(until: deadline, waitingFor: nil, what: "the greeting and authentication")
        }
        return connection
    }

    /// Sends `command` and waits for its reply, at most `timeout` (nil: as long as it takes); a
    /// `-ERR` reply is returned, not thrown (see `ESLReply.isError`).
    public func send(_ command: ESLCommand, timeout: Duration? = nil) throws(ESLClientError) -> ESLReply {
        let (id, action) = machine.send(command)
        let deadline = timeout.map { ContinuousClock.now + $0 }
        if let reply = try run(action, waitingFor: id) { return reply }
        while true {
            if let reply = try step(until: deadline, waitingFor: id, what: command.description) { return reply }
        }
    }

    /// Closes the socket without sending `exit` (the switch sees EOF).
    public func close() {
        socket.close()
    }

    /// Reads until at least one frame is handled; returns the reply to `id` if it came.
    private func step(until deadline: ContinuousClock.Instant?, waitingFor id: ESLClientStateMachine.RequestID?, what: String) throws(ESLClientError) -> ESLReply? {
        while true {
            let frame: ESLFrame?
            do {
                frame = try decoder.decode(&buffer)
            } catch {
                socket.close()
                throw ESLClientError(error, address: address)
            }
            if let frame {
                return try run(machine.received(ESLMessage(frame: frame)), waitingFor: id)
            }
            switch socket.read(into: &buffer, until: deadline) {
            case .data:
                continue
            case .endOfFile:
                if let reply = try run(machine.closed(), waitingFor: id) { return reply }
                throw ESLClientError(.connectionClosed, "the switch (\(address)) closed the connection", address: address)
            case .timedOut:
                if id == nil {
                    socket.close()
                    throw ESLClientError(.noGreeting, "connected to \(address), but it did not complete \(what) in time; is it a FreeSWITCH event socket?", address: address)
                }
                throw ESLClientError(.requestTimeout, "no reply from \(address) to \(what) in time", address: address)
            case .failed(let errorNumber):
                socket.close()
                throw ESLClientError(.connectionClosed, "reading from \(address) failed: \(String(cString: strerror(errorNumber)))", address: address)
            }
        }
    }

    /// Carries out one action of the state machine; returns the reply to `id` if this resolves it.
    private func run(_ action: ESLClientStateMachine.Action, waitingFor id: ESLClientStateMachine.RequestID?) throws(ESLClientError) -> ESLReply? {
        switch action {
        case .none, .authenticated, .resolveJob:
            return nil
        case .deliver(let message):
            onUnsolicited?(message)
            return nil
        case .write(let command):
            var bytes = ByteBuffer()
            do {
                try command.encode(into: &bytes)
            } catch {
                throw ESLClientError(.invalidCommand, error.message, address: address)
            }
            guard socket.writeAll(bytes.readableBytesView) else {
                socket.close()
                throw ESLClientError(.connectionClosed, "the connection to \(address) failed while sending", address: address)
            }
            return nil
        case .resolve(let resolved, let reply):
            return resolved == id ? reply : nil
        case .close(let failure, _):
            socket.close()
            throw ESLClientError(failure, address: address)
        case .reject(_, let failure):
            throw ESLClientError(failure, address: address)
        }
    }
}
