import NIOCore
import NIOPosix

/// Raw HTTP for the mock's mod_xml_rpc face: sends exact request bytes and reads the response until
/// the server closes, as every answer there ends (no Content-Length). A test's time limit bounds it.
enum HTTPWire {
    /// Sends `request` as it is and returns everything the server wrote before closing.
    static func exchange(_ request: String, port: Int, host: String = "127.0.0.1") async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var response = ByteBuffer()
            for try await var chunk in inbound { response.writeBuffer(&chunk) }
            return String(buffer: response)
        }
    }

    /// `GET target` over HTTP/1.1 with curl's header lines and `Authorization` for `credentials`
    /// (`nil`: none), `Host` as the captures sent it.
    static func get(_ target: String, port: Int, credentials: String? = "ZnJlZXN3aXRjaDp3b3Jrcw==", host: String = "127.0.0.1:8080",
                    method: String = "GET", extraHeaders: String = "", body: String = "") async throws -> String {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\n"
        if let credentials { request += "Authorization: Basic \(credentials)\r\n" }
        request += "User-Agent: curl/7.88.1\r\nAccept: */*\r\n" + extraHeaders + "\r\n" + body
        return try await exchange(request, port: port)
    }

    /// What follows mod_xml_rpc's own head lines: what the API wrote, its `Content-Type` lines included.
    static func apiOutput(_ response: String) -> String {
        guard let end = response.range(of: "-mod_xml_rpc\r\n") else { return "<no 200 head> " + response }
        return String(response[end.upperBound...])
    }
}
