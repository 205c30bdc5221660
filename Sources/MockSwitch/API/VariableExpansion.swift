/// `switch_event_expand_headers` as `eval`, `expand` and the dialplan use it: `${name}` reads a
/// channel variable (with a channel) or a global one, `$${name}` a global one, and
/// `${api(args)}` runs an API command on its (expanded) arguments. Unknown names expand to nothing.
struct VariableExpansion {
    let core: SwitchCore
    /// The channel whose variables come first, if any.
    let channel: String?

    func expand(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            var start = index
            if bytes[index] == UInt8(ascii: "$"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "$"),
               bytes[index + 2] == UInt8(ascii: "{") {
                start = index + 1
            }
            guard bytes[start] == UInt8(ascii: "$"), start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "{"),
                  let close = matchingBrace(bytes, from: start + 2) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let inner = String(decoding: bytes[(start + 2)..<close], as: UTF8.self)
            out += Array(value(of: inner).utf8)
            index = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func value(of inner: String) -> String {
        if let open = inner.firstIndex(of: "("), inner.hasSuffix(")") {
            let name = String(inner[..<open])
            let arguments = expand(String(inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]))
            guard let command = core.modules.command(named: name) else { return "" }
            let output = APICommands.implementation(for: command)(arguments.trimmingWhitespace, core)
            return output.failed ? "" : output.text
        }
        let name = expand(inner)
        if let channel, let value = core.channelVariable(channel, name) { return value }
        return core.globalVariable(name) ?? ""
    }

    private func matchingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 1
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{") { depth += 1 }
            if bytes[index] == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}

/// eval, expand, global_setvar (capture 60).
extension APICommands {
    static let expansionCommands: [String: APIImplementation] = [
        "eval": { argument, core in
            let (uuid, input) = uuidPrefix(argument)
            guard !input.isEmpty else { return APIOutput("") }
            let channel = uuid.flatMap { core.channelExists($0) ? $0 : nil }
            return APIOutput(VariableExpansion(core: core, channel: channel).expand(input))
        },
        "expand": { argument, core in
            guard !argument.isEmpty else { return APIOutput("-ERR No input\n") }
            let (uuid, input) = uuidPrefix(argument)
            let channel = uuid.flatMap { core.channelExists($0) ? $0 : nil }
            let expanded = VariableExpansion(core: core, channel: channel).expand(input)
            let split = expanded.splitAtFirstSpace
            guard let command = core.modules.command(named: split.head) else {
                return APIOutput("INVALID COMMAND!\n-ERR Cannot execute command\n")
            }
            return APICommands.implementation(for: command)(split.tail.trimmingWhitespace, core)
        },
        "global_setvar": { argument, core in
            // switch_core_set_var_conditional: `name=value=expected` sets only while the value is `expected`.
            let parts = argument.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let name = parts[0].trimmingWhitespace
            guard parts.count > 1, !name.isEmpty else { return APIOutput("-USAGE: <var>=<value> [=<value2>]\n") }
            if parts.count > 2, core.globalVariable(name) != parts[2] { return APIOutput("+OK") }
            core.setGlobalVariable(name, parts[1].isEmpty ? nil : parts[1])
            return APIOutput("+OK")
        },
    ]

    /// `uuid:<uuid> <rest>` → the uuid and the rest; otherwise no uuid and the whole text.
    static func uuidPrefix(_ text: String) -> (uuid: String?, rest: String) {
        guard text.lowercased().hasPrefix("uuid:") else { return (nil, text) }
        let split = String(text.dropFirst(5)).splitAtFirstSpace
        return (split.head, split.tail)
    }
}
