import ESLProtocol
import NIOCore

/// The text framing of a recording (docs/recording.md, "The format"): a first line naming the
/// format, then per frame `@<seconds>.<microseconds> <switch> <length>`, the frame's bytes and a LF.
public enum RecordingFormat {
    /// The first line, without its LF.
    public static let firstLine = "fscli-recording 1"

    /// What a recorded frame may be: a real switch's largest, with room for a header block that is
    /// large but still one frame.
    public static let frameLimits = ESLFrameDecoder.Limits(maxHeaderBlockBytes: 1 << 20, maxBodyBytes: 16 << 20)

    /// Appends the first line.
    public static func writeFirstLine(into buffer: inout ByteBuffer) {
        buffer.writeString(firstLine)
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Appends one record: the `@` line, the frame's bytes, a LF.
    public static func writeRecord(time: Int64, switchName: String, frame: ESLFrame, into buffer: inout ByteBuffer) {
        let length = frame.headers.block.readableBytes + 1 + (frame.body?.readableBytes ?? 0)
        writeRecordLine(time: time, switchName: switchName, length: length, into: &buffer)
        frame.encode(into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// `@1764769126.081933 127.0.0.1:8021 56` and its LF.
    static func writeRecordLine(time: Int64, switchName: String, length: Int, into buffer: inout ByteBuffer) {
        let seconds = time / 1_000_000
        let micros = String(time % 1_000_000)
        buffer.writeInteger(UInt8(ascii: "@"))
        buffer.writeString(String(seconds))
        buffer.writeInteger(UInt8(ascii: "."))
        // Always six digits: `.000042`, so the text sorts and reads as a decimal.
        buffer.writeString(String(repeating: "0", count: 6 - micros.count) + micros)
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(switchName)
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(String(length))
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// A switch name as records may carry it: spaces and line ends (which would break the `@`
    /// line) become `_`.
    public static func safeName(_ name: String) -> String {
        let unsafe: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }
        // Called for every frame recorded: the usual name (`host:port`) is returned as it is.
        guard name.contains(where: unsafe) else { return name }
        return String(name.map { unsafe($0) ? "_" : $0 })
    }
}
