/// The Abyss web server's answer to anything but a 200 (docs/http-face.md, "Error pages"): a fixed
/// HTML page, its own header spellings (`Content-type`, `Content-length`), a `Date` in `UTC` and
/// always `Connection: close`.
enum AbyssErrorPage {
    /// `Server:` of the pages Abyss writes itself.
    static let server = "Freeswitch xmlrpc-c_abyss /1.26.0"

    /// The reason phrase of `status`.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        default: "Internal Server Error"
        }
    }

    /// The page body (no trailing newline).
    static func body(_ status: Int) -> String {
        "<HTML><HEAD><TITLE>Error \(status)</TITLE></HEAD><BODY><H1>Error \(status)</H1><P>\(reason(status))</P><p><HR><b><i>"
            + "<a href=\"http://xmlrpc-c.sourceforge.net\">ABYSS Web Server for XML-RPC For C/C++</a></i></b> version 1.26.0<br></p></BODY></HTML>"
    }

    /// The whole response. `user` is the login that passed authentication, whose lines come first;
    /// `realm` adds the 401's challenge. `micros` is the time of `Date`.
    static func response(_ status: Int, user: XMLRPCLogin?, realm: String? = nil, micros: Int64) -> String {
        let page = body(status)
        var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
        if let user { head += user.responseLines }
        if let realm { head += "WWW-Authenticate: Basic realm=\"\(realm)\"\r\n" }
        head += "Content-type: text/html\r\nContent-length: \(page.utf8.count)\r\nConnection: close\r\n"
        head += "Date: \(date(micros))\r\nServer: \(server)\r\n\r\n"
        return head + page
    }

    /// Abyss's `Date`: RFC 822 like the switch's GMT text, but ending in `UTC`.
    static func date(_ micros: Int64) -> String {
        String(SwitchTimeText.gmt(micros).dropLast(3)) + "UTC"
    }
}
