/// Routing a leg through the XML dialplan (`switch_core_standard_on_routing` calling mod_dialplan_xml's
/// hunt), with what the switch logs on the way: `Processing …` at INFO, then the trace at DEBUG on
/// the clean channel, which has no date prefix (capture 31).
extension CallScript {
    /// The steps leg `uuid` runs for its caller profile's destination in `context`, or `nil`.
    func huntDialplan(_ uuid: String, context: String, dialplan: Dialplan) -> [Dialplan.Step]? {
        let leg = self[uuid]
        let profile = leg.profile
        let destination = profile?.destinationNumber ?? ""
        log(6, "Processing \(profile?.callerIDName ?? "") <\(profile?.callerIDNumber ?? "")>->\(destination) in context \(context)",
            .dialplanProcessing, uuid)
        let core = self.core
        let hunt = dialplan.hunt(context: context, at: now, in: core.clock.timeZone, trace: logs(7)) { field in
            switch field {
            case "destination_number": return destination
            case "source": return profile?.source ?? ""
            case "caller_id_name": return profile?.callerIDName ?? ""
            case "caller_id_number": return profile?.callerIDNumber ?? ""
            case "ani": return profile?.ani ?? ""
            case "context": return context
            case "uuid": return uuid
            case _ where field.hasPrefix("${") && field.hasSuffix("}"):
                // A channel variable, else a global one, as `switch_channel_get_variable` looks.
                let name = String(field.dropFirst(2).dropLast())
                return leg.variables[name] ?? core.globalVariable(name) ?? ""
            default: return ""
            }
        }
        for line in hunt.trace {
            log(7, Self.text(line, channel: leg.name), Self.source(line), uuid, channel: .clean)
        }
        return hunt.steps
    }

    /// A trace line as `mod_dialplan_xml` prints it.
    static func text(_ line: Dialplan.TraceLine, channel: String) -> String {
        let body = switch line {
        case .parsing(let context, let name, let continues): "parsing [\(context)->\(name)] continue=\(continues)"
        case .regex(let passed, let name, let field, let value, let expression, let breaks):
            "Regex (\(passed ? "PASS" : "FAIL")) [\(name)] \(field)(\(value)) =~ /\(expression)/ break=\(breaks.rawValue)"
        // The switch spells the two results differently.
        case .dateTime(true, let name, let breaks): "Date/Time Match (PASS) [\(name)] break=\(breaks.rawValue)"
        case .dateTime(false, let name, let breaks): "Date/TimeMatch (FAIL) [\(name)] break=\(breaks.rawValue)"
        case .absolute(let name): "Absolute Condition [\(name)]"
        case .action(let step): "Action \(step.application)(\(step.data)) "
        case .antiAction(let step): "ANTI-Action \(step.application)(\(step.data)) "
        }
        return "Dialplan: \(channel) \(body)"
    }

    static func source(_ line: Dialplan.TraceLine) -> SourceLocation {
        switch line {
        case .parsing: .dialplanParsing
        case .regex(true, _, _, _, _, _): .dialplanRegexPass
        case .regex(false, _, _, _, _, _): .dialplanRegexFail
        case .dateTime(true, _, _): .dialplanTimePass
        case .dateTime(false, _, _): .dialplanTimeFail
        case .absolute: .dialplanAbsolute
        case .action: .dialplanAction
        case .antiAction: .dialplanAntiAction
        }
    }
}

extension SourceLocation {
    static let dialplanProcessing = SourceLocation(file: "mod_dialplan_xml.c", function: "dialplan_hunt", line: 648)
    static let dialplanParsing = SourceLocation(file: "mod_dialplan_xml.c", function: "dialplan_hunt", line: 705)
    static let dialplanTimePass = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 207)
    static let dialplanTimeFail = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 219)
    static let dialplanRegexPass = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 419)
    static let dialplanRegexFail = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 430)
    /// Unverified: no capture shows a condition without a field.
    static let dialplanAbsolute = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 440)
    /// Unverified: no capture shows an anti-action.
    static let dialplanAntiAction = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 523)
    static let dialplanAction = SourceLocation(file: "mod_dialplan_xml.c", function: "parse_exten", line: 566)
}
