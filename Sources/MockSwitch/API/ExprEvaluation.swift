#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// mod_expr's arithmetic (the expreval library): statements separated by `;` (or `|`, which
/// `expr` turns into `;`), each a `name = value` assignment or an expression of numbers,
/// variables, parentheses, unary signs and `+ - * / % ^`; the value is the last statement's.
enum ExprEvaluation {
    /// The value of `source`, or `nil` when it does not parse (what `expr` answers `!err!` for).
    static func evaluate(_ source: String) -> Double? {
        guard !source.isEmpty else { return nil }
        var parser = Parser(Array(source.replacing("|", with: ";").unicodeScalars))
        return parser.program()
    }

    /// `%0.10f` with the trailing zeros cut, then a trailing `.` (mod_expr's own trimming).
    static func format(_ value: Double) -> String {
        var text = CFormat.printf("%0.10f", value)
        if let last = text.lastIndex(where: { $0 != "0" }), last != text.startIndex { text = String(text[...last]) }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var variables: [String: Double] = [:]

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func program() -> Double? {
            var last: Double?
            while true {
                skipSpaces()
                if position == scalars.count { return last }
                if peek == ";" { position += 1; continue }
                guard let value = statement() else { return nil }
                last = value
                skipSpaces()
                guard position == scalars.count || peek == ";" else { return nil }
            }
        }

        private mutating func statement() -> Double? {
            let start = position
            if let name = identifier() {
                skipSpaces()
                if peek == "=" {
                    position += 1
                    guard let value = sum() else { return nil }
                    variables[name] = value
                    return value
                }
            }
            position = start
            return sum()
        }

        private mutating func sum() -> Double? {
            guard var value = product() else { return nil }
            while true {
                skipSpaces()
                guard let op = peek, op == "+" || op == "-" else { return value }
                position += 1
                guard let rhs = product() else { return nil }
                value = op == "+" ? value + rhs : value - rhs
            }
        }

        private mutating func product() -> Double? {
            guard var value = power() else { return nil }
            while true {
                skipSpaces()
                guard let op = peek, op == "*" || op == "/" || op == "%" else { return value }
                position += 1
                guard let rhs = power() else { return nil }
                if op != "*", rhs == 0 { return nil }
                value = op == "*" ? value * rhs : op == "/" ? value / rhs : fmod(value, rhs)
            }
        }

        private mutating func power() -> Double? {
            guard let base = unary() else { return nil }
            skipSpaces()
            guard peek == "^" else { return base }
            position += 1
            guard let exponent = power() else { return nil }
            return pow(base, exponent)
        }

        private mutating func unary() -> Double? {
            skipSpaces()
            if peek == "-" { position += 1; return unary().map { -$0 } }
            if peek == "+" { position += 1; return unary() }
            if peek == "(" {
                position += 1
                guard let value = sum() else { return nil }
                skipSpaces()
                guard peek == ")" else { return nil }
                position += 1
                return value
            }
            if let name = identifier() { return variables[name] ?? 0 }
            return number()
        }

        private mutating func number() -> Double? {
            let start = position
            while let scalar = peek, ("0"..."9").contains(scalar) || scalar == "." { position += 1 }
            return position > start ? Double(String(String.UnicodeScalarView(scalars[start..<position]))) : nil
        }

        private mutating func identifier() -> String? {
            let start = position
            while let scalar = peek, scalar.properties.isAlphabetic || scalar == "_" || (position > start && ("0"..."9").contains(scalar)) {
                position += 1
            }
            return position > start ? String(String.UnicodeScalarView(scalars[start..<position])) : nil
        }

        private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        private mutating func skipSpaces() {
            while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" { position += 1 }
        }
    }
}
