import ESLProtocol
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a listener's protocol session asks the simulated switch while it decides a reply: the core's
/// channels plus the configured directory users.
struct CoreLookup: ESLServerCore {
    let core: SwitchCore
    let users: [MockSwitchConfiguration.User]

    func newUUID() -> String {
        UUID().uuidString.lowercased()
    }

    func channelExists(_ uuid: String) -> Bool {
        core.channelExists(uuid)
    }

    func channelVariable(_ uuid: String, _ name: String) -> String? {
        core.channelVariable(uuid, name)
    }

    func user(_ name: String, domain: String) -> ESLServerUser? {
        guard let user = users.first(where: { $0.name == name && $0.domain == domain }) else { return nil }
        return ESLServerUser(
            password: user.password,
            allowedEvents: user.allowedEvents?.joined(separator: ","),
            allowedAPI: user.allowedAPI?.joined(separator: ","),
            allowedLog: user.allowedLog)
    }
}
