import Foundation

/// UUIDs as FreeSWITCH prints them: lower-case 8-4-4-4-12.
enum UUIDText {
    /// A fresh random UUID.
    static func make() -> String { UUID().uuidString.lowercased() }
}
