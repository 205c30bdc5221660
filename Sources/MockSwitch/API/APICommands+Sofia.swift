/// mod_sofia's lookup commands (sofia_contact, sofia_count_reg, sofia_username_of,
/// sofia_presence_data, sofia_gateway_data) over the simulated registrations, `sofia` itself and
/// `sofia_dig`.
/// They are in the table whether or not mod_sofia is loaded; only a loaded module's commands run.
extension APICommands {
    static let sofiaCommands: [String: APIImplementation] = [
        "sofia": SofiaCommand.run,
        "sofia_dig": SofiaDig.run,
        "sofia_contact": { argument, core in
            guard !argument.isEmpty else { return APIOutput("") }
            let target = SofiaTarget(argument, core)
            let contacts = target.matches(core).map { "\(target.concat)sofia/\($0.profile)/\($0.reg.contactURI)" }
            return APIOutput(contacts.isEmpty ? "error/user_not_registered" : contacts.joined(separator: ","))
        },
        "sofia_count_reg": { argument, core in
            guard !argument.isEmpty else { return APIOutput("") }
            guard let found = SofiaTarget.countLookup(argument, core) else { return APIOutput("-1") }
            return APIOutput(String(found.count))
        },
        "sofia_username_of": { argument, core in
            guard !argument.isEmpty else { return APIOutput("") }
            return APIOutput(SofiaTarget.countLookup(argument, core)?.first?.user ?? "")
        },
        "sofia_presence_data": { argument, core in
            let words = argument.split(separator: " ").map(String.init)
            guard words.count >= 2 else { return APIOutput("") }
            let search = words[0].lowercased()
            let target = SofiaTarget(words[1], core)
            let rows = target.matches(core).filter { $0.reg.host == target.domain }.map(\.reg)
            var out = ""
            switch search {
            // The presence table is empty (no phone has published presence), so status and rpid are NULL.
            case "status", "rpid": out = rows.map { _ in "unknown" }.joined()
            case "user_agent": out = rows.map(\.userAgent).joined()
            default:
                if !rows.isEmpty { out = "status|rpid|user_agent|network_ip|network_port\n" }
                out += rows.map { "unknown|unknown|\($0.userAgent)|\($0.networkIP)|\($0.networkPort)\n" }.joined()
            }
            if search == "list" { out += "+OK\n" }
            return APIOutput(out)
        },
        // No gateway is configured, so every lookup finds none.
        "sofia_gateway_data": { argument, _ in
            APIOutput(argument.isEmpty ? "-ERR Parameter missing\n" : "")
        },
    ]
}

/// The `[profile/]<user>@<domain>[/concat]` argument of the sofia lookup commands.
struct SofiaTarget {
    var profileName: String?
    var user: String
    var domain: String
    var concat = ""

    init(_ argument: String, _ core: SwitchCore) {
        var rest = Substring(argument)
        if let tilde = rest.firstIndex(of: "~") { rest = rest[..<tilde] }
        if let slash = rest.firstIndex(of: "/") {
            profileName = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        var userPart = rest
        var domainPart: Substring = ""
        if let at = rest.firstIndex(of: "@") {
            userPart = rest[..<at]
            domainPart = rest[rest.index(after: at)...]
            if let slash = domainPart.firstIndex(of: "/") {
                concat = String(domainPart[domainPart.index(after: slash)...])
                domainPart = domainPart[..<slash]
            }
        } else if let slash = userPart.firstIndex(of: "/") {
            concat = String(userPart[userPart.index(after: slash)...])
            userPart = userPart[..<slash]
        }
        user = String(userPart)
        domain = domainPart.isEmpty ? APICommands.directory(core).domain : String(domainPart)
    }

    /// sofia_contact's rows: the named profile (or the one the domain names), else every profile.
    func matches(_ core: SwitchCore) -> [(profile: String, reg: SofiaRegistration)] {
        let domainName = APICommands.directory(core).domain
        var profile: SofiaProfile?
        if let profileName, profileName != "*" { profile = core.sofia.profile(named: profileName, domain: domainName) }
        if profile == nil, profileName != "*" { profile = core.sofia.profile(named: domain, domain: domainName) }
        let profiles = profile.map { [$0] } ?? core.sofia.runningProfiles
        return profiles.flatMap { profile in
            core.sofia.registrations(on: profile.name)
                .filter { $0.user.uppercased() == user.uppercased() && ($0.host == domain || profile.presenceHosts.contains(domain)) }
                .map { (profile.name, $0) }
        }
    }

    /// sofia_count_reg's and sofia_username_of's rows, or `nil` when no profile is found (they
    /// look a profile up by the named one or the domain, never all of them).
    static func countLookup(_ argument: String, _ core: SwitchCore) -> [SofiaRegistration]? {
        var rest = Substring(argument)
        var profileName: String?
        if let slash = rest.firstIndex(of: "/") {
            profileName = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        var user = rest
        var domain: String?
        if let at = rest.firstIndex(of: "@") {
            user = rest[..<at]
            var host = rest[rest.index(after: at)...]
            if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
            domain = String(host)
        }
        if let slash = user.firstIndex(of: "/") { user = user[..<slash] }
        let domainName = APICommands.directory(core).domain
        var name = profileName ?? domain
        guard name != nil else { return nil }
        var profile = core.sofia.profile(named: name!, domain: domainName)
        if profile == nil {
            name = domain
            domain = nil
            profile = name.flatMap { core.sofia.profile(named: $0, domain: domainName) }
        }
        guard let profile else { return nil }
        let host = domain.flatMap { $0.contains(".") ? $0 : nil } ?? profile.name
        return core.sofia.registrations(on: profile.name).filter { reg in
            (user.isEmpty || reg.user == user) && (reg.host == host || profile.presenceHosts.contains(host))
        }
    }
}

extension SofiaRegistration {
    /// The URI in the Contact header (`sip:1000@10.0.0.5:5100`).
    var contactURI: String {
        guard let open = contact.firstIndex(of: "<"), let close = contact.firstIndex(of: ">") else { return contact }
        return String(contact[contact.index(after: open)..<close])
    }
}
