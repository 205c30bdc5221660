import ESLProtocol

/// Every failure of ``ESLConnection``: a ``code`` to branch on and a message for a person that says
/// what happened and, where it helps, what to do.
public struct ESLClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure; extensible, so switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let raw: String
        /// A stable camelCase name, the same as the constant's (`connectionRefused`), for machine
        /// output such as `fscli --json`; ``description`` is the words for a person.
        public let name: String
        private init(_ raw: String, _ name: String) {
            self.raw = raw
            self.name = name
        }

        /// Nothing listens on that address and port.
        public static let connectionRefused = Code("connection refused", "connectionRefused")
        /// No route to the host or network.
        public static let unreachable = Code("unreachable", "unreachable")
        /// The TCP connection did not complete within the connect timeout.
        public static let connectTimeout = Code("connect timeout", "connectTimeout")
        /// The host name did not resolve.
        public static let unknownHost = Code("unknown host", "unknownHost")
        /// The switch accepted the connection but sent no `auth/request` (or no reply to `auth`) in time.
        public static let noGreeting = Code("no greeting", "noGreeting")
        /// The switch refused the password (`-ERR invalid`).
        public static let authenticationFailed = Code("authentication failed", "authenticationFailed")
        /// The switch's ACL refused this client (`text/rude-rejection`).
        public static let aclRejected = Code("ACL rejection", "aclRejected")
        /// The switch sent a disconnect notice; ``ESLClientError/serverText`` holds its text.
        public static let disconnected = Code("disconnected", "disconnected")
        /// The connection closed without a notice.
        public static let connectionClosed = Code("connection closed", "connectionClosed")
        /// The switch sent bytes that break the protocol; ``ESLClientError/context`` holds them.
        public static let protocolError = Code("protocol error", "protocolError")
        /// A request got no reply within its timeout (the connection stays usable).
        public static let requestTimeout = Code("request timeout", "requestTimeout")
        /// The awaiting task was cancelled.
        public static let cancelled = Code("cancelled", "cancelled")
        /// The switch answered `-ERR` to a command whose success the call needs (e.g. bgapi).
        public static let commandFailed = Code("command failed", "commandFailed")
        /// The command cannot be sent as given (e.g. a line break inside it).
        public static let invalidCommand = Code("invalid command", "invalidCommand")

        /// Every code this version defines, in declaration order (documentation checks list them all).
        public static let all: [Code] = [
            .connectionRefused, .unreachable, .connectTimeout, .unknownHost, .noGreeting,
            .authenticationFailed, .aclRejected, .disconnected, .connectionClosed, .protocolError,
            .requestTimeout, .cancelled, .commandFailed, .invalidCommand,
        ]

        public var description: String { raw }
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence for a person.
    public var message: String
    /// The address involved (`127.0.0.1:8021`), when known.
    public var address: String?
    /// What the switch said (reply text, notice text, rejection text), when it said something.
    public var serverText: String?
    /// Offending bytes for protocol errors.
    public var context: [UInt8]

    /// Creates an error.
    public init(_ code: Code, _ message: String, address: String? = nil, serverText: String? = nil, context: [UInt8] = []) {
        self.code = code
        self.message = message
        self.address = address
        self.serverText = serverText
        self.context = Array(context.prefix(256))
    }

    public var description: String { message }
}

extension ESLClientError {
    /// Translates the protocol's view of a closed connection.
    init(_ failure: ESLConnectionFailure, address: String?) {
        let at = address.map { " (\($0))" } ?? ""
        switch failure {
        case .authenticationFailed(let text):
            self.init(.authenticationFailed, "the switch\(at) refused the credentials: \(text); check the password (and user)", address: address, serverText: text)
        case .rejected(let text):
            self.init(.aclRejected, "the switch\(at) refused this client by ACL: \(text.trimmingCharacters(in: "\n")); allow this address in apply-inbound-acl", address: address, serverText: text)
        case .disconnected(let notice):
            self.init(.disconnected, "the switch\(at) disconnected: \(notice.message.trimmingCharacters(in: "\n").split(separator: "\n").joined(separator: " "))", address: address, serverText: notice.message)
        case .closedByPeer:
            self.init(.connectionClosed, "the switch\(at) closed the connection without a notice", address: address)
        case .protocolViolation(let text):
            self.init(.protocolError, "protocol error from the switch\(at): \(text)", address: address)
        case .closedLocally:
            self.init(.connectionClosed, "the connection\(at) is closed", address: address)
        }
    }

    /// Translates a decoding failure of the byte stream.
    init(_ error: ESLProtocolError, address: String?) {
        let at = address.map { " (\($0))" } ?? ""
        self.init(.protocolError, "protocol error from the switch\(at): \(error.message)", address: address, context: error.context)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
