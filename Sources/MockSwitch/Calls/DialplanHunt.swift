#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hunt through a context (`dialplan_hunt` and `parse_exten` of mod_dialplan_xml): each
/// extension's conditions in order, `break` deciding when a result ends the extension, actions
/// (or anti-actions) collected on the way, and the first extension that matches without
/// `continue` ending the hunt.
extension Dialplan {
    /// What a hunt found: the steps to run (`nil`: no route) and, when asked for, the trace the
    /// switch logs.
    public struct Hunt: Sendable {
        public var steps: [Step]?
        public var trace: [TraceLine]
    }

    /// One line of the trace (the `Dialplan: <channel> …` lines of capture 31).
    public enum TraceLine: Sendable, Equatable {
        case parsing(context: String, extension: String, continues: Bool)
        case regex(passed: Bool, extension: String, field: String, value: String, expression: String, breaks: Condition.Break)
        case dateTime(passed: Bool, extension: String, breaks: Condition.Break)
        case absolute(extension: String)
        case action(Step)
        case antiAction(Step)
    }

    /// Hunts `context` at the time `micros` in `zone` (no time: date/time conditions fail);
    /// `field` gives a condition's field, a caller profile field name or `${variable}`. With
    /// `trace` the lines are kept.
    ///
    /// Only a matching extension without `continue` that adds steps routes the call: a hunt that
    /// merely passed `tod_example` (which sets `open=true` and goes on), or ended at an extension
    /// whose applications the mock does not describe, fails with NO_ROUTE_DESTINATION.
    public func hunt(context: String, at micros: Int64?, in zone: SwitchTimeZone, trace: Bool = false,
                     field: (String) -> String) -> Hunt {
        var steps: [Step] = []
        var lines: [TraceLine] = []
        var routed = false
        for candidate in extensionsToHunt(in: context) {
            let stepsBefore = steps.count
            if trace { lines.append(.parsing(context: context, extension: candidate.name, continues: candidate.continues)) }
            var proceed = false
            for condition in candidate.conditions {
                let passed: Bool
                switch condition.test {
                case .regex(let name, let expression):
                    let value = field(name)
                    passed = Self.matches(expression, value)
                    if trace {
                        lines.append(.regex(passed: passed, extension: candidate.name, field: name, value: value,
                                            expression: expression, breaks: condition.breaks))
                    }
                case .dateTime(let match):
                    passed = micros.map { match.matches($0, in: zone) } ?? false
                    if trace { lines.append(.dateTime(passed: passed, extension: candidate.name, breaks: condition.breaks)) }
                case .always:
                    passed = true
                    if trace { lines.append(.absolute(extension: candidate.name)) }
                }
                proceed = passed
                let added = passed ? condition.actions : condition.antiActions
                if trace { lines += added.map { passed ? .action($0) : .antiAction($0) } }
                steps += added
                // Anti-actions make the extension a match, as they do in `parse_exten`.
                if !passed, !added.isEmpty { proceed = true }
                let stops = switch condition.breaks {
                case .onFalse: !passed
                case .onTrue: passed
                case .always: true
                case .never: false
                }
                if stops { break }
            }
            if proceed, !candidate.continues {
                routed = steps.count > stepsBefore
                break
            }
        }
        return Hunt(steps: routed ? steps : nil, trace: lines)
    }
}
