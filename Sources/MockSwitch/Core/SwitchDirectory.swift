import SwitchCatalog

/// The user directory of a stock FreeSWITCH (`conf/directory/default/1000.xml` … `1019.xml` in the
/// domain `$${domain}`): what `user_exists`, `user_data` and `find_user_xml` read.
struct SwitchDirectory {
    /// The stock domain, `$${domain}` (the switch's IPv4 address by default).
    let domain: String
    /// The `fscli mock --user` logins, each a directory user of its own domain with its `esl-*`
    /// params, as FreeSWITCH keeps event socket users.
    var logins: [MockSwitchConfiguration.User] = []

    static let userIDs = (1000...1019).map(String.init)

    func hasUser(_ id: String, in domain: String) -> Bool {
        (domain == self.domain && Self.userIDs.contains(id)) || login(id, in: domain) != nil
    }

    func hasDomain(_ name: String) -> Bool {
        name == domain || logins.contains { $0.domain == name }
    }

    func login(_ id: String, in domain: String) -> MockSwitchConfiguration.User? {
        logins.first { $0.name == id && $0.domain == domain }
    }

    /// A login's params, in the order its entry lists them.
    static func params(of login: MockSwitchConfiguration.User) -> [(String, String)] {
        func list(_ values: [String]?) -> String { values?.joined(separator: ",") ?? "all" }
        return [("esl-password", login.password), ("esl-allowed-events", list(login.allowedEvents)),
                ("esl-allowed-api", list(login.allowedAPI)), ("esl-allowed-log", login.allowedLog ? "true" : "false")]
    }

    /// A login's entry as `find_user_xml` prints it (the mock writes these entries itself, so
    /// they have none of the stock files' blank lines).
    static func loginXML(_ login: MockSwitchConfiguration.User) -> String {
        let params = params(of: login).map { "      <param name=\"\($0.0)\" value=\"\(XMLEscape.attribute($0.1))\"></param>\n" }.joined()
        return "<user id=\"\(login.name)\" domain-name=\"\(login.domain)\">\n    <params>\n\(params)    </params>\n  </user>\n"
    }

    /// The domain's `<params>` in order (`domain_data <domain> param <name>`).
    static let domainParams = [
        ("dial-string", "{^^:sip_invite_domain=${dialed_domain}:presence_id=${dialed_user}@${dialed_domain}}${sofia_contact(*/${dialed_user}@${dialed_domain})},${verto_contact(${dialed_user}@${dialed_domain})}"),
        ("jsonrpc-allowed-methods", "verto"),
    ]

    /// The domain's `<variables>` in order (`domain_data <domain> var <name>`).
    static let domainVariables = [
        ("record_stereo", "true"), ("default_gateway", "example.com"), ("default_areacode", "918"),
        ("transfer_fallback_extension", "operator"),
    ]

    /// The user's `<params>` in order (the domain's first, then the user's own).
    func params(_ id: String) -> [(String, String)] {
        Self.domainParams + [("password", "1234"), ("vm-password", id)]
    }

    /// The user's `<variables>` in order (the domain's first, then the user's own).
    func variables(_ id: String) -> [(String, String)] {
        Self.domainVariables + [
            ("toll_allow", "domestic,international,local"),
            ("accountcode", id), ("user_context", "default"), ("effective_caller_id_name", "Extension \(id)"),
            ("effective_caller_id_number", id), ("outbound_caller_id_name", "FreeSWITCH"),
            ("outbound_caller_id_number", "0000000000"), ("callgroup", "techsupport"),
        ]
    }

