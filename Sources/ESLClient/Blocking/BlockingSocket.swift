import NIOCore

#if canImport(Glibc)
import Glibc
private let systemConnect = Glibc.connect
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
private let systemClose = Glibc.close
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let systemConnect = Darwin.connect
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
private let systemClose = Darwin.close
private let streamSocket = SOCK_STREAM
#endif

/// A TCP socket used with blocking-style calls bounded by poll(2), for ``ESLBlockingConnection``.
final class BlockingSocket {
    private var fd: Int32

    enum ReadOutcome {
        case data
        case endOfFile
        case timedOut
        case failed(Int32)
    }

    private init(fd: Int32) {
        self.fd = fd
    }

    /// Tries each address `host` resolves to, each within `timeout`; the error names the most
    /// telling failure, as ``ESLConnection``'s does.
    static func connect(host: String, port: Int, timeout: Duration) throws(ESLClientError) -> BlockingSocket {
        let address = AddressText.format(host: host, port: port)
        var hints = addrinfo()
        hints.ai_socktype = streamSocket
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ESLClientError(.unknownHost, "cannot resolve \(host): \(String(cString: gai_strerror(status)))", address: address)
        }
        defer { freeaddrinfo(list) }
        var failures: [ESLClientError] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, streamSocket, 0)
            guard fd >= 0 else { continue }
            let socket = BlockingSocket(fd: fd)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if let errorNumber = socket.connect(info.pointee.ai_addr, info.pointee.ai_addrlen, timeout: timeout) {
                socket.close()
                failures.append(ConnectErrorMapping.map(
                    errno: errorNumber, description: String(cString: strerror(errorNumber)), address: address, timeout: timeout))
                continue
            }
            return socket
        }
        let best = failures.min { ConnectErrorMapping.rank($0.code) < ConnectErrorMapping.rank($1.code) }
        throw best ?? ESLClientError(.unknownHost, "\(host) resolved to no address", address: address)
    }

    /// nil when connected, else the errno (ETIMEDOUT for the timeout).
    private func connect(_ address: UnsafePointer<sockaddr>, _ length: socklen_t, timeout: Duration) -> Int32? {
        if systemConnect(fd, address, length) == 0 { return nil }
        guard errno == EINPROGRESS else { return errno }
        switch wait(for: Int16(POLLOUT), until: ContinuousClock.now + timeout) {
        case false: return ETIMEDOUT
        case true:
            var error: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
            return error == 0 ? nil : error
        }
    }

    /// Reads what is available into `buffer`, waiting until `deadline` (nil: no limit) for something.
    func read(into buffer: inout ByteBuffer, until deadline: ContinuousClock.Instant?) -> ReadOutcome {
        guard fd >= 0 else { return .failed(EBADF) }
        guard wait(for: Int16(POLLIN), until: deadline) else { return .timedOut }
        buffer.reserveCapacity(minimumWritableBytes: 64 << 10)
        let count = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 64 << 10) { raw in
            let count = systemRead(fd, raw.baseAddress, raw.count)
            return max(0, count)
        }
        if count > 0 { return .data }
        if errno == EAGAIN || errno == EINTR { return .data }
        return count == 0 && errno != ECONNRESET ? .endOfFile : .failed(errno)
    }

    /// Writes all of `bytes`; false when the connection failed.
    func writeAll(_ bytes: ByteBufferView) -> Bool {
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    guard wait(for: Int16(POLLOUT), until: nil) else { return false }
                    continue
                }
                return false
            }
            rest = rest.dropFirst(written)
        }
        return true
    }

    func close() {
        guard fd >= 0 else { return }
        _ = systemClose(fd)
        fd = -1
    }

    /// poll(2) for `events` until `deadline`; false on timeout.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant?) -> Bool {
        while true {
            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { return false }
                let (seconds, attoseconds) = left.components
                milliseconds = Int32(clamping: seconds * 1_000 + attoseconds / 1_000_000_000_000_000 + 1)
            }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready == 0 { return false }
            if errno != EINTR { return true }  // let the read or write report the error
        }
    }
}
