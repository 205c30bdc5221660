import NIOCore

/// `log/data` frames shaped like `log_frame` in `Benchmarks/flood.py`: the headers a switch sends
/// with every log line and a ~130-byte state-change message, ~330 bytes a frame.
enum LogFrames {
    /// Frames `0..<count`, back to back in one buffer, as a client reads them off the socket.
    static func buffer(count: Int) -> ByteBuffer {
        var buffer = ByteBuffer()
        for index in 0..<count { buffer.writeString(frame(index)) }
        return buffer
    }

    /// Frame `index`; level, line number and call UUID vary with it as in flood.py.
    static func frame(_ index: Int) -> String {
        let uuid = pythonUUID(index)
        let fraction = String(index % 1_000_000).leftPadded(to: 6)
        let body = "2026-11-26 12:00:00.\(fraction) 98.50% [DEBUG] switch_core_state_machine.c:\(600 + index % 50) "
            + "(\(uuid)) State Change CS_ROUTING -> CS_EXECUTE\n"
        return "Content-Type: log/data\nContent-Length: \(body.utf8.count)\nLog-Level: \(index % 8)\nText-Channel: 3\n"
            + "Log-File: switch_core_state_machine.c\nLog-Func: switch_core_session_run\nLog-Line: \(600 + index % 50)\n"
            + "User-Data: \(uuid)\n\n" + body
    }
}

/// Python's `str(uuid.UUID(int=value))`: 32 lower-case hex digits grouped 8-4-4-4-12.
func pythonUUID(_ value: Int) -> String {
    let hex = String(value, radix: 16).leftPadded(to: 32)
    var groups: [Substring] = []
    var rest = hex[...]
    for length in [8, 4, 4, 4, 12] {
        groups.append(rest.prefix(length))
        rest = rest.dropFirst(length)
    }
    return groups.joined(separator: "-")
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
