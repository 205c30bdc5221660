import CZlib
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a recording from disk, compressed or not (zlib reads a file that is not gzip as it is).
public enum RecordingFile {
    /// The records of the file at `path`.
    public static func read(path: String) throws(RecordingError) -> [RecordedFrame] {
        try RecordingParser.parse(try contents(path: path), source: path)
    }

    /// The file's text, uncompressed if it was gzip.
    public static func contents(path: String) throws(RecordingError) -> ByteBuffer {
        if let problem = unusablePath(path, forWriting: false) { throw RecordingError("\(path): \(problem)") }
        guard let file = gzopen(path, "rb") else {
            throw RecordingError("\(path): \(errnoText(errno))")
        }
        defer { gzclose(file) }
        var text = ByteBuffer()
        let chunk = 1 << 16
        while true {
            text.reserveCapacity(minimumWritableBytes: chunk)
            var read: Int32 = 0
            text.writeWithUnsafeMutableBytes(minimumWritableBytes: chunk) { bytes in
                read = gzread(file, bytes.baseAddress, UInt32(chunk))
                return max(Int(read), 0)
            }
            if read > 0 { continue }
            if read == 0 { break }
            throw RecordingError("\(path): cannot read after \(text.readableBytes) bytes: \(gzipErrorText(file))")
        }
        return text
    }

    /// Why `path` cannot be a recording, or nil: a directory, or (reading) a file that is not there.
    static func unusablePath(_ path: String, forWriting: Bool) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return forWriting ? nil : errnoText(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "is a directory; give a file name" }
        return nil
    }

    /// The C library's text for `number` ("No space left on device").
    static func errnoText(_ number: Int32) -> String {
        String(cString: strerror(number))
    }

    /// zlib's last error on `file`, or the C library's when it was a system call's.
    static func gzipErrorText(_ file: gzFile) -> String {
        var code: Int32 = 0
        let text = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if code == Z_ERRNO { return errnoText(errno) }
        return text.isEmpty ? "zlib error \(code)" : text
    }
}
