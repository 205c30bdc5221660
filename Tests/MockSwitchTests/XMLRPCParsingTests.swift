import ESLProtocol
@testable import MockSwitch
import Testing

/// mod_xml_rpc's rules as plain values, no socket: URI and parameter decoding, the Basic check, the
/// first-write rule and the param event (docs/http-face.md).
@Suite struct XMLRPCParsingTests {
    static let account = XMLRPCLogin.Account(user: "freeswitch", password: "works", realm: "freeswitch")

    @Test func theTargetIsDecodedOnceAndTheParametersTwice() {
        let request = XMLRPCRequest(method: "GET", uri: "/api/x?a=%2B1&b=c+d&e%3Df&%41=1", headers: [])
        let target = request.decodedTarget
        #expect(target?.path == "/api/x")
        #expect(target?.query == "a=+1&b=c+d&e=f&A=1")
        #expect(XMLRPCRequest.parameters(target?.query ?? "").map { "\($0.name)=\($0.value)" } == ["a= 1", "b=c d", "e=f", "A=1"])
        #expect(XMLRPCRequest(method: "GET", uri: "/api/x?%4", headers: []).decodedTarget == nil)
        #expect(XMLRPCRequest(method: "GET", uri: "/api/x", headers: []).decodedTarget?.query == nil)
        // The second pass is loose: one hex digit is enough, and both characters are skipped.
        #expect(XMLRPCRequest.looseDecode("%4g-%zz-%4") == "\u{4}-%zz-%4")
        #expect(XMLRPCRequest.parameters("novalue&k=v&=x").map { "\($0.name)=\($0.value)" } == ["k=v", "=x"])
    }

    @Test func theHostGivesNameAndPort() {
        func host(_ value: String?) -> String {
            let request = XMLRPCRequest(method: "GET", uri: "/", headers: value.map { [("host", $0)] } ?? [])
            return "\(request.host.name ?? "-"):\(request.host.port)"
        }
        #expect(host("127.0.0.1:8080") == "127.0.0.1:8080")
        #expect(host("example.org") == "example.org:80")
        #expect(host("[::1]:8080") == "::1:8080")
        #expect(host(nil) == "-:80")
    }

    @Test func basicCredentialsAreComparedAsSent() {
        func check(_ header: String?) -> XMLRPCLogin.Outcome {
            XMLRPCLogin.check(authorization: header, hostDomain: "127.0.0.1", account: Self.account)
        }
        #expect(check("Basic ZnJlZXN3aXRjaDp3b3Jrcw==") == .accepted(XMLRPCLogin(user: "freeswitch", domain: "127.0.0.1")))
        #expect(check("basic   ZnJlZXN3aXRjaDp3b3Jrcw==") == .accepted(XMLRPCLogin(user: "freeswitch", domain: "127.0.0.1")))
        #expect(check("Basic ZnJlZXN3aXRjaEBmcmVlc3dpdGNoOndvcmtz") == .accepted(XMLRPCLogin(user: "freeswitch", domain: "freeswitch")))
        // freeswitch@example:works: the domain after @ must be the realm; the challenge names it.
        #expect(check("Basic ZnJlZXN3aXRjaEBleGFtcGxlOndvcmtz") == .refused(realm: "example"))
        #expect(check("Basic ZnJlZXN3aXRjaDp3cm9uZw==") == .refused(realm: "127.0.0.1"))
        #expect(check(nil) == .refused(realm: "freeswitch"))
        #expect(check("Basic !!!") == .refused(realm: "freeswitch"))
    }

    @Test func theFirstWriteDecidesTheContentType() {
        var plain = HTTPAPIStream(paramEvent: ESLEvent())
        plain.write("")
        plain.write("one")
        plain.write("Content-Type: two")
        #expect(plain.output == "Content-Type: text/plain\r\n\r\noneContent-Type: two")
        #expect(plain.paramEvent["Content-Type"] == "text/plain\r\n\r\n")

        var own = HTTPAPIStream(paramEvent: ESLEvent())
        own.write("content-type: text/xml\n\n<a/>")
        #expect(own.output == "content-type: text/xml\n\n<a/>")
        #expect(own.paramEvent["Content-Type"] == "text/xml\n\n<a/>")

        var typed = HTTPAPIStream(paramEvent: ESLEvent(headers: [("Content-Type", "text/html")]))
        typed.write("body")
        #expect(typed.output == "body")
    }

    @Test func theParamEventCarriesTheRequestInOrder() {
        let clock = ManualClock(TestSwitch.start)
        let core = TestSwitch.make(clock: clock)
        let gateway = XMLRPCGateway(core: core, account: Self.account)
        let request = XMLRPCRequest(method: "POST", uri: "/foo/txtapi/echo/a/b?hi+there", headers: [
            ("Host", "www.example.org"), ("Authorization", "Basic ZnJlZXN3aXRjaDp3b3Jrcw=="), ("Referer", "r"),
            ("From", "f"), ("Content-Length", "11"),
        ], body: Array("x=1&HTTP-HOST=y&x=2&From=".utf8))
        let response = gateway.respond(to: request)
        #expect(response.text.hasSuffix("Content-Type: text/plain\r\n\r\nhi+there"))
        let event = response.events.last
        // After the standard headers; POST's form body stands in for the query, but not for the argument.
        let fields = event?.headers.drop { $0.name != "Content-Type" }.map { "\($0.name)=\($0.value)" }
        #expect(fields == [
            "Content-Type=text/plain", "FreeSWITCH-User=freeswitch", "FreeSWITCH-Domain=example.org", "HTTP-Path-Info=a/b",
            "HTTP-HOST=www.example.org", "HTTP-FROM=f", "HTTP-REFERER=r", "HTTP-REQUESTLINE=POST",
            "HTTP-USER=freeswitch@example.org", "HTTP-PORT=80", "HTTP-QUERY=x=1&HTTP-HOST=y&x=2&From=", "x=1", "HTTP-HOST=y", "x=2",
            "HTTP-URI=/foo/txtapi/echo", "API-Command=echo", "API-Command-Argument=hi+there",
        ])
        #expect(event?["HTTP-FROM"] == "f", "an empty From= deletes only headers named From")
        #expect(event?["HTTP-HOST"] == "www.example.org", "the first header of a name wins")
    }
}
