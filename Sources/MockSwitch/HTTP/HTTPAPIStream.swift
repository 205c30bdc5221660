import ESLProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stream an API writes to when mod_xml_rpc runs it (`http_stream_write`), with the param event
/// the API reads its HTTP parameters from.
///
/// The first write decides the `Content-Type` (docs/http-face.md, "The /api/ Content-Type rule"):
/// while the param event has none, a chunk that mentions `Content-Type` is taken as the API's own
/// header block and sent as is; any other chunk gets `Content-Type: text/plain\r\n\r\n` in front.
/// Either way the text after `: ` becomes the param event's `Content-Type` header.
struct HTTPAPIStream: Sendable {
    /// What the API sees as `stream->param_event`.
    var paramEvent: ESLEvent
    /// Everything written so far, prefixes included.
    private(set) var output = ""

    init(paramEvent: ESLEvent) {
        self.paramEvent = paramEvent
    }

    /// One `stream->write_function` call.
    mutating func write(_ chunk: String) {
        guard !chunk.isEmpty else { return }
        if paramEvent["Content-Type"] == nil {
            if chunk.lowercased().contains("content-type") {
                let value = chunk.firstRange(of: ": ").map { String(chunk[$0.upperBound...]) } ?? chunk
                paramEvent.addHeader("Content-Type", value)
            } else {
                output += Self.plainTextHead
                paramEvent.addHeader("Content-Type", "text/plain\r\n\r\n")
            }
        }
        output += chunk
    }

    /// What goes before an API's first chunk when it names no type of its own.
    static let plainTextHead = "Content-Type: text/plain\r\n\r\n"
}
