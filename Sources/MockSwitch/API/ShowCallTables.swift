/// The call views of `show` (the switch's `basic_calls` and `detailed_calls`): one row per call,
/// a bridge's originator with its originatee in the `b_` columns, every other channel alone
/// (capture 69). `calls` and `bridged_calls` are ordered by the bridge's time, so unbridged
/// channels come first; the detailed views by the channel's creation.
enum ShowCallTables {
    /// `detailed_calls`: every `channels` column but `hostname` in its place … then the b-leg's.
    static let detailedLegColumns = [
        "uuid", "direction", "created", "created_epoch", "name", "state", "cid_name", "cid_num", "ip_addr", "dest",
        "application", "application_data", "dialplan", "context", "read_codec", "read_rate", "read_bit_rate",
        "write_codec", "write_rate", "write_bit_rate", "secure", "hostname", "presence_id", "presence_data",
        "accountcode", "callstate", "callee_name", "callee_num", "callee_direction", "call_uuid", "sent_callee_name",
        "sent_callee_num",
    ]
    static var detailedColumns: [String] {
        detailedLegColumns + detailedLegColumns.map { "b_" + $0 } + ["call_created_epoch"]
    }

    /// The table for `calls`, `bridged_calls`, `detailed_calls` or `detailed_bridged_calls`.
    static func table(_ subject: String, _ core: SwitchCore) -> ShowTable? {
        switch subject {
        case "calls", "bridged_calls":
            var rows = calls(core, bridgedOnly: subject == "bridged_calls")
            rows = stableSorted(rows)
            return ShowTable(columns: ShowCommand.callColumns, rows: rows.map { a, b, epoch in
                var row = ShowCommand.callLegColumns.map { a[$0] ?? "" }
                row += [a["call_uuid"] ?? "", a["hostname"] ?? "", a["sent_callee_name"] ?? "", a["sent_callee_num"] ?? ""]
                row += ShowCommand.callBLegColumns.map { b?[$0] ?? "" }
                return row + [epoch]
            })
        case "detailed_calls", "detailed_bridged_calls":
            let rows = calls(core, bridgedOnly: subject == "detailed_bridged_calls")
            return ShowTable(columns: detailedColumns, rows: rows.map { a, b, epoch in
                detailedLegColumns.map { a[$0] ?? "" } + detailedLegColumns.map { b?[$0] ?? "" } + [epoch]
            })
        default:
            return nil
        }
    }

    /// `order by call_created_epoch`: SQLite puts the unbridged (empty) first and keeps ties in
    /// table order.
    private static func stableSorted(_ rows: [Row]) -> [Row] {
        rows.enumerated().sorted { lhs, rhs in
            let l = Int64(lhs.element.epoch) ?? -1, r = Int64(rhs.element.epoch) ?? -1
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private typealias Row = (a: [String: String], b: [String: String]?, epoch: String)

    /// A-legs in channel order: bridged originatees are left out, they are their originator's b.
    private static func calls(_ core: SwitchCore, bridgedOnly: Bool) -> [Row] {
        let channels = core.channels
        let bLegs = Set(channels.compactMap(\.bridgedTo))
        return channels.filter { !bLegs.contains($0.uuid) && (!bridgedOnly || $0.bridgedTo != nil) }.map { channel in
            let a = ShowCommand.legValues(channel, core)
            guard let other = channel.bridgedTo.flatMap({ core.channel($0) }) else { return (a, nil, "") }
            let bridgedAt = core.leg(channel.uuid)?.profile?.bridgedAt ?? other.createdAt
            return (a, ShowCommand.legValues(other, core), String(bridgedAt.floorDiv(1_000_000)))
        }
    }
}
