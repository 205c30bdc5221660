#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// The regular expressions of dialplan conditions, compiled once each (the switch uses PCRE; the
/// stock expressions mean the same to Swift's `Regex`).
extension Dialplan {
    /// How one expression is tested: most stock ones are a literal between `^` and `$`, which a
    /// string comparison decides without the regex engine.
    private enum Matcher: @unchecked Sendable {
        case exactly(String)
        case regex(Regex<AnyRegexOutput>)
        case nothing

        init(_ expression: String) {
            if let literal = Dialplan.anchoredLiteral(expression) {
                self = .exactly(literal)
            } else if let regex = try? Regex(expression) {
                self = .regex(regex)
            } else {
                self = .nothing
            }
        }
    }

    private static let matchers = NIOLockedValueBox<[String: Matcher]>([:])

    /// Whether `expression` matches somewhere in `text`; an expression that does not compile
    /// matches nothing, as `switch_regex_perform` fails.
    static func matches(_ expression: String, _ text: String) -> Bool {
        let matcher = matchers.withLockedValue { cache in
            if let matcher = cache[expression] { return matcher }
            let matcher = Matcher(expression)
            cache[expression] = matcher
            return matcher
        }
        switch matcher {
        case .exactly(let literal): return text == literal
        case .regex(let regex): return ((try? regex.firstMatch(in: text)) ?? nil) != nil
        case .nothing: return false
        }
    }

    /// The text an expression matches exactly, when it is `^`, a literal without any character
    /// special to a regular expression, and `$` (`^9196$`, `^wait$`).
    static func anchoredLiteral(_ expression: String) -> String? {
        guard expression.count > 2, expression.hasPrefix("^"), expression.hasSuffix("$") else { return nil }
        let literal = expression.dropFirst().dropLast()
        guard literal.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " }) else { return nil }
        return String(literal)
    }

    /// `text` with every regular-expression character escaped.
    static func regexEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}/".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
