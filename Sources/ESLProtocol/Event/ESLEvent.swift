import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A FreeSWITCH event: an ordered list of headers (duplicates kept) and an optional body
/// (docs/events.md, "Event model").
///
/// Every value this API returns is decoded (what the switch meant, not what went over the wire). An
/// array header is one header whose value is `ARRAY::v1|:v2|:v3`, exactly as FreeSWITCH keeps it
/// internally; ``arrayValues(named:)`` splits it.
///
/// Decoding a 150-header CHANNEL_CREATE must not cost 300 String allocations, so names and values
/// live as bytes in one contiguous array with a small index per header; Strings are made on demand.
/// A plain event's values stay URL-encoded in that array until they are read: a flood of
/// CHANNEL_CREATEs carries about 300 escapes each, and a console showing one line per event reads
/// ten of its values. Equality and hashing look only at the ordered (name, decoded value) pairs and
/// the body bytes, never at that layout.
public struct ESLEvent: Sendable {
    /// One header's place in ``storage``: the name is `nameStart..<nameEnd`, the value
    /// `valueStart..<valueEnd`. 32-bit offsets keep the index small.
    struct Slot: Sendable {
        var nameStart: UInt32
        var nameEnd: UInt32
        var valueStart: UInt32
        var valueEnd: UInt32
        /// The value's bytes may still hold `%XX` escapes (see ``withValueBytes(_:_:_:)``).
        var isEncoded = false

        var nameRange: Range<Int> { Int(nameStart)..<Int(nameEnd) }
        var nameLength: Int { Int(nameEnd &- nameStart) }
    }

    /// The bytes of every header name and value, back to back; values decoded unless their slot
    /// says otherwise.
    var storage: [UInt8]
    /// One entry per header, in event order.
    var slots: [Slot]

    /// The event body; `nil` means no body. Plain and XML treat an empty body as absent; JSON keeps
    /// an empty `_body` as an empty buffer (docs/events.md, "JSON format"), so an empty buffer and `nil` differ.
    public var body: ByteBuffer?

    /// An event with no headers and no body.
    public init() {
        storage = []
        slots = []
        body = nil
    }

