/// `show` and `help` (docs/api-output.md, "show" and "help"; captures 07, 08, 21).
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
    static func run(_ argument: String, _ core: SwitchCore) -> APIOutput {
        var words = argument.words
        let usage = APIOutput("-USAGE: \(core.modules.command(named: "show")?.syntax ?? "")\n")
        guard !words.isEmpty else { return usage }
        let subject = words.removeFirst().lowercased()
        if subject == "status" { return APIOutput(APICommands.status(core)) }
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
        case "channels":
            var rows = channelRows(core)
            // `show channels like X` (only this table has it): X as an SQL LIKE pattern when it has
            // a `%`, else anywhere in the uuid, name, caller id name or number or presence data.
            // The switch blanks quotes and semicolons out of X before it builds its query.
            if words.count > 1, words[0].lowercased() == "like" {
                let text = String(words[1].map { $0 == "'" || $0 == ";" ? " " : $0 })
                let pattern = text.contains("%") ? text : "%\(text)%"
                let searched = ["uuid", "name", "cid_name", "cid_num", "presence_data"].compactMap { channelColumns.firstIndex(of: $0) }
                rows = rows.filter { row in searched.contains { LikePattern.matches(row[$0], pattern) } }
            }
            table = ShowTable(columns: channelColumns, rows: rows)
        case "calls", "bridged_calls", "detailed_calls", "detailed_bridged_calls":
            table = ShowCallTables.table(subject, core) ?? ShowTable(columns: [], rows: [])
        default:
            guard let found = ShowTables.table(subject, words, core) else { return usage }
            table = found
        }
        if countOnly {
            switch format {
            case .csv: return APIOutput("\n\(table.rows.count) total.\n")
            case .json: return APIOutput("{\"row_count\":\(table.rows.count),\"rows\":[]}")
            case .xml: return APIOutput("<result row_count=\"\(table.rows.count)\"></result>\n")
            }
        }
        return APIOutput(table.render(format))
    }

    /// `help`: every loaded command as `name,syntax,description,module`; an argument is ignored but
    /// drops the heading (capture 64).
    static func help(_ argument: String, _ core: SwitchCore) -> APIOutput {
        let commands = core.modules.apiCommands
        guard !commands.isEmpty else { return APIOutput("-ERR No such command\n") }
        let heading = argument.isEmpty ? "\nValid Commands:\n\n" : ""
        return APIOutput(heading + commands.map { "\($0.name),\($0.syntax),\($0.description),\($0.module)\n" }.joined())
    }

    static func legValues(_ channel: SwitchChannel, _ core: SwitchCore) -> [String: String] {
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
}
