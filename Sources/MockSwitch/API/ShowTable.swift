import SwitchCatalog

/// A `show` result and its three renderings (docs/api-output.md, "show"): CSV with `\n<n> total.\n`, cJSON
/// unformatted, and switch_xml's two-space indented XML; zero rows have their own exact forms.
struct ShowTable {
    enum Format {
        case csv(String)
        case json
        case xml
    }

    var columns: [String]
    var rows: [[String]]

    func render(_ format: Format) -> String {
        switch format {
        case .csv(let delimiter):
            guard !rows.isEmpty else { return "\n0 total.\n" }
            let lines = [columns.joined(separator: delimiter)] + rows.map { $0.joined(separator: delimiter) }
            return lines.joined(separator: "\n") + "\n\n\(rows.count) total.\n"
        case .json:
            guard !rows.isEmpty else { return "{\"row_count\": 0}\n" }
            let objects = rows.map { row in
                "{" + zip(columns, row).map { "\(JSONText.quoted($0)):\(JSONText.quoted($1))" }.joined(separator: ",") + "}"
            }
            return "{\"row_count\":\(rows.count),\"rows\":[" + objects.joined(separator: ",") + "]}"
        case .xml:
            guard !rows.isEmpty else { return "<result row_count=\"0\"/>\n" }
            var text = "<result row_count=\"\(rows.count)\">\n"
            for (index, row) in rows.enumerated() {
                text += "  <row row_id=\"\(index + 1)\">\n"
                for (column, value) in zip(columns, row) {
                    text += "    <\(column)>\(XMLEscape.text(value))</\(column)>\n"
                }
                text += "  </row>\n"
            }
            return text + "</result>\n"
        }
    }
}

/// cJSON's string escaping: `"` `\` and control characters.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
