import ESLProtocol

/// mod_sofia's registration events (`sofia_reg.c`): `sofia::register` when a phone registers,
/// `sofia::expire` when its registration is flushed or runs out.
extension EventFactory {
    /// `sofia::register` for `reg` on `profile`.
    public func sofiaRegister(_ reg: SofiaRegistration, profile: String, presenceHosts: String, time: Int64? = nil) -> ESLEvent {
        var event = makeEvent("CUSTOM", subclass: "sofia::register", source: .sofiaRegister, time: time)
        let headers = [
            ("profile-name", profile), ("from-user", reg.user), ("from-host", reg.host),
            ("presence-hosts", presenceHosts.isEmpty ? "n/a" : presenceHosts), ("contact", reg.contact), ("call-id", reg.callID),
            ("rpid", "unknown"), ("status", reg.status), ("expires", String(SofiaRegistration.requestedSeconds)),
            ("to-user", reg.user), ("to-host", reg.host), ("network-ip", reg.networkIP), ("network-port", String(reg.networkPort)),
            ("username", reg.user), ("realm", reg.host), ("user-agent", reg.userAgent),
        ]
        for (name, value) in headers { event.addHeader(name, value) }
        return event
    }

    /// `sofia::expire` for `reg`, removed from `profile`.
    public func sofiaExpire(_ reg: SofiaRegistration, profile: String, time: Int64? = nil) -> ESLEvent {
        var event = makeEvent("CUSTOM", subclass: "sofia::expire", source: .sofiaExpire, time: time)
        let headers = [
            ("profile-name", profile), ("call-id", reg.callID), ("user", reg.user), ("host", reg.host), ("contact", reg.contact),
            ("expires", String(reg.expires)), ("user-agent", reg.userAgent), ("realm", reg.host),
        ]
        for (name, value) in headers { event.addHeader(name, value) }
        return event
    }
}

extension SourceLocation {
    static let sofiaRegister = SourceLocation(file: "sofia_reg.c", function: "sofia_reg_handle_register_token", line: 2083)
    static let sofiaExpire = SourceLocation(file: "sofia_reg.c", function: "sofia_reg_del_callback", line: 600)
}
