import ESLProtocol
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// mod_xml_rpc in front of the simulated switch: authentication, then the API gateway of the
/// `/api/`, `/webapi/`, `/txtapi/` and `/xmlapi/` URLs (docs/http-face.md). A request goes in; the
/// exact response bytes and what the switch fires come out.
struct XMLRPCGateway: Sendable {
    let core: SwitchCore
    let account: XMLRPCLogin.Account

    /// What one request produced.
    struct Response: Sendable {
        /// Status line, head and body; the connection closes after it.
        var text: String
        var events: [ESLEvent] = []
        var logLines: [ESLLogLine] = []
        /// How long the command ran (`msleep`): the answer waits that long.
        var delay: Duration = .zero
        /// How the command asked the switch to shut down, if it did.
        var shutdown: ShutdownRequest?
    }

    /// The four URL forms, in the order they are looked for, and what each adds to the head and the
    /// param event (`/api/` leaves the type to the command's first write).
    enum Mode: String, CaseIterable, Sendable {
        case api = "/api/"
        case webapi = "/webapi/"
        case txtapi = "/txtapi/"
        case xmlapi = "/xmlapi/"

        var contentType: String? {
            switch self {
            case .api: nil
            case .webapi: "text/html"
            case .txtapi: "text/plain"
            case .xmlapi: "text/xml"
            }
        }
    }

    /// Answers `request`.
    func respond(to request: XMLRPCRequest) -> Response {
        let now = core.clock.now()
        guard let (path, urlQuery) = request.decodedTarget else {
            return Response(text: AbyssErrorPage.response(400, user: nil, micros: now))
        }
        let host = request.host
        var login: XMLRPCLogin?
        if !path.hasPrefix("/pub") {
            let hostDomain = host.name.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
                ?? core.globalVariable("domain") ?? core.identity.ipv4
            switch XMLRPCLogin.check(authorization: request.header("Authorization"), hostDomain: hostDomain, account: account) {
            case .accepted(let accepted): login = accepted
            case .refused(let realm): return Response(text: AbyssErrorPage.response(401, user: nil, realm: realm, micros: now))
            }
        }
        guard let (mode, range) = Mode.allCases.lazy.compactMap({ mode in path.firstRange(of: mode.rawValue).map { (mode, $0) } }).first else {
            return Response(text: AbyssErrorPage.response(404, user: login, micros: now))
        }
        // /pub skips authentication, but the gateway wants a user.
        guard let login else { return Response(text: AbyssErrorPage.response(500, user: nil, micros: now)) }
        let rest = path[range.upperBound...]
        let command = String(rest.prefix { $0 != "/" })
        let pathInfo = rest.dropFirst(command.count + 1)
        let uri = String(path[..<range.upperBound]) + command

        // A form POST supplies the parameters; the API argument is still the URL's query.
        var query = urlQuery
        if request.method == "POST", request.header("Content-Length") != nil {
            query = String(decoding: request.body.prefix(8192), as: UTF8.self)
        }
        var params = core.events.makeEvent("API", source: .xmlRPCHandler, time: now)
        if let type = mode.contentType { params.addHeader("Content-Type", type) }
        if mode == .api { params.addHeader("HTTP-API", "api") }
        params.addHeader("FreeSWITCH-User", login.user)
        params.addHeader("FreeSWITCH-Domain", login.domain)
        params.addHeader("HTTP-Path-Info", String(pathInfo))
        if let name = host.name { params.addHeader("HTTP-HOST", name) }
        for (field, header) in [("From", "HTTP-FROM"), ("User-Agent", "HTTP-USER-AGENT"), ("Referer", "HTTP-REFERER")] {
            if let value = request.header(field) { params.addHeader(header, value) }
        }
        // Abyss parses the request line in place, so only the method is left of it.
        params.addHeader("HTTP-REQUESTLINE", request.method)
        params.addHeader("HTTP-USER", login.qualified)
        params.addHeader("HTTP-PORT", String(host.port))
        if let query {
            params.addHeader("HTTP-QUERY", query)
            for (name, value) in XMLRPCRequest.parameters(query) {
                if value.isEmpty { params.removeHeaders(named: name) } else { params.addHeader(name, value) }
            }
        }
        params.addHeader("HTTP-URI", uri)

        var head = "HTTP/1.1 200 OK\r\n" + login.responseLines + "Connection: close\r\n"
        head += "Date: \(params["Event-Date-GMT"] ?? AbyssErrorPage.date(now))\r\n"
        head += "Server: FreeSWITCH-\(core.identity.version.full)-mod_xml_rpc\r\n"
        if let type = mode.contentType { head += "Content-Type: \(type)\r\n\r\n" }
        var stream = HTTPAPIStream(paramEvent: params)
        let produced = core.executeAPI(command, urlQuery, stream: &stream)
        return Response(text: head + stream.output, events: produced.events + [stream.paramEvent], logLines: produced.logLines,
                        delay: produced.delay, shutdown: produced.shutdown)
    }
}

extension SourceLocation {
    /// mod_xml_rpc's `handler_hook`, which makes the param event (line unverified).
    static let xmlRPCHandler = SourceLocation(file: "mod_xml_rpc.c", function: "handler_hook", line: 783)
}
