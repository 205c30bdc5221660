#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A time zone as the C library knows it: an IANA name read from the system's compiled zone files
/// (`/usr/share/zoneinfo`, the TZif format of RFC 8536). The mock prints every local time through it.
/// Foundation's `TimeZone` knows named zones only through ICU, which would double the binary's size.
///
/// The offsets come from the file's transition table; past its last transition the last offset
/// holds (Debian's files list transitions up to 2037), so the POSIX rule in the file's footer is
/// not applied.
public struct SwitchTimeZone: Sendable, Equatable {
    /// The name it was found by (`America/New_York`, `UTC`).
    public let identifier: String
    private let transitions: [Int64]
    private let transitionTypes: [UInt8]
    private let types: [LocalType]

    private struct LocalType: Sendable, Equatable {
        var offset: Int
        var abbreviation: String
    }

    /// Coordinated universal time, which needs no file.
    public static let utc = SwitchTimeZone(identifier: "UTC", transitions: [], transitionTypes: [], types: [LocalType(offset: 0, abbreviation: "UTC")])

    private init(identifier: String, transitions: [Int64], transitionTypes: [UInt8], types: [LocalType]) {
        (self.identifier, self.transitions, self.transitionTypes, self.types) = (identifier, transitions, transitionTypes, types)
    }

    /// The zone called `identifier` (`Europe/Berlin`), or nil when no zone file has that name.
    /// `UTC` and `GMT` always exist.
    public init?(identifier: String) {
        if ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Z"].contains(identifier) {
            self = SwitchTimeZone(identifier: identifier, transitions: [], transitionTypes: [], types: [LocalType(offset: 0, abbreviation: identifier == "GMT" || identifier == "Etc/GMT" ? "GMT" : "UTC")])
            return
        }
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.split(separator: "/").contains("..") else { return nil }
        self.init(identifier: identifier, path: Self.directory + "/" + identifier)
    }

    private init?(identifier: String, path: String) {
        guard let bytes = Self.contents(of: path), let table = TZifTable(bytes) else { return nil }
        self.init(identifier: identifier, transitions: table.transitions, transitionTypes: table.transitionTypes,
                  types: table.types.map { LocalType(offset: $0.offset, abbreviation: $0.abbreviation) })
    }

    /// The zone of this process, as the C library picks it: `TZ` (a name or, after `:`, a file),
    /// else `/etc/localtime`, else UTC.
    public static var current: SwitchTimeZone {
        if let variable = getenv("TZ").map({ String(cString: $0) }), !variable.isEmpty {
            let name = variable.hasPrefix(":") ? String(variable.dropFirst()) : variable
            if name.hasPrefix("/") { return SwitchTimeZone(identifier: zoneName(ofPath: name), path: name) ?? .utc }
            return SwitchTimeZone(identifier: name) ?? .utc
        }
        return SwitchTimeZone(identifier: zoneName(ofPath: localtimePath()), path: "/etc/localtime") ?? .utc
    }

    /// Seconds east of UTC at `seconds` since the epoch.
    public func offset(at seconds: Int64) -> Int { type(at: seconds).offset }

    /// The zone's abbreviation at `seconds` since the epoch (`EST`, `CEST`).
    public func abbreviation(at seconds: Int64) -> String { type(at: seconds).abbreviation }

    private func type(at seconds: Int64) -> LocalType {
        // Before the first transition the first type applies (RFC 8536 §3.2); after it, the type of
        // the last transition at or before `seconds`.
        var low = 0, high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return types[0] }
        return types[Int(transitionTypes[low - 1])]
    }

    private static let directory = "/usr/share/zoneinfo"

    /// `America/New_York` for `/usr/share/zoneinfo/America/New_York` (what `/etc/localtime` links to).
    private static func zoneName(ofPath path: String) -> String {
        guard let range = path.firstRange(of: "zoneinfo/") else { return path }
        return String(path[range.upperBound...])
    }

    private static func localtimePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard length > 0 else { return "/etc/localtime" }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 { bytes += chunk[..<count] } else if count == 0 { return bytes } else if errno != EINTR { return nil }
        }
    }
}
