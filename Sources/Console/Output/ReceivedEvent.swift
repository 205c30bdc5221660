import ESLProtocol

/// An event as the session received it: decoded by the client, or still in its frame (the console
/// asks for frames, see `SwitchLink`, and decodes only what a view needs).
enum ReceivedEvent {
    case decoded(ESLEvent)
    case frame(ESLEventFrame)

    /// The names of all its headers; none if the frame cannot be decoded (it was shown as such).
    var headerNames: [String] {
        switch self {
        case .decoded(let event): event.headers.map(\.name)
        case .frame(let frame): ((try? frame.decode())?.headers ?? []).map(\.name)
        }
    }
}
