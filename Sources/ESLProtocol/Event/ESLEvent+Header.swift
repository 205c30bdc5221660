extension ESLEvent {
    /// One event header with its decoded value. An array header's value is the `ARRAY::a|:b` text.
    public struct Header: Sendable, Hashable {
        /// The header name as it appeared (lookups ignore ASCII case, this keeps it).
        public var name: String
        /// The decoded value.
        public var value: String

        /// A header called `name` with `value`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }
}
