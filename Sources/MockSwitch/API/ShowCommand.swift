/// `show` and `help` (spec §5.4, §5.6; captures 07, 08, 21).
enum ShowCommand {
    static let channelColumns = [
        "uuid", "direction", "created", "created_epoch", "name", "state", "cid_name", "cid_num", "ip_addr", "dest",
        "application", "application_data", "dialplan", "context", "read_codec", "read_rate", "read_bit_rate",
        "write_codec", "write_rate", "write_bit_rate", "secure", "hostname", "presence_id", "presence_data",
        "accountcode", "callstate", "callee_name", "callee_num", "callee_direction", "call_uuid", "sent_callee_name",
        "sent_callee_num", "initial_cid_name", "initial_cid_num", "initial_ip_addr", "initial_dest",
        "initial_dialplan", "initial_context",
    ]
    /// The a-leg columns of `show calls` (view `basic_calls`); each has a `b_` twin, then `call_created_epoch`.
    static let callLegColumns = [
        "uuid", "direction", "created", "created_epoch", "name", "state", "cid_name", "cid_num", "ip_addr", "dest",
        "presence_id", "presence_data", "accountcode", "callstate", "callee_name", "callee_num", "callee_direction",
    ]
    static let callBLegColumns = [
        "uuid", "direction", "created", "created_epoch", "name", "state", "cid_name", "cid_num", "ip_addr", "dest",
        "presence_id", "presence_data", "accountcode", "callstate", "callee_name", "callee_num", "callee_direction",
        "sent_callee_name", "sent_callee_num",
    ]
    static var callColumns: [String] {
        callLegColumns + ["call_uuid", "hostname", "sent_callee_name", "sent_callee_num"]
            + callBLegColumns.map { "b_" + $0 } + ["call_created_epoch"]
    }
    /// Subjects `show` knows but the mock has no rows for.
    static let emptySubjects: Set<String> = [
        "codec", "endpoint", "application", "dialplan", "file", "timer", "detailed_calls", "bridged_calls",
        "detailed_bridged_calls", "aliases", "complete", "chat", "management", "modules", "nat_map", "say",
        "interfaces", "interface_types", "tasks", "limits", "status", "registrations",
    ]

    static func run(_ argument: String, _ core: SwitchCore) -> APIOutput {
        var words = argument.words
        let usage = APIOutput("-USAGE: \(core.commands.info(named: "show")?.syntax ?? "")\n")
        guard !words.isEmpty else { return usage }
        let subject = words.removeFirst().lowercased()
        var format = ShowTable.Format.csv(",")
        if let asIndex = words.firstIndex(where: { $0.lowercased() == "as" }), asIndex + 1 < words.count {
            switch words[asIndex + 1].lowercased() {
            case "json": format = .json
            case "xml": format = .xml
            case "csv": format = .csv(",")
            case "delim": format = .csv(asIndex + 2 < words.count ? words[asIndex + 2] : ",")
            default: return APIOutput("-ERR Cannot find format \(words[asIndex + 1])\n")
            }
            words.removeSubrange(asIndex...)
        }
        let countOnly = words.first?.lowercased() == "count"
        let table: ShowTable
        switch subject {
        case "channels": table = ShowTable(columns: channelColumns, rows: channelRows(core))
        case "calls": table = ShowTable(columns: callColumns, rows: callRows(core))
        case "api":
            table = ShowTable(columns: ["name", "description", "syntax", "ikey"],
                              rows: core.commands.commands.map { [$0.name, $0.description, $0.syntax, $0.module] })
        default:
            guard emptySubjects.contains(subject) else { return usage }
            table = ShowTable(columns: ["name"], rows: [])
        }
        if countOnly {
            switch format {
            case .json: return APIOutput("{\"row_count\":\(table.rows.count),\"rows\":[]}")
            case .xml: return APIOutput("<result row_count=\"\(table.rows.count)\"></result>\n")
            case .csv: return APIOutput("\n\(table.rows.count) total.\n")
            }
        }
        return APIOutput(table.render(format))
    }

    static func help(_ core: SwitchCore) -> APIOutput {
        let commands = core.commands.commands
        guard !commands.isEmpty else { return APIOutput("-ERR No such command\n") }
        let sorted = commands.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        return APIOutput("\nValid Commands:\n\n" + sorted.map { "\($0.name),\($0.syntax),\($0.description),\($0.module)\n" }.joined())
    }

    private static func legValues(_ channel: SwitchChannel, _ core: SwitchCore) -> [String: String] {
        var values = channel.columns
        values["uuid"] = channel.uuid
        values["created"] = SwitchTimeText.local(channel.createdAt, core.clock.timeZone)
        values["created_epoch"] = String(channel.createdAt.floorDiv(1_000_000))
        values["hostname"] = core.identity.switchname
        return values
    }

    static func channelRows(_ core: SwitchCore) -> [[String]] {
        core.channels.map { channel in
            let values = legValues(channel, core)
            return channelColumns.map { values[$0] ?? "" }
        }
    }

    /// One row per call: a bridged A-leg with its B-leg, and every unbridged channel alone.
    static func callRows(_ core: SwitchCore) -> [[String]] {
        let channels = core.channels
        let bLegs = Set(channels.compactMap(\.bridgedTo))
        return channels.filter { !bLegs.contains($0.uuid) }.map { channel in
            let a = legValues(channel, core)
            var row = callLegColumns.map { a[$0] ?? "" }
            row += [a["call_uuid"] ?? "", a["hostname"] ?? "", a["sent_callee_name"] ?? "", a["sent_callee_num"] ?? ""]
            if let other = channel.bridgedTo.flatMap({ core.channel($0) }) {
                let b = legValues(other, core)
                row += callBLegColumns.map { b[$0] ?? "" }
                row.append(a["created_epoch"] ?? "")
            } else {
                row += Array(repeating: "", count: callBLegColumns.count + 1)
            }
            return row
        }
    }
}
