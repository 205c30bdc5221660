import NIOCore

extension ESLEvent {
    /// Decodes a `text/event-json` body (docs/protocol.md, "What clients require"; docs/events.md, "JSON format"):
    /// each member becomes a header in document order (values are raw, not URL-decoded); an array becomes an
    /// `ARRAY::` header (an empty array adds nothing); `_body` becomes the body, kept even when empty.
    ///
    /// The `Content-Length` rule: FreeSWITCH writes `"Content-Length":"<n>"` immediately before
    /// `"_body"`, as framing of the body. That member is dropped, so the JSON and plain forms of one
    /// event decode equal. Any other `Content-Length` member (capture 20: `sendevent` keeps the
    /// client's header, earlier in the object) is a real header and stays.
    ///
    /// - Throws: `ESLProtocolError` `.malformedEvent` when the bytes are not one flat JSON object.
    public static func decodeJSON(_ bytes: ByteBuffer) throws(ESLProtocolError) -> ESLEvent {
        let result: Result<ESLEvent, ESLProtocolError> = bytes.withUnsafeReadableBytes { raw in
            Result { () throws(ESLProtocolError) in try decodeJSON(raw) }
        }
        return try result.get()
    }

    private static func decodeJSON(_ raw: UnsafeRawBufferPointer) throws(ESLProtocolError) -> ESLEvent {
        var storage: [UInt8] = []
        storage.reserveCapacity(raw.count)
        var slots: [Slot] = []
        var body: ByteBuffer? = nil
        var nameStart = 0
        var valueStart = 0
        var isBody = false
        var previousWasContentLength = false

        var reader = FlatJSONReader(raw)
        try reader.readObject(
            into: &storage,
            keyDone: { output in
                valueStart = output.count
                isBody = output[nameStart..<valueStart].elementsEqual(bodyKey)
            },
            valueDone: { output, value in
                if isBody {
                    body = ByteBuffer(bytes: output[valueStart...])
                    output.removeSubrange(nameStart...)
                    if previousWasContentLength, let framing = slots.popLast() {
                        output.removeSubrange(Int(framing.nameStart)...)
                    }
                    previousWasContentLength = false
                } else if case .array(count: 0) = value {
                    output.removeSubrange(nameStart...)
                    previousWasContentLength = false
                } else {
                    slots.append(Slot(
                        nameStart: UInt32(truncatingIfNeeded: nameStart),
                        nameEnd: UInt32(truncatingIfNeeded: valueStart),
                        valueStart: UInt32(truncatingIfNeeded: valueStart),
                        valueEnd: UInt32(truncatingIfNeeded: output.count)))
                    previousWasContentLength = output[nameStart..<valueStart].count == lowercaseContentLength.count
                        && zip(output[nameStart..<valueStart], lowercaseContentLength).allSatisfy { ASCII.lowercased($0) == $1 }
                }
                nameStart = output.count
            })
        return ESLEvent(storage: storage, slots: slots, body: body)
    }

    /// Appends the `text/event-json` serialization (docs/events.md, "JSON format", `switch_event_serialize_json_obj`
    /// +
    /// `cJSON_PrintUnformatted`): one flat object, keys in header order, raw values, an `ARRAY::`
    /// header as a JSON array; a body (even an empty one) adds `"Content-Length":"<n>"` and `"_body"`
    /// at the end. No whitespace, no trailing newline.
    public func encodeJSON(into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: storage.count + slots.count * 6 + (body?.readableBytes ?? 0) + 48)
        buffer.writeInteger(ASCII.leftBrace)
        var first = true
        forEachHeaderBytes { name, value in
            if !first { buffer.writeInteger(ASCII.comma) }
            first = false
            JSONStringWriter.write(name, into: &buffer)
            buffer.writeInteger(ASCII.colon)
            if value.starts(with: ESLEvent.arrayPrefix) {
                buffer.writeInteger(ASCII.leftBracket)
                ESLEvent.forEachArrayItem(of: value) { index, item in
                    if index > 0 { buffer.writeInteger(ASCII.comma) }
                    JSONStringWriter.write(item, into: &buffer)
                }
                buffer.writeInteger(ASCII.rightBracket)
            } else {
                JSONStringWriter.write(value, into: &buffer)
            }
        }
        if let body {
            if !first { buffer.writeInteger(ASCII.comma) }
            JSONStringWriter.write("Content-Length", into: &buffer)
            buffer.writeInteger(ASCII.colon)
            buffer.writeInteger(ASCII.quote)
            ASCII.appendDecimal(body.readableBytes, to: &buffer)
            buffer.writeInteger(ASCII.quote)
            buffer.writeInteger(ASCII.comma)
            JSONStringWriter.write("_body", into: &buffer)
            buffer.writeInteger(ASCII.colon)
            body.withUnsafeReadableBytes { JSONStringWriter.write($0, into: &buffer) }
        }
        buffer.writeInteger(ASCII.rightBrace)
    }

    /// Calls `body` with each item of an `ARRAY::a|:b` value (the prefix must be present).
    static func forEachArrayItem(of value: UnsafeRawBufferPointer, _ body: (Int, UnsafeRawBufferPointer) -> Void) {
        var start = arrayPrefix.count
        var index = start
        var itemIndex = 0
        while index < value.count {
            if value[index] == ASCII.pipe, index + 1 < value.count, value[index + 1] == ASCII.colon {
                body(itemIndex, UnsafeRawBufferPointer(rebasing: value[start..<index]))
                itemIndex += 1
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        body(itemIndex, UnsafeRawBufferPointer(rebasing: value[start..<value.count]))
    }
}

/// The member that carries the body.
private let bodyKey: [UInt8] = Array("_body".utf8)
