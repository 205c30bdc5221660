/// The applications that only change variables or mod_hash's table: multiset, multiunset,
/// set_global and hash. (set, export and unset run in ``CallScript/runSteps(_:_:hangUpAtEnd:)``.)
extension CallScript {
    /// Runs `step` if it is one of these; `false` otherwise.
    mutating func runVariableApplication(_ uuid: String, _ step: Dialplan.Step) -> Bool {
        switch step.application {
        case "multiset", "multiunset":
            // `^^X` first makes X the separator instead of a space.
            var text = Substring(step.data), separator: Character = " "
            if text.hasPrefix("^^"), text.count > 2 {
                separator = text[text.index(text.startIndex, offsetBy: 2)]
                text = text.dropFirst(3)
            }
            for item in text.split(separator: separator) {
                if step.application == "multiunset" {
                    self[uuid].variables.set(String(item), nil)
                    continue
                }
                // As `set`: the value follows `=` (or `,`); an empty one unsets.
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pair[0])
                let value = pair.count > 1 && !pair[1].isEmpty ? String(pair[1]) : nil
                if !name.isEmpty { self[uuid].variables.set(name, value) }
            }
        case "set_global":
            guard !step.data.isEmpty else {
                log(3, "No variable name specified.", .setGlobal, uuid)
                return true
            }
            let pair = step.data.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = pair.count > 1 && !pair[1].isEmpty ? String(pair[1]) : nil
            log(7, "SET GLOBAL [\(pair[0])]=[\(value ?? "UNDEF")]", .setGlobal, uuid)
            core.setGlobalVariable(String(pair[0]), value)
        case "hash":
            if !core.applyHashApplication(step.data) {
                log(4, "USAGE: hash [insert|insert_ifempty|delete|delete_ifmatch]/<realm>/<key>/<val>", .hashApplication, uuid)
            }
        default:
            return false
        }
        return true
    }
}

extension SourceLocation {
    static let setGlobal = SourceLocation(file: "mod_dptools.c", function: "set_global_function", line: 1746)
    static let hashApplication = SourceLocation(file: "mod_hash.c", function: "hash_function", line: 484)
}
