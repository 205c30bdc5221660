#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of the terminal on a descriptor (TIOCGWINSZ).
struct TerminalSize: Equatable {
    var rows: Int
    var columns: Int

    /// The size of the terminal on `fd`, or nil when it is not a terminal or reports 0×0.
    static func of(_ fd: Int32) -> TerminalSize? {
        var size = winsize()
        #if os(Linux)
        let result = ioctl(fd, UInt(TIOCGWINSZ), &size)
        #else
        let result = ioctl(fd, TIOCGWINSZ, &size)
        #endif
        guard result == 0, size.ws_row > 0, size.ws_col > 0 else { return nil }
        return TerminalSize(rows: Int(size.ws_row), columns: Int(size.ws_col))
    }
}
