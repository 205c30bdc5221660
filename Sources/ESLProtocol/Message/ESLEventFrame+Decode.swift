import NIOCore

extension ESLEventFrame {
    /// Decodes the event from whichever format it was sent in.
    public func decode() throws(ESLProtocolError) -> ESLEvent {
        switch format {
        case .plain: try ESLEvent.decodePlain(body)
        case .json: try ESLEvent.decodeJSON(body)
        case .xml: try ESLEvent.decodeXML(body)
        }
    }
}

extension ESLMessage {
    /// For ``channelData(_:)``: the CHANNEL_DATA event the header block carries (values URL-decoded).
    public func channelDataEvent() throws(ESLProtocolError) -> ESLEvent? {
        guard case .channelData(let frame) = self else { return nil }
        return try ESLEvent.decodePlain(frame.headers.block)
    }
}
