import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ESLEvent {
    /// Decodes a `text/event-plain` body (docs/protocol.md, "What clients require"; docs/events.md, "Plain format")
    /// the way libesl does: `Name: value` lines up to a blank line, each split at its first `:`, spaces and tabs
    /// after it skipped, the value URL-decoded (``URLCoding``; `+` stays `+`, and `_undef_` stays the text
    /// `_undef_`).
    ///
    /// Leniencies: lines may end in `\r\n`; input may end without the blank line (the outbound
    /// `connect` reply is a header block only); NUL bytes are ordinary value bytes.
    ///
    /// The body rule: FreeSWITCH writes the body as a final `Content-Length: n` line, the blank line
    /// and `n` bytes. So when the last header is `Content-Length` with n > 0, that line is framing,
    /// not a header, and exactly `n` bytes must follow. A `Content-Length` that the event really
    /// carries (capture 20: `sendevent` keeps the client's one) sits earlier and stays a header.
    /// If bytes follow the blank line but the last header is not `Content-Length`, the first
    /// `Content-Length` header frames them (libesl looks the header up by name).
    ///
    /// - Throws: `ESLProtocolError` `.malformedEvent` for a line without `:` or with an empty name,
    ///   a framing `Content-Length` that is not a number or exceeds the bytes present, and bytes after
    ///   the header block or body that nothing accounts for.
    public static func decodePlain(_ bytes: ByteBuffer) throws(ESLProtocolError) -> ESLEvent {
        let result: Result<ParsedPlain, ESLProtocolError> = bytes.withUnsafeReadableBytes { raw in
            Result { () throws(ESLProtocolError) in try parsePlainHeaders(raw) }
        }
        var parsed = try result.get()
        var body: ByteBuffer? = nil
        let remaining = bytes.readableBytes - parsed.bodyStart

        if let framing = try framingContentLength(&parsed, bytesAfterBlock: remaining, input: bytes) {
            guard framing <= remaining else {
                throw ESLProtocolError(
                    .malformedEvent,
                    "The event's Content-Length says \(framing) body bytes follow, but only \(remaining) do.",
                    declaredSize: framing, context: bytes.readableBytesView.suffix(80))
            }
            guard framing == remaining else {
                throw ESLProtocolError(
                    .malformedEvent,
                    "The event has \(remaining - framing) bytes after its \(framing)-byte body.",
                    context: bytes.readableBytesView.suffix(remaining - framing))
            }
            body = bytes.getSlice(at: bytes.readerIndex + parsed.bodyStart, length: framing)
        } else if remaining > 0 {
            throw ESLProtocolError(
                .malformedEvent,
                "The event has \(remaining) bytes after its header block but no Content-Length to say they are a body.",
                context: bytes.readableBytesView.suffix(remaining))
        }
        return ESLEvent(storage: parsed.storage, slots: parsed.slots, body: body)
    }

    /// Appends the `text/event-plain` serialization (docs/events.md, "Plain format", `switch_event_serialize`): the
    /// frame body, without the `Content-Length`/`Content-Type` envelope. Values are URL-encoded, an encoded value
    /// that comes out empty is written `_undef_`, and a non-empty body follows a final
    /// `Content-Length` line; an empty or absent body gives just the closing blank line.
    public func encodePlain(into buffer: inout ByteBuffer) {
        // One reservation and raw writes: per-piece ByteBuffer writes cost more than the encoding itself.
        // Bound: a value grows at most 3x, plus ": ", "\n" and a possible "_undef_" per header.
        let bound = storage.count * 3 + slots.count * 10 + 1
        storage.withUnsafeBytes { raw in
            guard let source = raw.baseAddress else { return }
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { out in
                let target = out.baseAddress!
                var written = 0
                for slot in slots {
                    let nameLength = slot.nameLength
                    (target + written).copyMemory(from: source + Int(slot.nameStart), byteCount: nameLength)
                    written += nameLength
                    target.storeBytes(of: ASCII.colon, toByteOffset: written, as: UInt8.self)
                    target.storeBytes(of: ASCII.space, toByteOffset: written + 1, as: UInt8.self)
                    written += 2
                    let valueLength = ESLEvent.withValueBytes(raw, slot) { URLCoding.encodeRaw($0, into: target + written) }
                    if valueLength == 0 {
                        undefinedValue.withUTF8Buffer { (target + written).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                        written += undefinedValue.utf8CodeUnitCount
                    } else {
                        written += valueLength
                    }
                    target.storeBytes(of: ASCII.lf, toByteOffset: written, as: UInt8.self)
                    written += 1
                }
                return written
            }
        }
        if let body, body.readableBytes > 0 {
            buffer.writeStaticString(contentLengthPrefix)
            ASCII.appendDecimal(body.readableBytes, to: &buffer)
            buffer.writeInteger(ASCII.lf)
            buffer.writeInteger(ASCII.lf)
            buffer.writeImmutableBuffer(body)
        } else {
            buffer.writeInteger(ASCII.lf)
        }
    }

    /// Which `Content-Length` frames a body (see ``decodePlain(_:)``); removes that line from the
    /// headers and returns its value, or returns `nil` when there is no body.
    private static func framingContentLength(
        _ parsed: inout ParsedPlain, bytesAfterBlock: Int, input: ByteBuffer
    ) throws(ESLProtocolError) -> Int? {
        var candidate: Int? = nil
        if let last = parsed.slots.indices.last, parsed.isContentLength(last) {
            candidate = last
        } else if bytesAfterBlock > 0 {
            candidate = parsed.slots.indices.first { parsed.isContentLength($0) }
        }
        guard let index = candidate else { return nil }
        let slot = parsed.slots[index]
        let value = parsed.storage.withUnsafeBytes { raw in
            ESLEvent.withValueBytes(raw, slot) { ASCII.parseDecimal($0) }
        }
        guard let length = value else {
            throw ESLProtocolError(
                .malformedEvent,
                "The event's Content-Length is not a decimal number.",
                context: parsed.storage[Int(slot.valueStart)..<Int(slot.valueEnd)])
        }
        // FreeSWITCH never frames an empty body, so a trailing "Content-Length: 0" is a real header.
        if length == 0 && bytesAfterBlock == 0 { return nil }
        parsed.slots.remove(at: index)
        return length
    }
}

/// `: ` between a header's name and value.
private let colonSpace: StaticString = ": "
/// What `switch_event_serialize` writes for a value whose encoding is empty.
private let undefinedValue: StaticString = "_undef_"
/// The framing line in front of a body.
private let contentLengthPrefix: StaticString = "Content-Length: "
/// `content-length`, for case-insensitive comparison.
let lowercaseContentLength: [UInt8] = Array("content-length".utf8)

/// The header block of a plain event, decoded, and where the bytes after it start.
struct ParsedPlain {
    var storage: [UInt8]
    var slots: [ESLEvent.Slot]
    var bodyStart: Int

    func isContentLength(_ index: Int) -> Bool {
        let slot = slots[index]
        guard slot.nameLength == lowercaseContentLength.count else { return false }
        return storage.withUnsafeBytes { raw in
            lowercaseContentLength.withUnsafeBytes { want in
                ASCII.caseInsensitiveEqual(UnsafeRawBufferPointer(rebasing: raw[slot.nameRange]), want)
            }
        }
    }
}

/// One pass over the header block: the block is copied as it is, and each line's name and value
/// are located. Values are not decoded here: reading one decodes it
/// (``ESLEvent/withValueBytes(_:_:_:)``), which leaves the work to the values someone reads.
private func parsePlainHeaders(_ raw: UnsafeRawBufferPointer) throws(ESLProtocolError) -> ParsedPlain {
    var slots: [ESLEvent.Slot] = []
    // Switch events average 32-35 bytes a line (the captures); a flood of longer lines wastes a little.
    slots.reserveCapacity(raw.count / 30 + 8)
    var lines = try PlainHeaderLines(raw)
    while let slot = try lines.next() { slots.append(slot) }
    // Only the header block is kept: the body (if any) is a slice of the frame.
    let storage = [UInt8](UnsafeRawBufferPointer(rebasing: raw[0..<lines.bodyStart]))
    return ParsedPlain(storage: storage, slots: slots, bodyStart: lines.bodyStart)
}

/// The header lines of a plain header block, one ``ESLEvent/Slot`` (offsets into the block) at a
/// time: the one definition of a header line, for decoding and for
/// ``ESLEventFrame/firstValues(_:)``. Every value is marked as possibly encoded, and whether it holds
/// a `%` is looked at when it is read: looking in every line here cost the socket's thread more
/// (3.7 against 3.3 µs for a flood event) than the few values anyone reads cost their reader.
struct PlainHeaderLines {
    private let raw: UnsafeRawBufferPointer
    private var position = 0
    /// Where the bytes after the block start, once ``next()`` has returned nil.
    private(set) var bodyStart: Int

    init(_ raw: UnsafeRawBufferPointer) throws(ESLProtocolError) {
        guard raw.count < Int(UInt32.max) else {
            throw ESLProtocolError(.malformedEvent, "The event is larger than 4 GiB.", declaredSize: raw.count)
        }
        self.raw = raw
        bodyStart = raw.count
    }

    /// The next header line, or nil at the blank line that ends the block (or the end of the input).
    ///
    /// - Throws: `.malformedEvent` for a line without `:` or with an empty name.
    @inline(__always)
    mutating func next() throws(ESLProtocolError) -> ESLEvent.Slot? {
        let count = raw.count
        guard position < count, let base = raw.baseAddress else { return nil }
        let lineStart = position
        let colon = WordScan.firstIndex(in: base, position, count, of: ASCII.colon, ASCII.lf)
        if colon == count || base.load(fromByteOffset: colon, as: UInt8.self) == ASCII.lf {
            // A line without a colon: a blank line ("" or "\r") ends the block, anything else is garbage.
            let length = colon - lineStart
            let isBlank = length == 0 || (length == 1 && base.load(fromByteOffset: lineStart, as: UInt8.self) == ASCII.cr)
            guard isBlank else {
                throw ESLProtocolError(
                    .malformedEvent, "An event header line has no ':' between name and value.",
                    context: UnsafeRawBufferPointer(rebasing: raw[lineStart..<colon]))
            }
            bodyStart = min(colon + 1, count)
            position = count
            return nil
        }
        guard colon > lineStart else {
            throw ESLProtocolError(
                .malformedEvent, "An event header line has an empty name.",
                context: UnsafeRawBufferPointer(rebasing: raw[lineStart..<min(count, lineStart + 80)]))
        }
        var valueStart = colon + 1
        while valueStart < count {
            let byte = base.load(fromByteOffset: valueStart, as: UInt8.self)
            guard byte == ASCII.space || byte == ASCII.tab else { break }
            valueStart += 1
        }
        // memchr: libc's vectorised search beats a word-at-a-time loop on lines this long.
        let lineEnd = memchr(base + valueStart, Int32(ASCII.lf), count - valueStart).map { UnsafeRawPointer($0) - base } ?? count
        // A CR before the LF ends the line, not the value (a decoded %0D stays: its raw byte is 'D').
        var valueEnd = lineEnd
        if valueEnd > valueStart && base.load(fromByteOffset: valueEnd - 1, as: UInt8.self) == ASCII.cr {
            valueEnd -= 1
        }
        position = lineEnd + 1
        return ESLEvent.Slot(
            nameStart: UInt32(truncatingIfNeeded: lineStart),
            nameEnd: UInt32(truncatingIfNeeded: colon),
            valueStart: UInt32(truncatingIfNeeded: valueStart),
            valueEnd: UInt32(truncatingIfNeeded: valueEnd),
            isEncoded: true)
    }
}
