#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON value that keeps its members in order, parsed and printed as cJSON does (`json`
/// answers its request object with members added, in cJSON's spelling).
indirect enum CJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([CJSON])
    case object([(String, CJSON)])

    static func == (lhs: CJSON, rhs: CJSON) -> Bool { lhs.unformatted == rhs.unformatted }

    /// The member called `key` (cJSON_GetObjectItem: the first, any case).
    subscript(key: String) -> CJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0.lowercased() == key.lowercased() }?.1
    }

    /// The string value, or `nil` for any other kind.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Adds a member at the end (cJSON_AddItemToObject); a no-op on anything but an object.
    mutating func append(_ key: String, _ value: CJSON) {
        if case .object(var members) = self {
            members.append((key, value))
            self = .object(members)
        }
    }

    // MARK: Parsing

    /// Parses `text` (cJSON_Parse); `nil` when it is not JSON.
    static func parse(_ text: String) -> CJSON? {
        var parser = Parser(bytes: Array(text.utf8))
        guard let value = parser.value() else { return nil }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var at = 0

        mutating func skip() { while at < bytes.count, bytes[at] <= 0x20 { at += 1 } }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard bytes.count - at >= w.count, Array(bytes[at..<at + w.count]) == w else { return false }
            at += w.count
            return true
        }

        mutating func value() -> CJSON? {
            skip()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "\""): return string().map(CJSON.string)
            case UInt8(ascii: "["):
                at += 1
                var items: [CJSON] = []
                skip()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skip()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    guard bytes[at] == UInt8(ascii: "]") else { return nil }
                    at += 1
                    return .array(items)
                }
            case UInt8(ascii: "{"):
                at += 1
                var members: [(String, CJSON)] = []
                skip()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return .object(members) }
                while true {
                    skip()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), let key = string() else { return nil }
                    skip()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
                    at += 1
                    guard let item = value() else { return nil }
                    members.append((key, item))
                    skip()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    guard bytes[at] == UInt8(ascii: "}") else { return nil }
                    at += 1
                    return .object(members)
                }
            default:
                let start = at
                while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
                return Double(String(decoding: bytes[start..<at], as: UTF8.self)).map(CJSON.number)
            }
        }

        mutating func string() -> String? {
            at += 1
            var out: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\"), at < bytes.count else { out.append(byte); continue }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard bytes.count - at >= 4, let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { return nil }
                    at += 4
                    out += Array(String(Character(scalar)).utf8)
                default: out.append(escaped)
                }
            }
            return nil
        }
    }

    // MARK: Printing

    /// cJSON_PrintUnformatted.
    var unformatted: String { print(pretty: false, depth: 0) }

    /// cJSON_Print: tabs, one member a line.
    var pretty: String { print(pretty: true, depth: 0) }

    private func print(pretty: Bool, depth: Int) -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return Self.number(value)
        case .string(let text): return JSONText.quoted(text)
        case .array(let items):
            let inner = items.map { $0.print(pretty: pretty, depth: depth + 1) }
            return "[" + inner.joined(separator: pretty ? ", " : ",") + "]"
        case .object(let members):
            guard !members.isEmpty else { return pretty ? "{\n" + String(repeating: "\t", count: depth) + "}" : "{}" }
            if !pretty {
                return "{" + members.map { JSONText.quoted($0.0) + ":" + $0.1.print(pretty: false, depth: depth + 1) }.joined(separator: ",") + "}"
            }
            let indent = String(repeating: "\t", count: depth + 1)
            let lines = members.map { indent + JSONText.quoted($0.0) + ":\t" + $0.1.print(pretty: true, depth: depth + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + String(repeating: "\t", count: depth) + "}"
        }
    }

    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) <= Double(Int32.max) { return String(Int(value)) }
        return CFormat.printf("%1.15g", value)
    }
}
