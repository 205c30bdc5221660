import SwitchCatalog

/// mod_fifo's and mod_local_stream's API commands on a switch with no fifo and no local stream
/// configured: reports that list nothing, and `none` or "cannot locate" for a named one.
extension APICommands {
    static let queueCommands: [String: APIImplementation] = [
        "fifo": { argument, core in APIOutput(fifo(argument, core)) },
        "fifo_member": { argument, _ in
            let words = argument.split(separator: " ")
            guard !argument.isEmpty else { return APIOutput("-USAGE: \(SwitchModule.fifoMemberSyntax)\n") }
            guard words.count >= 3, ["add", "del"].contains(words[0].lowercased()) else { return APIOutput("-ERR Invalid!\n") }
            return APIOutput("+OK\n")
        },
        // The call goes on the named node's queue (made if need be), and the queue's length is the answer.
        "fifo_add_outbound": { argument, _ in APIOutput(argument.split(separator: " ").count < 2 ? "0" : "1") },
        // No caller is ever bridged by a fifo here.
        "fifo_check_bridge": { _, _ in APIOutput("false") },
        "show_local_stream": { argument, _ in
            let name = argument.split(separator: " ").first.map(String.init)
            return APIOutput(name.map { "-ERR Cannot locate local_stream \($0)!\n" } ?? "+OK")
        },
        // Starting one reads local_stream.conf for it, which names none here.
        "start_local_stream": { _, _ in APIOutput("-USAGE: <local_stream_name>\n") },
        "stop_local_stream": localStream,
        "reload_local_stream": localStream,
        // A stream it cannot find is passed over without a word.
        "hup_local_stream": { argument, _ in APIOutput(argument.isEmpty ? "-USAGE: <local_stream_name>\n" : "") },
    ]

    private static let localStream: APIImplementation = { argument, _ in
        guard let name = argument.split(separator: " ").first else { return APIOutput("-USAGE: <local_stream_name>\n") }
        return APIOutput("-ERR Cannot locate local_stream \(name)!\n")
    }

    private static func fifo(_ argument: String, _ core: SwitchCore) -> String {
        let words = argument.split(separator: " ").map(String.init)
        guard let verb = words.first?.lowercased() else { return SwitchModule.fifoSyntax + "\n" }
        switch verb {
        case "status": return " caller_orig:\n consumer_orig:\n bridge:\n"
        case "debug":
            let level = core.commandState.withLockedValue { state in
                if words.count > 1 { state.fifoDebug = max(Int(words[1].prefix { $0.isNumber || $0 == "-" }) ?? 0, 0) }
                return state.fifoDebug
            }
            return "debug \(level)\n"
        case "reparse": return "+OK\n"
        case "list", "list_verbose": return "<fifo_report/>\n\n"
        case "importance": return "no fifo by that name\n"
        case "count", "has_outbound": return "none\n"
        default: return "-ERR Usage: \(SwitchModule.fifoSyntax)\n"
        }
    }
}
