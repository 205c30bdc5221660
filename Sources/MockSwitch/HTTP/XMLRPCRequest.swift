#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP request as mod_xml_rpc sees it once NIO has parsed it: the method as sent, the
/// request-target, the header fields in order and the body.
struct XMLRPCRequest: Sendable {
    var method: String
    var uri: String
    var headers: [(name: String, value: String)]
    var body: [UInt8] = []

    /// The first header field called `name` (any case).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The Host field's name and port: no port means 80, no Host field means no name.
    var host: (name: String?, port: Int) {
        guard let host = header("Host") else { return (nil, 80) }
        var name = Substring(host)
        var port = Substring("")
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            port = name[name.index(after: close)...].drop { $0 == ":" }
            name = name[name.index(after: name.startIndex)..<close]
        } else if let colon = name.lastIndex(of: ":") {
            port = name[name.index(after: colon)...]
            name = name[..<colon]
        }
        return (String(name), Int(port) ?? 80)
    }

    /// Abyss's first step: the whole request-target percent-decoded once (any hex case), then split
    /// at the first `?`. `nil` for a bad escape, which Abyss answers with 400.
    var decodedTarget: (path: String, query: String?)? {
        guard let decoded = Self.strictDecode(uri) else { return nil }
        guard let mark = decoded.firstIndex(of: "?") else { return (decoded, nil) }
        return (String(decoded[..<mark]), String(decoded[decoded.index(after: mark)...]))
    }

    /// `%XX` to the byte; `+` stays. A `%` without two hex digits fails.
    static func strictDecode(_ text: String) -> String? {
        var out: [UInt8] = []
        var bytes = text.utf8[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "%") else { out.append(byte); continue }
            guard bytes.count >= 2, let high = hexValue(bytes[bytes.startIndex]),
                  let low = hexValue(bytes[bytes.index(after: bytes.startIndex)]) else { return nil }
            out.append(high << 4 | low)
            bytes = bytes.dropFirst(2)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The parameter pieces of a query or form body, as mod_xml_rpc adds them to the param event:
    /// split on `&`, `+` made a space, decoded a second time (loosely), split at the first `=`;
    /// pieces without `=` are left out. An empty value is kept here: it deletes the header.
    static func parameters(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&", omittingEmptySubsequences: false).compactMap { piece in
            let decoded = looseDecode(String(piece.replacing("+", with: " ")))
            guard let equals = decoded.firstIndex(of: "=") else { return nil }
            return (String(decoded[..<equals]), String(decoded[decoded.index(after: equals)...]))
        }
    }

    /// `switch_url_decode`: `%` with at least two characters after it takes the hex digits
    /// `sscanf("%2x")` finds there (one is enough) and skips both; otherwise it stays.
    static func looseDecode(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), bytes.count - index > 2, let high = hexValue(bytes[index + 1]) {
                out.append(hexValue(bytes[index + 2]).map { high << 4 | $0 } ?? high)
                index += 3
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
