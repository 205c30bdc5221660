import ESLClient
import NIOConcurrencyHelpers

/// `--follow` with a fleet: every switch followed at once, its lines tagged as the fleet's console
/// tags them (``FleetTags``) and its JSON records named, all through one ``FollowWriter``.
///
/// A switch that cannot be reached at the start, or goes away later, is said on stderr and, with
/// `-R`, tried again in the background without holding up the others; without `-R` the others
/// carry on, and the run ends (255) when none is left. SIGINT and SIGTERM end it with 0, as for
/// one switch.
struct FleetFollowRun: Sendable {
    let settings: ConsoleSettings
    let palette: Palette

    func run() async -> ExitStatus {
        FollowSignals.endProcessOnSignal()
        let targets = settings.switches
        let tags = FleetTags(names: targets.map(\.name), palette: palette)
        let writer = FollowWriter()
        let statuses = await withTaskGroup(of: ExitStatus.self) { group in
            for (index, target) in targets.enumerated() {
                let follower = FollowRun(
                    settings: settings.single(target), palette: palette, fleetTag: (tags, index), writer: writer)
                group.addTask { await Self.follow(follower) }
            }
            var statuses: [ExitStatus] = []
            for await status in group { statuses.append(status) }
            return statuses
        }
        return statuses.max { $0.rawValue < $1.rawValue } ?? .success
    }

    /// One switch: connect (with `-R`, until it answers), then follow.
    private static func follow(_ follower: FollowRun) async -> ExitStatus {
        let link = SwitchLink(settings: follower.settings)
        let connection: ESLConnection
        do {
            connection = try await link.connect { error, attempt in
                follower.note("\(error.message); retrying (\(attempt + 1) of \(follower.settings.connectAttempts))")
            }
        } catch {
            follower.note(error.message)
            guard follower.settings.reconnect else { return .connectionFailed }
            connection = await follower.reconnect(link)
        }
        return await follower.follow(connection)
    }
}

/// Writes `--follow`'s bursts to stdout one at a time: each is whole lines, and two switches'
/// bursts must not interleave (a write(2) of more than a pipe's buffer is not atomic). While
/// stdout's reader is behind, every follower waits here, and their connections stop reading.
final class FollowWriter: Sendable {
    private let lock = NIOLock()

    func write(_ text: String) {
        lock.withLock { StandardStreams.out(text) }
    }
}
