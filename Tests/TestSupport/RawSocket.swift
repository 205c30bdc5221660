import Glibc

/// A blocking socket with a small receive buffer, read only when the test says so.
public final class RawSocket {
    private let descriptor: Int32

    public init(port: Int, receiveBuffer: Int32) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var size = receiveBuffer
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw RawSocketError() }
        // Reads give up after 10 s, so a broken mock fails the test instead of blocking it.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    public func send(_ text: String) throws {
        let sent = text.utf8CString.withUnsafeBufferPointer { Glibc.send(descriptor, $0.baseAddress, text.utf8.count, 0) }
        guard sent == text.utf8.count else { throw RawSocketError() }
    }

    /// Reads (a little) until `text` has arrived; returns what was read.
    public func waitForBytes(containing text: String) throws -> String {
        var seen = ""
        var buffer = [UInt8](repeating: 0, count: 256)
        while !seen.contains(text) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { throw RawSocketError() }
            seen += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return seen
    }

    /// Reads everything until the peer closes.
    public func drain() throws -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func close() {
        _ = Glibc.close(descriptor)
    }
}

public struct RawSocketError: Error {
    public init() {}
}
