import Foundation
import NIOConcurrencyHelpers

/// The regular expressions of dialplan conditions, compiled once each (the switch uses PCRE; the
/// stock expressions mean the same to ICU).
extension Dialplan {
    private static let compiled = NIOLockedValueBox<[String: NSRegularExpression]>([:])

    /// Whether `expression` matches somewhere in `text`; an expression that does not compile
    /// matches nothing, as `switch_regex_perform` fails.
    static func matches(_ expression: String, _ text: String) -> Bool {
        let regex = compiled.withLockedValue { cache -> NSRegularExpression? in
            if let regex = cache[expression] { return regex }
            let regex = try? NSRegularExpression(pattern: expression)
            cache[expression] = regex
            return regex
        }
        guard let regex else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every regular-expression character escaped.
    static func regexEscaped(_ text: String) -> String {
        NSRegularExpression.escapedPattern(for: text)
    }
}
