import ESLProtocol
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `--follow --json` lines (man page, "JSON OUTPUT"): one object per log line and per event,
/// each with a `type`, keys sorted.
enum FollowRecord {
    /// A log line: its level (number and name), where it was logged, the call it belongs to, the text.
    struct Log: Encodable, Sendable, Equatable {
        var type = "log"
        /// The switch's name in a fleet.
        var name: String?
        var level: Int
        /// `DEBUG`, `ERR`, … (absent for a level the switch does not define).
        var levelName: String?
        var file: String
        var function: String
        var line: Int
        /// The call's UUID (the log line's user data), when it has one.
        var uuid: String?
        /// The text without its final line end.
        var text: String

        init(_ line: ESLLogLine, name: String? = nil) {
            self.name = name
            level = line.level
            levelName = ESLLogLevel(rawValue: line.level)?.name
            file = line.file
            function = line.function
            self.line = line.line
            uuid = line.userData.isEmpty ? nil : line.userData
            var text = line.text
            if text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
            self.text = text
        }
    }

    /// `{"event":{…},"type":"event"}` (with `"name":…` between them in a fleet): the event as FreeSWITCH serializes it for `event json` (each
    /// header a key, `_body` the body), written by the protocol library's own JSON encoder, which
    /// escapes every value; the envelope around it holds no value of the switch's.
    static func event(_ event: ESLEvent, name: String? = nil) -> String {
        var json = event.wireText(.json)
        while json.utf8.last == UInt8(ascii: "\n") { json.removeLast() }
        let named = name.map { ",\"name\":" + quoted($0) } ?? ""
        return "{\"event\":" + json + named + ",\"type\":\"event\"}\n"
    }

    /// A string as a JSON value.
    private static func quoted(_ text: String) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        } catch {
            preconditionFailure("cannot encode a string: \(error)")
        }
    }

    /// The log record as one line of JSON.
    static func log(_ line: ESLLogLine, name: String? = nil) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(Log(line, name: name)), as: UTF8.self) + "\n"
        } catch {
            // Strings and integers always encode; this would be a bug in the encoder.
            preconditionFailure("cannot encode a log record: \(error)")
        }
    }
}
