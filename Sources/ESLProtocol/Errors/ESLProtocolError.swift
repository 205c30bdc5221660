/// Every failure ESLProtocol reports: what went wrong (``code``), with enough context to show a person
/// the offending input.
///
/// The code is an extensible struct rather than an enum so that new failure kinds do not break
/// callers that `switch` over codes.
public struct ESLProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let raw: String
        private init(_ raw: String) { self.raw = raw }

        /// The header block grew past the decoder's limit without a terminating blank line.
        public static let headerBlockTooLarge = Code("header block too large")
        /// A `Content-Length` header declared more bytes than the decoder's body limit.
        public static let bodyTooLarge = Code("body too large")
        /// A `Content-Length` header that is not a non-negative decimal integer.
        public static let invalidContentLength = Code("invalid Content-Length")
        /// The bytes do not form a valid serialized event (plain, json or xml).
        public static let malformedEvent = Code("malformed event")
        /// A command that cannot be sent as given (for example a line break inside its text).
        public static let invalidCommand = Code("invalid command")

        public var description: String { raw }
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence for a person: what happened, in their terms.
    public var message: String
    /// For size errors, the size the peer declared (or reached); otherwise `nil`.
    public var declaredSize: Int?
    /// A short excerpt of the offending bytes, when there are any.
    public var context: [UInt8]

    /// Creates an error; `context` is truncated to 256 bytes so an error never holds a flood.
    public init(_ code: Code, _ message: String, declaredSize: Int? = nil, context: some Collection<UInt8> = [UInt8]()) {
        self.code = code
        self.message = message
        self.declaredSize = declaredSize
        self.context = Array(context.prefix(256))
    }

    public var description: String {
        guard !context.isEmpty else { return message }
        return "\(message) (near: \(String(decoding: context.prefix(80), as: UTF8.self).debugDescription))"
    }
}
