import Foundation

/// One record of a capture file (see ../shared/captures/README.md).
struct CaptureRecord: Decodable, Sendable {
    let dir: String
    let label: String
    let data: String
}

/// Loads the real FreeSWITCH captures that live beside the repository.
enum Captures {
    private struct File: Decodable {
        let records: [CaptureRecord]
    }

    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Captures.swift
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ESLClientTests
        .appendingPathComponent("Fixtures/captures")

    /// The records of one capture; with `connection` (`A`, `B`, …) only that connection's records,
    /// for captures that interleave several connections.
    static func records(_ name: String, connection: String? = nil) throws -> [CaptureRecord] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        let records = try JSONDecoder().decode(File.self, from: data).records
        guard let connection else { return records }
        return records.filter { $0.label.hasSuffix("[\(connection)]") }
    }
}
