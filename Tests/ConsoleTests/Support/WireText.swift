import ESLProtocol
import NIOCore

extension ESLCommand {
    /// The bytes this command puts on the wire, as text.
    var wireText: String {
        get throws {
            String(buffer: try encoded())
        }
    }
}
