#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// UUIDs as FreeSWITCH prints them: lower-case 8-4-4-4-12.
enum UUIDText {
    /// A fresh random UUID.
    static func make() -> String { UUID().uuidString.lowercased() }
}
