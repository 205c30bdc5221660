// TEMPORARY: stands in for the event model being written on branch `events`; deleted at merge.
import NIOCore

public struct ESLEvent: Sendable, Hashable {
    public struct Header: Sendable, Hashable { public var name: String; public var value: String }
    public var headers: [Header] = []
    public var body: ByteBuffer?
    public init() {}
    public init(headers: [(name: String, value: String)], body: ByteBuffer? = nil) {
        self.headers = headers.map { Header(name: $0.name, value: $0.value) }
        self.body = body
    }
    public subscript(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    public var name: String? { self["Event-Name"] }
    public var bodyString: String? { body.map { String(buffer: $0) } }
    public static func decodePlain(_ bytes: ByteBuffer) throws(ESLProtocolError) -> ESLEvent {
        var event = ESLEvent()
        for line in String(buffer: bytes).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            event.headers.append(Header(name: String(line[..<colon]), value: String(line[line.index(after: colon)...].drop { $0 == " " })))
        }
        return event
    }
    public static func decodeJSON(_ bytes: ByteBuffer) throws(ESLProtocolError) -> ESLEvent { ESLEvent() }
    public static func decodeXML(_ bytes: ByteBuffer) throws(ESLProtocolError) -> ESLEvent { ESLEvent() }
}
