#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// mod_xml_rpc's Basic authentication against its one static account (docs/http-face.md,
/// "Authentication"). Directory users are not simulated.
struct XMLRPCLogin: Sendable, Equatable {
    /// The user part of the login.
    var user: String
    /// The domain: after `@` in the login, else the Host's name, else the switch's `domain`.
    var domain: String

    /// The two fields Abyss puts first in every later response.
    var responseLines: String { "freeswitch-user: \(user)\r\nfreeswitch-domain: \(domain)\r\n" }

    /// `HTTP-USER`.
    var qualified: String { "\(user)@\(domain)" }

    /// The static account and realm (`auth-user`, `auth-pass`, `auth-realm`).
    struct Account: Sendable {
        var user: String
        var password: String
        var realm: String
    }

    /// The outcome of checking a request.
    enum Outcome: Sendable, Equatable {
        case accepted(XMLRPCLogin)
        /// 401 with this realm: the configured one when no Basic credentials could be read, the
        /// domain derived from them when they were wrong.
        case refused(realm: String)
    }

    /// Checks the `Authorization` header. The base64 text must equal that of `user:password`, or of
    /// `user@realm:password`, byte for byte (so padding and case matter).
    static func check(authorization: String?, hostDomain: String, account: Account) -> Outcome {
        guard let authorization else { return .refused(realm: account.realm) }
        let scheme = authorization.prefix { $0 != " " }
        let token = authorization.dropFirst(scheme.count).drop { $0 == " " }.prefix { $0 != " " }
        guard scheme.lowercased() == "basic", let data = Data(base64Encoded: String(token)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else {
            return .refused(realm: account.realm)
        }
        let login = text[..<colon]
        let (user, domain, expected): (String, String, String)
        if let at = login.firstIndex(of: "@") {
            user = String(login[..<at])
            domain = String(login[login.index(after: at)...])
            expected = "\(account.user)@\(account.realm):\(account.password)"
        } else {
            user = String(login)
            domain = hostDomain
            expected = "\(account.user):\(account.password)"
        }
        guard token == Data(expected.utf8).base64EncodedString() else { return .refused(realm: domain) }
        return .accepted(XMLRPCLogin(user: user, domain: domain))
    }
}
