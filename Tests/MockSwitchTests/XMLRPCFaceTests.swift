import ESLProtocol
import MockSwitch
import Testing

/// mod_xml_rpc's side of the HTTP face: authentication, error pages, the four URL forms, the query
/// rules and the API event every call fires (docs/http-face.md).
@Suite(.timeLimit(.minutes(3))) struct XMLRPCFaceTests {
    /// The clock's time as Abyss prints it.
    static let abyssDate = "Thu, 26 Nov 2026 14:45:30 UTC"

    static func page(_ status: Int, _ reason: String, length: Int, before: String = "") -> String {
        "HTTP/1.1 \(status) \(reason)\r\n" + before + "Content-type: text/html\r\nContent-length: \(length)\r\nConnection: close\r\n"
            + "Date: \(abyssDate)\r\nServer: Freeswitch xmlrpc-c_abyss /1.26.0\r\n\r\n"
            + "<HTML><HEAD><TITLE>Error \(status)</TITLE></HEAD><BODY><H1>Error \(status)</H1><P>\(reason)</P><p><HR><b><i>"
            + "<a href=\"http://xmlrpc-c.sourceforge.net\">ABYSS Web Server for XML-RPC For C/C++</a></i></b> version 1.26.0<br></p></BODY></HTML>"
    }

    static let login = "freeswitch-user: freeswitch\r\nfreeswitch-domain: 127.0.0.1\r\n"

    @Test func basicAuthentication() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let challenge = "WWW-Authenticate: Basic realm=\"freeswitch\"\r\n"
        #expect(try await HTTPWire.get("/api/version", port: http.port, credentials: nil) == Self.page(401, "Unauthorized", length: 228, before: challenge))
        #expect(try await HTTPWire.get("/nothere", port: http.port, credentials: nil) == Self.page(401, "Unauthorized", length: 228, before: challenge))
        let digest = "GET /api/version HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Digest abc\r\n\r\n"
        #expect(try await HTTPWire.exchange(digest, port: http.port) == Self.page(401, "Unauthorized", length: 228, before: challenge))
        // Wrong credentials: the realm is the domain they imply (the Host's name without www.).
        let wrong = "ZnJlZXN3aXRjaDp3cm9uZw=="  // freeswitch:wrong
        #expect(try await HTTPWire.get("/api/version", port: http.port, credentials: wrong, host: "www.localhost:8080")
            == Self.page(401, "Unauthorized", length: 228, before: "WWW-Authenticate: Basic realm=\"localhost\"\r\n"))
        // user@realm form: the domain is the realm.
        let atForm = try await HTTPWire.get("/api/version", port: http.port, credentials: "ZnJlZXN3aXRjaEBmcmVlc3dpdGNoOndvcmtz")
        #expect(atForm.hasPrefix("HTTP/1.1 200 OK\r\nfreeswitch-user: freeswitch\r\nfreeswitch-domain: freeswitch\r\n"))
    }

    @Test func otherPathsGetAbyssPages() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        #expect(try await HTTPWire.get("/nothere", port: http.port) == Self.page(404, "Not Found", length: 225, before: Self.login))
        // /pub skips authentication, but the API gateway wants a user.
        #expect(try await HTTPWire.get("/pub/api/version", port: http.port, credentials: nil) == Self.page(500, "Internal Server Error", length: 237))
        #expect(try await HTTPWire.get("/api/version?%zz", port: http.port) == Self.page(400, "Bad Request", length: 227))
    }

    @Test func theFourURLFormsFrameTheOutput() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let head = "HTTP/1.1 200 OK\r\n" + Self.login + "Connection: close\r\nDate: Thu, 26 Nov 2026 14:45:30 GMT\r\n"
            + "Server: FreeSWITCH-1.11.1-release~64bit-mod_xml_rpc\r\n"
        let version = "FreeSWITCH Version 1.11.1-release~64bit (1.11.1-release  64bit)\n"
        #expect(try await HTTPWire.get("/api/version?x", port: http.port) == head + "Content-Type: text/plain\r\n\r\n" + version)
        #expect(try await HTTPWire.get("/api/nosuchcmd?x=1", port: http.port) == head + "Content-Type: text/plain\r\n\r\nINVALID COMMAND!\n")
        for (path, type) in [("/txtapi/", "text/plain"), ("/webapi/", "text/html"), ("/xmlapi/", "text/xml")] {
            #expect(try await HTTPWire.get(path + "version?x", port: http.port) == head + "Content-Type: \(type)\r\n\r\n" + version)
        }
        // Only /api/ lets event_sink's own Content-Type line end the head; elsewhere it is body.
        #expect(try await HTTPWire.get("/txtapi/event_sink?command=create-listener&events=HEARTBEAT&format=json", port: http.port)
            == head + "Content-Type: text/plain\r\n\r\nContent-Type: application/json\n\n" + SinkWrapper.jsonListener(1))
        // The gateway's word is found anywhere in the path; what follows the command is path info.
        #expect(try await HTTPWire.get("/foo/api/event_sink/x/y?command=check-listener&listen-id=1&format=json", port: http.port)
            == head + "Content-Type: application/json\n\n" + SinkWrapper.jsonListener(1, events: "[]"))
        // Method is not checked.
        #expect(try await HTTPWire.get("/api/version?x", port: http.port, method: "HEAD").hasSuffix(version))
    }

    @Test func eventSinkNeedsTheHostHeader() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let noHost = "GET /api/event_sink?command=create-listener&events=ALL HTTP/1.0\r\nAuthorization: Basic ZnJlZXN3aXRjaDp3b3Jrcw==\r\n\r\n"
        let response = try await HTTPWire.exchange(noHost, port: http.port)
        // With no Host the domain is the switch's own.
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\nfreeswitch-user: freeswitch\r\nfreeswitch-domain: 192.0.2.2\r\n"))
        #expect(HTTPWire.apiOutput(response) == "Content-Type: text/plain\r\n\r\nThis is a web application!\n")
        // An empty parameter deletes the header of that name, HTTP-HOST included.
        #expect(try await http.sink("command=create-listener&events=ALL&HTTP-HOST=") == "Content-Type: text/plain\r\n\r\nThis is a web application!\n")
        // A parameter cannot override one set before it: the first wins.
        #expect(try await http.sink("command=create-listener&events=ALL&command=destroy-listener") == SinkWrapper.xml(SinkWrapper.created(1, "xml")))
        #expect(http.core.eventSinkListeners.ids == [1])
    }

    @Test func aFormPostSuppliesTheParameters() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let body = "command=create-listener&events=HEARTBEAT&format=json"
        let response = try await HTTPWire.get("/api/event_sink", port: http.port, method: "POST",
                                              extraHeaders: "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n", body: body)
        #expect(HTTPWire.apiOutput(response) == SinkWrapper.json(SinkWrapper.jsonListener(1)))
    }

    @Test func everyCallFiresAnAPIEventWithTheRequestInIt() async throws {
        let http = try await HTTPFixture.start()
        defer { Task { await http.mock.stop() } }
        let client = try await WireClient(port: http.mock.port)
        try await client.send("auth ClueCon\n\nevent json API\n\n")
        for _ in 0..<3 { _ = try await client.next() }  // greeting, two replies

        _ = try await HTTPWire.get("/api/version?foo=bar+baz&x=%2B1", port: http.port)
        let frame = try #require(try await client.next())
        let event = try ESLEvent.decodeJSON(try #require(frame.body))
        let request = event.headers.drop { $0.name != "HTTP-API" }.map { "\($0.name)=\($0.value)" }
        #expect(request == [
            "HTTP-API=api", "FreeSWITCH-User=freeswitch", "FreeSWITCH-Domain=127.0.0.1", "HTTP-HOST=127.0.0.1",
            "HTTP-USER-AGENT=curl/7.88.1", "HTTP-REQUESTLINE=GET", "HTTP-USER=freeswitch@127.0.0.1", "HTTP-PORT=8080",
            "HTTP-QUERY=foo=bar+baz&x=+1", "foo=bar baz", "x= 1", "HTTP-URI=/api/version", "API-Command=version",
            "API-Command-Argument=foo=bar+baz&x=+1", "Content-Type=text/plain\r\n\r\n",
        ])
        #expect(event["Event-Calling-File"] == "mod_xml_rpc.c")

        _ = try await http.sink("command=create-listener&events=ALL")
        let sinkEvent = try ESLEvent.decodeJSON(try #require(try await client.next()?.body))
        #expect(sinkEvent["Content-Type"] == "text/xml\n\n<?xml version=\"1.0\"?>\n<root>\n")

        // Over the socket event_sink has no request to read.
        try await client.send("api event_sink command=create-listener&events=ALL\n\n")
        let reply = try #require(try await client.next(like: "Content-Type: api/response\n"))
        #expect(reply.body.map { String(buffer: $0) } == "This is a web application!\n")
        await client.close()
    }
}
