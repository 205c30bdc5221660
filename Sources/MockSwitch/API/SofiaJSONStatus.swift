/// `sofia jsonstatus` (mod_sofia's `cmd_json_status`, sofia_json_api.c): every profile and alias
/// with its status and settings, printed by cJSON; the JSON APIs `sofia.status` (status only) and
/// `sofia.status.info` give the same object. The profile's external RTP address is unset (no
/// NAT), so that member is left out.
enum SofiaJSONStatus {
    static func text(_ core: SwitchCore) -> String {
        CJSON.object([("profiles", profiles(core, info: true))]).pretty + "\n"
    }

    static func profiles(_ core: SwitchCore, info withInfo: Bool) -> CJSON {
        let alias = APICommands.directory(core).domain
        var members: [(String, CJSON)] = []
        for profile in core.sofia.runningProfiles {
            if profile.name == "internal" {
                let status = CJSON.object([("type", .string("alias")), ("data", .string(profile.name)), ("state", .string("ALIASED"))])
                members.append((alias, .object([("status", status)] + (withInfo ? [("info", info(profile, aliasOf: true))] : []))))
            }
            let status = CJSON.object([("type", .string("profile")), ("state", .string("RUNNING")), ("in-use", .number(0)),
                                       ("data", .string(profile.url))])
            members.append((profile.name, .object([("status", status)] + (withInfo ? [("info", info(profile, aliasOf: false))] : []))))
        }
        return .object(members)
    }

    static func info(_ profile: SofiaProfile, aliasOf: Bool) -> CJSON {
        var members: [(String, CJSON)] = [("domain-name", .string("N/A"))]
        if aliasOf { members.append(("alias-of", .string(profile.name))) }
        members += [
            ("auto-nat", .string("false")), ("db-name", .string("sofia_reg_\(profile.name)")), ("pres-hosts", .string(profile.presenceHosts)),
            ("dialplan", .string("XML")), ("context", .string("public")), ("challenge-realm", .string(profile.challengeRealm)),
            ("rtp-ip", .array([.string(profile.ip)])), ("sip-ip", .string(profile.ip)), ("ext-sip-ip", .string("")),
            ("url", .string(profile.url)), ("bind-url", .string(profile.bindURL)),
        ]
        if let ports = profile.webSocketPorts {
            members.append(("ws-bind-url", .string("sip:mod_sofia@\(profile.ip):\(ports.ws);transport=ws")))
            members.append(("wss-bind-url", .string("sips:mod_sofia@\(profile.ip):\(ports.wss);transport=wss")))
        }
        members += [("hold-music", .string("local_stream://moh")), ("outbound-proxy", .string("N/A"))]
        return .object(members)
    }
}
