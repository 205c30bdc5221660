import ESLProtocol
import SwitchCatalog

/// mod_sofia's part in the scheduler's passes: the phones waiting to register do so.
extension SwitchCore {
    /// Registers the waiting phones (only while mod_sofia is loaded) and returns their
    /// `sofia::register` events.
    func sofiaRegistrationPass(now: Int64) -> [ESLEvent] {
        guard modules.isLoaded(SwitchModule.sofia.name) else { return [] }
        let domain = APICommands.directory(self).domain
        guard let profile = sofia.profile(named: "internal", domain: domain) else { return [] }
        let added = sofia.registerPending(now: now, domain: domain)
        if !added.isEmpty { calls.registeredUsers.formUnion(added.map(\.user)) }
        return added.map {
            events.sofiaRegister($0, profile: profile.name, presenceHosts: profile.presenceHosts)
        }
    }
}

extension SwitchCore {
    /// What an optional module sets up when it loads (its completion rows come with every
    /// module): mod_sofia's profiles, whose phones register at the next scheduler pass.
    func moduleLoadedOptional(_ module: SwitchModule) {
        if module.name == SwitchModule.sofia.name { sofia.start() }
    }

    /// What a module takes away when it unloads: mod_sofia deletes every `sofia` completion and
    /// its registrations go with it.
    func moduleUnloadedOptional(_ module: SwitchModule) {
        guard module.name == SwitchModule.sofia.name else { return }
        commandState.withLockedValue { state in state.completionRows.removeAll { $0.first == "sofia" } }
        sofia.stop()
    }
}
