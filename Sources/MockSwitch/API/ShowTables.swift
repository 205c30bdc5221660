import SwitchCatalog

/// The `show` tables that are not about calls (capture 62), all computed from the module table
/// and the command state: interfaces by type, api, application, interfaces, interface_types,
/// module(s), aliases, complete, nat_map, tasks, status.
enum ShowTables {
    /// The interface types `show <type>[s]` lists as `type,name,ikey`.
    static let interfaceSubjects: [(prefix: String, kind: SwitchInterface.Kind)] = [
        ("codec", .codec), ("dialplan", .dialplan), ("file", .file), ("timer", .timer), ("chat", .chat),
        ("limit", .limit), ("say", .say), ("management", .management), ("endpoint", .endpoint),
    ]

    /// The table for `subject` (its remaining words after it), or `nil` for an unknown subject.
    static func table(_ subject: String, _ words: [String], _ core: SwitchCore) -> ShowTable? {
        let interfaces = sorted(core.modules.interfaces)
        if let match = interfaceSubjects.first(where: { subject.hasPrefix($0.prefix) }) {
            let rows = interfaces.filter { $0.kind == match.kind }.map { [$0.kind.rawValue, $0.name, $0.module] }
            return ShowTable(columns: ["type", "name", "ikey"], rows: rows)
        }
        switch subject {
        case "api", "application":
            // Interfaces registered without a description are left out (`description != ''`).
            let kind: SwitchInterface.Kind = subject == "api" ? .api : .application
            let rows = interfaces.filter { interface in
                interface.kind == kind && !interface.description.isEmpty && (words.first.map { interface.name == $0 } ?? true)
            }
                .map { [$0.name, $0.description, $0.syntax, $0.module] }
            return ShowTable(columns: ["name", "description", "syntax", "ikey"], rows: rows)
        case "interfaces":
            return ShowTable(columns: ["type", "name", "ikey"], rows: interfaces.map { [$0.kind.rawValue, $0.name, $0.module] })
        case "interface_types":
            let kinds = Set(interfaces.map(\.kind.rawValue)).sorted()
            return ShowTable(columns: ["type", "total"], rows: kinds.map { kind in [kind, String(interfaces.filter { $0.kind.rawValue == kind }.count)] })
        case "module", "modules":
            let filenames = Dictionary(core.modules.modules.map { ($0.name, $0.filename) }, uniquingKeysWith: { first, _ in first })
            let rows = interfaces.filter { subject == "modules" || $0.module == words.first }
                .map { [$0.kind.rawValue, $0.name, $0.module, filenames[$0.module] ?? ""] }
            return ShowTable(columns: ["type", "name", "ikey", "filename"], rows: rows)
        case "aliases":
            return ShowTable(columns: ["sticky", "alias", "command", "hostname"], rows: core.aliasRows)
        case "complete":
            let rows = core.completionRows.map { row in
                ["0"] + (0..<10).map { $0 < row.count ? row[$0] : "" } + [core.identity.switchname]
            }
            return ShowTable(columns: ["sticky"] + (1...10).map { "a\($0)" } + ["hostname"], rows: rows)
        case "registrations":
            // The core's table, which mod_sofia fills as phones register.
            let rows = core.sofia.registrations.map { reg in
                [reg.user, reg.host, reg.callID, reg.coreURL, String(reg.expires), reg.networkIP, String(reg.networkPort), "udp",
                 core.identity.switchname, ""]
            }
            return ShowTable(columns: ["reg_user", "realm", "token", "url", "expires", "network_ip", "network_port", "network_proto",
                                       "hostname", "metadata"], rows: rows)
        case "nat_map":
            return ShowTable(columns: ["port", "proto", "proto_num", "sticky"], rows: [])
        case "tasks":
            let tasks = core.scheduledTasks
            return ShowTable(columns: ["task_id", "task_desc", "task_group", "task_runtime", "task_sql_manager", "hostname"],
                             rows: tasks.map { [String($0.id), $0.description, $0.group, String($0.runtime), "0", core.identity.switchname] })
        default:
            return nil
        }
    }

    /// `order by type, name`, bytewise as SQLite compares text.
    static func sorted(_ interfaces: [SwitchInterface]) -> [SwitchInterface] {
        interfaces.enumerated().sorted { lhs, rhs in
            let l = (Array(lhs.element.kind.rawValue.utf8), Array(lhs.element.name.utf8))
            let r = (Array(rhs.element.kind.rawValue.utf8), Array(rhs.element.name.utf8))
            if l.0 != r.0 { return l.0.lexicographicallyPrecedes(r.0) }
            if l.1 != r.1 { return l.1.lexicographicallyPrecedes(r.1) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
