import Foundation

/// One record of a capture's `.json` file.
struct CaptureRecord: Decodable, Sendable {
    let dir: String
    let label: String
    let data: String

    /// The body of a server frame: everything after the first blank line.
    var body: String {
        guard let range = data.range(of: "\n\n") else { return "" }
        return String(data[range.upperBound...])
    }
}

/// A capture: one scenario recorded against a real FreeSWITCH 1.11.1.
struct Capture: Decodable, Sendable {
    let scenario: String
    let records: [CaptureRecord]

    /// The body of the server frame that answered the client send whose first line is `command`.
    func reply(to command: String) -> String? {
        guard let sent = records.firstIndex(where: { $0.dir == "C->S" && $0.data.hasPrefix(command + "\n") }) else { return nil }
        return records[(sent + 1)...].first { $0.dir == "S->C" }?.body
    }

    /// The bodies of server frames whose label contains `text`.
    func frames(labelled text: String) -> [CaptureRecord] {
        records.filter { $0.dir == "S->C" && $0.label.contains(text) }
    }
}

enum Captures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/captures")

    /// Loads `Tests/Fixtures/captures/<name>.json`.
    static func load(_ name: String) throws -> Capture {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(Capture.self, from: data)
    }
}