    /// `find_user_xml`'s text: the user element as the switch's XML preprocessor left it, blank
    /// lines of the stock files included (capture 61).
    func userXML(_ id: String) -> String {
        let blank = "          \n\n"
        let p = params(id), v = variables(id)
        func element(_ tag: String, _ pair: (String, String)) -> String {
            "<\(tag) name=\"\(pair.0)\" value=\"\(XMLEscape.attribute(pair.1))\"></\(tag)>"
        }
        var out = "<user id=\"\(id)\" domain-name=\"\(domain)\">\n      \n\n      \n\n    <profile-variables></profile-variables>\n\n        <params>\n"
        out += blank + blank + "        " + element("param", p[0]) + "\n\n" + blank + blank
        out += "        " + element("param", p[1]) + "\n\n"
        out += "              " + element("param", p[2]) + "\n\n\n"
        out += "              " + element("param", p[3]) + "\n\n\n"
        out += "    </params>\n\n\n        <variables>\n"
        for pair in v[0..<4] {
            out += String(repeating: blank, count: 8) + "        " + element("variable", pair) + "\n\n"
        }
        for pair in v[4...] {
            out += "              " + element("variable", pair) + "\n\n\n"
        }
        return out + "    </variables>\n\n\n  </user>\n"
    }
}

/// user_exists, find_user_xml, user_data, domain_exists, in_group, list_users (capture 61).
extension APICommands {
    static let directoryCommands: [String: APIImplementation] = [
        "domain_exists": { argument, core in
            guard !argument.isEmpty else { return APIOutput("") }
            return APIOutput(directory(core).hasDomain(argument) ? "true" : "false")
        },
        "user_exists": { argument, core in
            let words = argument.words
            guard words.count >= 3, words[0] == "id" else { return APIOutput("false") }
            return APIOutput(directory(core).hasUser(words[1], in: words[2]) ? "true" : "false")
        },
        "find_user_xml": { argument, core in
            let words = argument.words
            guard words.count >= 3 else { return APIOutput("-ERR bad args\n") }
            let directory = directory(core)
            guard words[0] == "id", directory.hasUser(words[1], in: words[2]) else { return APIOutput("-ERR can't find user\n") }
            if let login = directory.login(words[1], in: words[2]) { return APIOutput(SwitchDirectory.loginXML(login)) }
            return APIOutput(directory.userXML(words[1]))
        },
        "user_data": { argument, core in
            let words = argument.words
            guard words.count >= 3 else { return APIOutput("") }
            let parts = words[0].split(separator: "@", maxSplits: 1).map(String.init)
            let directory = directory(core)
            // Without `@domain` the switch's `domain` variable names it.
            let domain = parts.count > 1 ? parts[1] : directory.domain
            guard directory.hasUser(parts[0], in: domain) else { return APIOutput("") }
            if let login = directory.login(parts[0], in: domain) {
                switch words[1] {
                case "attr": return APIOutput(words[2] == "id" ? parts[0] : "")
                case "var": return APIOutput("")
                default: return APIOutput(SwitchDirectory.params(of: login).first { $0.0.lowercased() == words[2].lowercased() }?.1 ?? "")
                }
            }
            switch words[1] {
            case "attr": return APIOutput(words[2] == "id" ? parts[0] : "")
            case "var": return APIOutput(directory.variables(parts[0]).first { $0.0.lowercased() == words[2].lowercased() }?.1 ?? "")
            default: return APIOutput(directory.params(parts[0]).first { $0.0.lowercased() == words[2].lowercased() }?.1 ?? "")
            }
        },
        // The captured switch finds no user in a group. It lists no user either: each row needs
        // mod_sofia's `sofia_contact`, which it does not load.
        "in_group": { _, _ in APIOutput("false") },
        "list_users": { argument, core in
            guard argument.words.count < 9 else {
                return APIOutput("-USAGE: \(core.modules.command(named: "list_users")?.syntax ?? "")\n")
            }
            return APIOutput("userid|context|domain|group|contact|callgroup|effective_caller_id_name|effective_caller_id_number\n\n+OK\n")
        },
    ]

    static func directory(_ core: SwitchCore) -> SwitchDirectory {
        SwitchDirectory(domain: core.globalVariable("domain") ?? core.identity.ipv4, logins: core.logins)
    }
}
