/// switch_xml's escaping of text in the XML it writes (`show … as xml`, `console_complete_xml`,
/// directory XML): `&`, `<`, `>` as entities, CR as `&#xD;`.
public enum XMLEscape {
    /// The text of an attribute value: element escaping plus the double quote.
    public static func attribute(_ value: String) -> String {
        text(value).replacing("\"", with: "&quot;")
    }

    /// Element text.
    public static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            default: out.append(character)
            }
        }
        return out
    }
}
