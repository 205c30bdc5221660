import NIOCore

/// Reads the fixed document shape of `text/event-xml` (docs/events.md, "XML format"). Not a general XML parser: no
/// attributes, comments or CDATA, because FreeSWITCH never writes them in events.
struct EventXMLReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func readEvent() throws(ESLProtocolError) -> ESLEvent {
        skipWhitespace()
        if starts(with: "<?") {
            guard let end = find("?>") else { throw failure("The XML prolog is not closed.") }
            position = end + 2
            skipWhitespace()
        }
        try expect("<event>")
        skipWhitespace()
        var event = ESLEvent()
        if starts(with: "<headers/>") {
            position += "<headers/>".utf8.count
        } else {
            try expect("<headers>")
            try readHeaders(into: &event)
        }
        skipWhitespace()
        if starts(with: "<Content-Length>") {
            _ = try readElement()
            skipWhitespace()
        }
        if starts(with: "<body") {
            let element = try readElement()
            guard element.name.elementsEqual("body".utf8) else { throw failure("Unexpected element after the event headers.") }
            var body: [UInt8] = []
            XMLText.appendUnescaped(element.text, to: &body)
            if !body.isEmpty { event.body = ByteBuffer(bytes: body) }
            skipWhitespace()
        }
        try expect("</event>")
        skipWhitespace()
        guard position == bytes.count else { throw failure("The XML event has bytes after </event>.") }
        return event
    }

    private mutating func readHeaders(into event: inout ESLEvent) throws(ESLProtocolError) {
        var previousName: UnsafeRawBufferPointer? = nil
        var previousIsArray = false
        var unescaped: [UInt8] = []
        var decoded: [UInt8] = []
        while true {
            skipWhitespace()
            if starts(with: "</headers>") {
                position += "</headers>".utf8.count
                return
            }
            let element = try readElement()
            unescaped.removeAll(keepingCapacity: true)
            XMLText.appendUnescaped(element.text, to: &unescaped)
            decoded = [UInt8](repeating: 0, count: unescaped.count)
            let length = unescaped.withUnsafeBytes { source in
                decoded.withUnsafeMutableBytes { target in
                    source.isEmpty ? 0 : URLCoding.decodeRaw(source, into: target.baseAddress!)
                }
            }
            let value = decoded[..<length]
            if let previous = previousName, previous.elementsEqual(element.name) {
                event.appendArrayItem(value, convertingPrevious: !previousIsArray)
                previousIsArray = true
            } else {
                event.append(name: element.name, value: value)
                previousIsArray = false
            }
            previousName = element.name
        }
    }

    /// `<name>text</name>` or `<name/>`; returns the name and the raw text.
    private mutating func readElement() throws(ESLProtocolError) -> (name: UnsafeRawBufferPointer, text: UnsafeRawBufferPointer) {
        try expect("<")
        let nameStart = position
        while position < bytes.count, bytes[position] != ASCII.greaterThan, bytes[position] != ASCII.slash,
              bytes[position] != ASCII.lessThan, bytes[position] > ASCII.space {
            position += 1
        }
        let name = UnsafeRawBufferPointer(rebasing: bytes[nameStart..<position])
        guard !name.isEmpty else { throw failure("An XML element has no name.", at: nameStart) }
        if starts(with: "/>") {
            position += 2
            return (name, UnsafeRawBufferPointer(rebasing: bytes[position..<position]))
        }
        try expect(">")
        let textStart = position
        while position < bytes.count, bytes[position] != ASCII.lessThan {
            position += 1
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[textStart..<position])
        try expect("</")
        guard bytes.count - position >= name.count,
              UnsafeRawBufferPointer(rebasing: bytes[position..<(position + name.count)]).elementsEqual(name)
        else { throw failure("An XML element is closed by a different name.", at: nameStart) }
        position += name.count
        try expect(">")
        return (name, text)
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
            .elementsEqual(UnsafeRawBufferPointer(start: text.utf8Start, count: count))
    }

    private func find(_ text: StaticString) -> Int? {
        var index = position
        let needle = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        while bytes.count - index >= needle.count {
            if UnsafeRawBufferPointer(rebasing: bytes[index..<(index + needle.count)]).elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private mutating func expect(_ text: StaticString) throws(ESLProtocolError) {
        guard starts(with: text) else { throw failure("The XML event lacks the expected \"\(text)\".") }
        position += text.utf8CodeUnitCount
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lf || byte == ASCII.cr else { return }
            position += 1
        }
    }

    private func failure(_ message: String, at offset: Int? = nil) -> ESLProtocolError {
        let start = min(offset ?? position, bytes.count)
        return ESLProtocolError(.malformedEvent, message, context: UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 80)]))
    }
}

extension ESLEvent {
    /// Extends the last header into an array with one more item; the XML decoder uses it for repeated
    /// elements. With `convertingPrevious`, the last value is first turned into `ARRAY::<value>`.
    mutating func appendArrayItem(_ item: some Collection<UInt8>, convertingPrevious: Bool) {
        guard var slot = slots.popLast() else { return }
        if convertingPrevious {
            storage.insert(contentsOf: ESLEvent.arrayPrefix, at: Int(slot.valueStart))
        }
        // While a decoder appends, the last header's value is the tail of storage, so items go on the end.
        storage.append(contentsOf: ESLEvent.arraySeparator)
        storage.append(contentsOf: item)
        slot.valueEnd = UInt32(truncatingIfNeeded: storage.count)
        slots.append(slot)
    }
}
