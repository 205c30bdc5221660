import ESLProtocol
import NIOCore

/// One record of a recording (docs/recording.md): a frame as a switch sent it, when it arrived and
/// from which switch.
public struct RecordedFrame: Sendable, Hashable {
    /// Arrival time: microseconds since the Unix epoch (UTC).
    public var time: Int64
    /// The switch it came from, as the recording names it (`127.0.0.1:8021`); never contains a space.
    public var switchName: String
    /// The frame.
    public var frame: ESLFrame

    /// A record.
    public init(time: Int64, switchName: String, frame: ESLFrame) {
        self.time = time
        self.switchName = switchName
        self.frame = frame
    }

    /// The frame's bytes as recorded: header lines, blank line, body.
    public var bytes: ByteBuffer { frame.encoded }
}
