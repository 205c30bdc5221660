import NIOCore

extension ESLEvent {
    /// The event serialized in `format` exactly as the switch sends it (the body of a
    /// `text/event-*` frame), as text: for showing the wire form without keeping every frame.
    public func wireText(_ format: ESLEventFormat) -> String {
        var buffer = ByteBuffer()
        switch format {
        case .plain: encodePlain(into: &buffer)
        case .json: encodeJSON(into: &buffer)
        case .xml: encodeXML(into: &buffer)
        }
        return String(buffer: buffer)
    }
}
