import NIOCore

extension ESLEvent {
    /// Decodes a `text/event-xml` body (docs/events.md, "XML format"):
    /// `<event><headers><Name>urlencoded value</Name>…</headers>[<Content-Length>n</Content-Length>][<body>…</body>]</event>`.
    /// Header text is XML-unescaped, then URL-decoded; the body is XML-unescaped. `<headers/>` means no
    /// headers, `<Name/>` an empty value; an empty `<body>` is no body. Whitespace between elements and a
    /// `<?xml …?>` prolog are tolerated.
    ///
    /// `<Content-Length>` outside `<headers>` is framing and is not kept; a `Content-Length` element
    /// inside `<headers>` is a real header and is.
    ///
    /// FreeSWITCH writes an array header as one element per item, so consecutive elements with the same
    /// name are read back as one `ARRAY::` header. (Core events do not add one name twice in a row; a
    /// one-item array comes back as a plain value, which ``arrayValues(named:)`` reads the same way.)
    ///
    /// - Throws: `ESLProtocolError` `.malformedEvent` when the document does not have that shape.
    public static func decodeXML(_ bytes: ByteBuffer) throws(ESLProtocolError) -> ESLEvent {
        let result: Result<ESLEvent, ESLProtocolError> = bytes.withUnsafeReadableBytes { raw in
            Result { () throws(ESLProtocolError) in
                var reader = EventXMLReader(raw)
                return try reader.readEvent()
            }
        }
        return try result.get()
    }

    /// Appends the `text/event-xml` serialization (docs/events.md, "XML format", `switch_event_xmlize` +
    /// `switch_xml_toxml`): two-space indentation, one element per header (one per item for an array
    /// header) holding the URL-encoded value, then `<Content-Length>` and the XML-escaped `<body>` when
    /// the body is non-empty; ends with `</event>\n`.
    public func encodeXML(into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: storage.count * 2 + slots.count * 12 + (body?.readableBytes ?? 0) + 64)
        buffer.writeStaticString("<event>\n")
        if slots.isEmpty {
            buffer.writeStaticString("  <headers/>\n")
        } else {
            buffer.writeStaticString("  <headers>\n")
            forEachHeaderBytes { name, value in
                if value.starts(with: ESLEvent.arrayPrefix) {
                    ESLEvent.forEachArrayItem(of: value) { _, item in
                        writeHeaderElement(name, item, into: &buffer)
                    }
                } else {
                    writeHeaderElement(name, value, into: &buffer)
                }
            }
            buffer.writeStaticString("  </headers>\n")
        }
        if let body, body.readableBytes > 0 {
            buffer.writeStaticString("  <Content-Length>")
            ASCII.appendDecimal(body.readableBytes, to: &buffer)
            buffer.writeStaticString("</Content-Length>\n  <body>")
            body.withUnsafeReadableBytes { XMLText.writeEscaped($0, into: &buffer) }
            buffer.writeStaticString("</body>\n")
        }
        buffer.writeStaticString("</event>\n")
    }
}

/// `    <Name>encoded</Name>\n`, or `    <Name/>\n` when the encoded value is empty (as `switch_xml_toxml`
/// prints an element without text).
private func writeHeaderElement(_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer, into buffer: inout ByteBuffer) {
    buffer.writeStaticString("    <")
    buffer.writeBytes(name)
    guard !value.isEmpty else {
        buffer.writeStaticString("/>\n")
        return
    }
    buffer.writeInteger(ASCII.greaterThan)
    URLCoding.appendEncoded(value, to: &buffer)
    buffer.writeStaticString("</")
    buffer.writeBytes(name)
    buffer.writeStaticString(">\n")
}
