/// A fleet's status line: where commands go, each switch's state in a few characters, the
/// stream's rate.
///
/// `to all | pbx1 up  pbx2 down  pbx3 … | 12 events/s | 0 dropped`, where `…` is a switch being
/// reconnected (`-R`). When the switches do not fit the width, a summary takes their place:
/// `to all | 18 up, 2 down: pbx7 pbx12 | …`; the line is never wider than `width`.
struct FleetStatusLine: Sendable, Equatable {
    struct Switch: Sendable, Equatable {
        var name: String
        var link: ConsoleStateMachine.Link
    }

    /// `all`, or the one switch commands go to.
    var target: String
    var switches: [Switch]
    var eventsPerSecond: Int
    var dropped: Int
    /// A recording is on (`--record`, `/record`): `| rec` after the switches, as for one switch.
    var recording = false

    /// `up`, `down` or `…` (reconnecting).
    static func state(_ link: ConsoleStateMachine.Link) -> String {
        switch link {
        case .connected: "up"
        case .disconnected: "down"
        case .reconnecting: "…"
        }
    }

    /// Each switch by name and state.
    var detailed: String {
        switches.map { "\($0.name) \(Self.state($0.link))" }.joined(separator: "  ")
    }

    /// `2 up, 1 down: pbx3`: the switches not up are named (as many as fit).
    var summary: String {
        let down = switches.filter { $0.link != .connected }
        let counts = "\(switches.count - down.count) up, \(down.count) down"
        return down.isEmpty ? counts : counts + ": " + down.map(\.name).joined(separator: " ")
    }

    /// The line for a screen `width` columns wide (nil: no limit).
    func text(width: Int?) -> String {
        let rest = (recording ? " | rec" : "") + " | \(eventsPerSecond) event\(eventsPerSecond == 1 ? "" : "s")/s | \(dropped) dropped"
        let full = "to \(target) | \(detailed)" + rest
        guard let width, full.count > width else { return full }
        let short = "to \(target) | \(summary)"
        if short.count + rest.count <= width { return short + rest }
        return short.count <= width ? short : String(short.prefix(max(0, width - 1))) + "…"
    }
}
