/// mod_commands' `cond <a> <op> <b> ? <true> [: <false>]`. Each operand is a word or a
/// single-quoted string and needs a blank after it; the operators are `==`, `!=`, `>`, `>=`,
/// `<`, `<=`. Unquoted numbers compare as numbers, anything else by its length, and `==`/`!=`
/// compare two non-numbers as text. With no false branch a false condition prints nothing.
enum CondExpression {
    private enum Operator { case equal, notEqual, greater, greaterOrEqual, less, lessOrEqual }

    static func evaluate(_ argument: String) -> String {
        let text = Array(argument)
        var index = 0
        guard let a = operand(text, &index) else { return "-ERR" }
        skipBlanks(text, &index)
        guard index < text.count else { return "-ERR" }
        let next = index + 1 < text.count ? text[index + 1] : nil
        let op: Operator
        switch text[index] {
        case "!" where next == "=": op = .notEqual; index += 2
        case "=" where next == "=": op = .equal; index += 2
        case ">": op = next == "=" ? .greaterOrEqual : .greater; index += next == "=" ? 2 : 1
        case "<": op = next == "=" ? .lessOrEqual : .less; index += next == "=" ? 2 : 1
        default: return "-ERR"
        }
        // The switch steps over one more character (meant to be the blank) before skipping blanks.
        index += 1
        skipBlanks(text, &index)
        guard let b = operand(text, &index) else { return "-ERR" }
        skipBlanks(text, &index)
        guard index < text.count, text[index] == "?" else { return "-ERR" }
        let branches = SeparatedString.split(":" + String(text[(index + 1)...]), delimiter: ":", limit: 3)
        guard (2...3).contains(branches.count) else { return "-ERR" }
        let aNumber = a.quoted ? nil : number(a.text), bNumber = b.quoted ? nil : number(b.text)
        let x = aNumber ?? Double(a.text.utf8.count), y = bNumber ?? Double(b.text.utf8.count)
        let isTrue: Bool
        switch op {
        case .equal: isTrue = aNumber == nil && bNumber == nil ? a.text == b.text : x == y
        case .notEqual: isTrue = aNumber == nil && bNumber == nil ? a.text != b.text : x != y
        case .greater: isTrue = x > y
        case .greaterOrEqual: isTrue = x >= y
        case .less: isTrue = x < y
        case .lessOrEqual: isTrue = x <= y
        }
        if isTrue { return branches[1] }
        return branches.count == 3 ? branches[2] : ""
    }

    /// A quoted operand runs to its closing quote (a backslash keeps the next character in it)
    /// and must be followed by a blank; a bare one runs to the next blank, which must exist.
    private static func operand(_ text: [Character], _ index: inout Int) -> (text: String, quoted: Bool)? {
        guard index < text.count else { return nil }
        if text[index] == "'" {
            var end = index + 1
            while end < text.count, text[end] != "'" {
                if text[end] == "\\", end + 1 < text.count, text[end + 1] == "\\" || text[end + 1] == "'" { end += 1 }
                end += 1
            }
            guard end < text.count, end + 1 < text.count, text[end + 1].isWhitespace else { return nil }
            defer { index = end + 1 }
            return (String(text[(index + 1)..<end]), true)
        }
        guard let space = text[index...].firstIndex(of: " ") else { return nil }
        defer { index = space + 1 }
        return (String(text[index..<space]), false)
    }

    private static func skipBlanks(_ text: [Character], _ index: inout Int) {
        while index < text.count, text[index].isWhitespace { index += 1 }
    }

    /// `switch_is_number` (a sign, then digits and dots only; empty counts) read with `atof`.
    private static func number(_ text: String) -> Double? {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        guard digits.allSatisfy({ $0 == "." || ("0"..."9").contains($0) }) else { return nil }
        var prefix = Substring(text)
        while !prefix.isEmpty {
            if let value = Double(prefix) { return value }
            prefix = prefix.dropLast()
        }
        return 0
    }
}