    /// An event with these headers, in this order and kept verbatim (empty values included), and `body`.
    public init(headers: [(name: String, value: String)], body: ByteBuffer? = nil) {
        self.init()
        storage.reserveCapacity(headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count })
        slots.reserveCapacity(headers.count)
        for header in headers {
            append(name: header.name.utf8, value: header.value.utf8)
        }
        self.body = body
    }

    /// Internal constructor used by the decoders once they filled the storage themselves.
    init(storage: [UInt8], slots: [Slot], body: ByteBuffer?) {
        self.storage = storage
        self.slots = slots
        self.body = body
    }

    /// The number of headers (an array header counts once).
    public var headerCount: Int { slots.count }

    /// About how many bytes the event holds in memory (its headers, their index and its body), for
    /// bounding buffers of events by size.
    public var memorySize: Int {
        storage.capacity + slots.capacity * MemoryLayout<Slot>.stride + (body?.capacity ?? 0) + 64
    }

    /// The headers in event order, with decoded values.
    public var headers: [Header] {
        storage.withUnsafeBytes { raw in
            slots.map { slot in
                Header(name: String(decoding: raw[slot.nameRange], as: UTF8.self),
                       value: Self.withValueBytes(raw, slot) { String(decoding: $0, as: UTF8.self) })
            }
        }
    }

    /// The value of the first header called `name` (ASCII case-insensitive), or `nil`.
    public subscript(_ name: String) -> String? {
        guard let slot = firstSlot(named: name) else { return nil }
        return valueString(slot)
    }

    /// The values of every header called `name` (ASCII case-insensitive), in event order.
    public func values(named name: String) -> [String] {
        var result: [String] = []
        forEachSlot(named: name) { result.append(valueString($0)) }
        return result
    }

    /// The items of the first header called `name`: `ARRAY::a|:b|:c` gives `["a", "b", "c"]`, a plain
    /// value gives `[value]`, an absent header gives `nil`.
    public func arrayValues(named name: String) -> [String]? {
        guard let value = self[name] else { return nil }
        return ESLEvent.arrayItems(of: Array(value.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The event's name (`Event-Name`).
    public var name: String? { self["Event-Name"] }

    /// The subclass of a CUSTOM event (`Event-Subclass`).
    public var subclass: String? { self["Event-Subclass"] }

    /// The body as text (invalid UTF-8 is replaced by U+FFFD), or `nil` when there is no body.
    public var bodyString: String? { body.map { String(buffer: $0) } }

    /// Appends a header. As in FreeSWITCH (`switch_event_base_add_header`), an empty value adds nothing.
    public mutating func addHeader(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        append(name: name.utf8, value: value.utf8)
    }

    /// Appends an array header, stored as `ARRAY::v1|:v2`; an empty list adds nothing.
    public mutating func addArrayHeader(_ name: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        var value: [UInt8] = Array(ESLEvent.arrayPrefix)
        for (index, item) in values.enumerated() {
            if index > 0 { value.append(contentsOf: ESLEvent.arraySeparator) }
            value.append(contentsOf: item.utf8)
        }
        append(name: name.utf8, value: value)
    }

    /// Removes every header called `name` (ASCII case-insensitive).
    public mutating func removeHeaders(named name: String) {
        let target = Array(name.utf8)
        let storage = self.storage
        slots.removeAll { slot in
            nameMatches(storage, slot, target)
        }
        if slots.isEmpty { self.storage.removeAll(keepingCapacity: true) }
    }

    // MARK: - Internals shared by the codecs

    /// `ARRAY::`, the prefix that marks an array value.
    static let arrayPrefix: [UInt8] = Array("ARRAY::".utf8)
    /// `|:`, the separator between array items.
    static let arraySeparator: [UInt8] = Array("|:".utf8)

    /// Appends one header's bytes and its slot.
    mutating func append(name: some Collection<UInt8>, value: some Collection<UInt8>) {
        let nameStart = UInt32(truncatingIfNeeded: storage.count)
        storage.append(contentsOf: name)
        let valueStart = UInt32(truncatingIfNeeded: storage.count)
        storage.append(contentsOf: value)
        slots.append(Slot(nameStart: nameStart, nameEnd: valueStart, valueStart: valueStart, valueEnd: UInt32(truncatingIfNeeded: storage.count)))
    }

    /// Splits an `ARRAY::` value into its items; any other value is one item.
    static func arrayItems(of value: [UInt8]) -> [ArraySlice<UInt8>] {
        guard value.starts(with: arrayPrefix) else { return [value[...]] }
        var items: [ArraySlice<UInt8>] = []
        var start = arrayPrefix.count
        var index = start
        while index < value.count {
            if value[index] == ASCII.pipe, index + 1 < value.count, value[index + 1] == ASCII.colon {
                items.append(value[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        items.append(value[start..<value.count])
        return items
    }

    /// Calls `body` with the name and decoded value bytes of every header, in order.
    func forEachHeaderBytes(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) {
        storage.withUnsafeBytes { raw in
            for slot in slots {
                Self.withValueBytes(raw, slot) { value in
                    body(UnsafeRawBufferPointer(rebasing: raw[slot.nameRange]), value)
                }
            }
        }
    }

    /// Calls `body` with the decoded bytes of `slot`'s value in `raw` (the storage): the bytes
    /// themselves, or for a value that holds escapes, its decoding in a scratch buffer.
    @inline(__always)
    static func withValueBytes<R>(_ raw: UnsafeRawBufferPointer, _ slot: Slot, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let value = UnsafeRawBufferPointer(rebasing: raw[Int(slot.valueStart)..<Int(slot.valueEnd)])
        guard slot.isEncoded, let start = value.baseAddress, memchr(start, Int32(ASCII.percent), value.count) != nil else {
            return body(value)
        }
        return withUnsafeTemporaryAllocation(byteCount: value.count, alignment: 1) { scratch in
            let count = URLCoding.decodeRaw(value, into: scratch.baseAddress!)
            return body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[..<count]))
        }
    }

    /// The decoded value of `slot`.
    func valueString(_ slot: Slot) -> String {
        storage.withUnsafeBytes { raw in Self.withValueBytes(raw, slot) { String(decoding: $0, as: UTF8.self) } }
    }

    private func firstSlot(named name: String) -> Slot? {
        let target = Array(name.utf8)
        return slots.first { nameMatches(storage, $0, target) }
    }

    private func forEachSlot(named name: String, _ body: (Slot) -> Void) {
        let target = Array(name.utf8)
        for slot in slots where nameMatches(storage, slot, target) {
            body(slot)
        }
    }
}

/// Whether the slot's name equals `target`, ignoring ASCII case.
@inline(__always)
private func nameMatches(_ storage: [UInt8], _ slot: ESLEvent.Slot, _ target: [UInt8]) -> Bool {
    guard slot.nameLength == target.count else { return false }
    return storage.withUnsafeBytes { raw in
        target.withUnsafeBytes { want in
            ASCII.caseInsensitiveEqual(UnsafeRawBufferPointer(rebasing: raw[slot.nameRange]), want)
        }
    }
}

