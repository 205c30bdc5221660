import NIOCore

/// The ordered header lines of one frame (docs/protocol.md, "Server frames"): duplicates kept, names compared
/// without regard to ASCII case, values exactly as sent (envelope values are never URL-encoded).
///
/// Storage is the raw header block itself; lines are parsed when asked for, so decoding a frame
/// allocates nothing per header. Lines are `Name: value`, split at the first colon, with spaces and
/// tabs after the colon skipped (as libesl does) and a trailing CR dropped. Lines without a colon are
/// ignored.
public struct ESLHeaders: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// One header line: the same name/value pair an event header is.
    public typealias Header = ESLEvent.Header

    /// The header lines, each ending in LF (possibly preceded by CR), without the blank line.
    public private(set) var block: ByteBuffer

    /// Wraps a received header block (without its terminating blank line).
    public init(block: ByteBuffer) {
        self.block = block
    }

    /// An empty header list.
    public init() {
        self.block = ByteBuffer()
    }

    /// Builds a header list in the given order.
    public init(_ headers: [(String, String)]) {
        self.init()
        for (name, value) in headers { append(name, value) }
    }

    public init(arrayLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// Appends `name: value` as a new line (an existing header of that name is kept).
    public mutating func append(_ name: String, _ value: String) {
        block.writeString(name)
        block.writeStaticString(": ")
        block.writeString(value)
        block.writeInteger(ASCII.lf)
    }

    /// The value of the first header called `name` (ASCII case-insensitive), or `nil`.
    public subscript(_ name: String) -> String? {
        var found: String?
        var name = name
        name.withUTF8 { wanted in
            forEachLine { nameBytes, valueBytes in
                guard ASCII.caseInsensitiveEqual(nameBytes, UnsafeRawBufferPointer(wanted)) else { return true }
                found = String(decoding: valueBytes, as: UTF8.self)
                return false
            }
        }
        return found
    }

    /// Every value of headers called `name`, in order.
    public func values(named name: String) -> [String] {
        var found: [String] = []
        forEachLine { nameBytes, valueBytes in
            if ASCII.equalsIgnoringCase(nameBytes, name) {
                found.append(String(decoding: valueBytes, as: UTF8.self))
            }
            return true
        }
        return found
    }

    /// Whether a header called `name` exists.
    public func contains(_ name: String) -> Bool {
        var found = false
        forEachLine { nameBytes, _ in
            found = ASCII.equalsIgnoringCase(nameBytes, name)
            return !found
        }
        return found
    }

    /// Calls `body` with the raw value bytes of the first header called `name` (known at compile
    /// time), or with `nil`; used on hot paths to avoid building a `String`.
    public func withValueBytes<T>(of name: StaticString, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        var range: Range<Int>?
        forEachLineRange { nameRange, valueRange, bytes in
            guard ASCII.equalsIgnoringCase(UnsafeRawBufferPointer(rebasing: bytes[nameRange]), name) else { return true }
            range = valueRange
            return false
        }
        return try block.withUnsafeReadableBytes { bytes in
            guard let range else { return try body(nil) }
            return try body(UnsafeRawBufferPointer(rebasing: bytes[range]))
        }
    }

    /// Whether the first header called `name` has exactly the value `value` (case-sensitive).
    public func value(of name: StaticString, equals value: StaticString) -> Bool {
        withValueBytes(of: name) { bytes in
            guard let bytes, bytes.count == value.utf8CodeUnitCount else { return false }
            return bytes.elementsEqual(UnsafeRawBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
        }
    }

    /// The number of header lines.
    public var count: Int {
        var count = 0
        forEachLine { _, _ in count += 1; return true }
        return count
    }

    /// The headers in order.
    public var all: [Header] {
        var headers: [Header] = []
        forEachLine { name, value in
            headers.append(Header(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
            return true
        }
        return headers
    }

    public func makeIterator() -> IndexingIterator<[Header]> {
        all.makeIterator()
    }

    public var description: String {
        all.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    public static func == (lhs: ESLHeaders, rhs: ESLHeaders) -> Bool {
        lhs.all == rhs.all
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(all)
    }

    /// Visits each `Name: value` line as raw bytes until `body` returns `false`.
    func forEachLine(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool) {
        forEachLineRange { nameRange, valueRange, bytes in
            body(UnsafeRawBufferPointer(rebasing: bytes[nameRange]), UnsafeRawBufferPointer(rebasing: bytes[valueRange]))
        }
    }

    /// Visits each line as (name range, value range) into the block's readable bytes.
    func forEachLineRange(_ body: (Range<Int>, Range<Int>, UnsafeRawBufferPointer) -> Bool) {
        block.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            var lineStart = 0
            let end = bytes.count
            while lineStart < end {
                // One scan finds the colon (or that the line has none) and a second the line's end.
                let colonOrLF = WordScan.firstIndex(in: base, lineStart, end, of: ASCII.colon, ASCII.lf)
                let lf = colonOrLF < end && bytes[colonOrLF] == ASCII.lf
                    ? colonOrLF
                    : WordScan.firstIndex(in: base, colonOrLF, end, of: ASCII.lf)
                var lineEnd = lf
                if lineEnd > lineStart && bytes[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
                if colonOrLF < lineEnd {
                    var valueStart = colonOrLF + 1
                    while valueStart < lineEnd && (bytes[valueStart] == ASCII.space || bytes[valueStart] == ASCII.tab) {
                        valueStart += 1
                    }
                    if !body(lineStart..<colonOrLF, valueStart..<lineEnd, bytes) { return }
                }
                lineStart = lf + 1
            }
        }
    }
}
