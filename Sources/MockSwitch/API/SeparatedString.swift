/// `switch_separate_string` with a delimiter other than a blank: at most `limit` fields, the
/// last one keeping the rest; a delimiter inside single quotes or after a backslash does not
/// split. Each field then loses its outer blanks and its quotes, and `\n`, `\r`, `\t`, `\s`
/// and an escaped quote, backslash or delimiter become what they stand for.
enum SeparatedString {
    static func split(_ text: String, delimiter: Character, limit: Int) -> [String] {
        let characters = Array(text)
        var fields: [[Character]] = []
        var index = 0
        var insideQuotes = false
        var startsField = true
        while index < characters.count {
            if startsField {
                fields.append([])
                startsField = false
                // The last field is not split any further.
                if fields.count == limit {
                    fields[limit - 1] = Array(characters[index...])
                    break
                }
                continue
            }
            let character = characters[index]
            if character == "\\" {
                fields[fields.count - 1].append(character)
                index += 1
                if index < characters.count { fields[fields.count - 1].append(characters[index]) }
            } else if character == "'", insideQuotes || characters[(index + 1)...].contains("'") {
                insideQuotes.toggle()
                fields[fields.count - 1].append(character)
            } else if character == delimiter, !insideQuotes {
                startsField = true
            } else {
                fields[fields.count - 1].append(character)
            }
            index += 1
        }
        return fields.map { cleaned($0, delimiter: delimiter) }
    }

    private static func cleaned(_ field: [Character], delimiter: Character) -> String {
        let escapes: [Character: Character] = ["n": "\n", "r": "\r", "t": "\t", "s": " "]
        var out: [Character] = []
        var end = 0
        var insideQuotes = false
        var index = field.firstIndex { $0 != " " } ?? field.count
        while index < field.count {
            let character = field[index]
            if character == "\\", index + 1 < field.count,
               let escaped = ["'", "\"", delimiter, "\\"].contains(field[index + 1]) ? field[index + 1] : escapes[field[index + 1]] {
                out.append(escaped)
                end = out.count
                index += 2
                continue
            }
            if character == "'", insideQuotes || field[(index + 1)...].contains("'") {
                insideQuotes.toggle()
                if insideQuotes { end = out.count }
            } else {
                out.append(character)
                if character != " " || insideQuotes { end = out.count }
            }
            index += 1
        }
        return String(out[..<end])
    }
}
